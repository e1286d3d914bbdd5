import { parseLocalDateTime, SITE_TIME_ZONE } from '../lib/dates.ts';

/**
 * When a listed thing stops being current, as the `data-ends` attribute that the page's own
 * script (src/components/HideEnded.astro) compares with the reader's clock. The rules are the
 * build's (src/site/queries.ts), so a page viewed later agrees with a page built later.
 */

const wallClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: SITE_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const offsetName = new Intl.DateTimeFormat('en-GB', { timeZone: SITE_TIME_ZONE, timeZoneName: 'longOffset' });

/** An instant as Danish wall-clock time with its offset: 2026-11-24T20:00:00+01:00 (readable, and Date.parse reads it). */
export function isoInCopenhagen(instant: Date): string {
  const local = wallClock.format(instant).replace(' ', 'T');
  const zone = offsetName.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  // "GMT" alone is an offset of zero; otherwise "GMT+01:00".
  return `${local}${zone === 'GMT' ? '+00:00' : zone.slice(3)}`;
}

/** An event is over when it ends, or, without an end, when it starts (upcomingEvents' rule). */
export function eventEnds(event: { start: Date; end?: Date }): string {
  return isoInCopenhagen(event.end ?? event.start);
}

/** A market entry is shown through its `expires` day (a calendar day, read as UTC midnight): it ends at the next Danish midnight. */
export function marketEnds(expires: Date): string {
  const next = new Date(Date.parse(`${expires.toISOString().slice(0, 10)}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
  return isoInCopenhagen(parseLocalDateTime(`${next}T00:00`));
}
