import { isoLocal, parseLocalDateTime } from '../lib/dates.ts';

/**
 * When a listed thing stops being current, as the `data-ends` attribute that the page's own
 * script (src/components/HideEnded.astro) compares with the reader's clock. The rules are the
 * build's (src/site/queries.ts), so a page viewed later agrees with a page built later.
 */

/** An event is over when it ends, or, without an end, when it starts (upcomingEvents' rule). */
export function eventEnds(event: { start: Date; end?: Date }): string {
  return isoLocal(event.end ?? event.start);
}

/** A market entry is shown through its `expires` day (a calendar day, read as UTC midnight): it ends at the next Danish midnight. */
export function marketEnds(expires: Date): string {
  const next = new Date(Date.parse(`${expires.toISOString().slice(0, 10)}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
  return isoLocal(parseLocalDateTime(`${next}T00:00`));
}
