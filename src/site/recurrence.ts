import * as rruleModule from 'rrule';
import { parseLocalDateTime, wallClock } from '../lib/dates.ts';
import { groupByMany, pastEvents, upcomingEvents } from './queries.ts';

// rrule is CommonJS to Node (which cannot see its named exports) and ESM to bundlers (which has no default).
const { RRule } = (rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule;

/** A recurring event's rule as the content model writes it (src/schemas/events.ts). */
export interface Recurrence {
  freq: 'weekly' | 'monthly';
  interval: number;
  /** The last day (inclusive), a calendar day at UTC midnight as the schema reads it. */
  until?: Date;
  count?: number;
}

/** One time an event takes place. */
export interface Occurrence {
  start: Date;
  end?: Date;
}

/** How many coming dates the site lists for a recurring event. */
export const NEXT_DATES = 6;
/** A guard on the walk through a series; a weekly rule reaches it after about 190 years. */
const MAX_STEPS = 10_000;

/**
 * rrule counts in "floating" time: a Date whose UTC fields are the wall clock. Stepping the wall
 * clock (not the instant) is what keeps a meeting at 18:00 Danish time across daylight saving.
 */
const toFloating = (instant: Date) => {
  const w = wallClock(instant);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
};
const fromFloating = (floating: Date) => parseLocalDateTime(floating.toISOString().slice(0, 19));

function rule(start: Date, r: Recurrence) {
  return new RRule({
    freq: r.freq === 'weekly' ? RRule.WEEKLY : RRule.MONTHLY,
    interval: r.interval,
    dtstart: toFloating(start),
    ...(r.count !== undefined && { count: r.count }),
    // The whole last day counts, whatever the time of day.
    ...(r.until && { until: new Date(`${r.until.toISOString().slice(0, 10)}T23:59:59Z`) }),
  });
}

/**
 * The occurrences of a series in order, each as long as the first, until `stop` says enough (it
 * sees each occurrence and how many were kept) or the series ends.
 */
export function occurrences(
  first: Occurrence,
  r: Recurrence,
  keep: (o: Occurrence) => boolean,
  stop: (kept: Occurrence[]) => boolean,
): Occurrence[] {
  const length = first.end ? first.end.getTime() - first.start.getTime() : undefined;
  const kept: Occurrence[] = [];
  let steps = 0;
  rule(first.start, r).all((floating) => {
    const start = fromFloating(floating);
    const o: Occurrence = length === undefined ? { start } : { start, end: new Date(start.getTime() + length) };
    if (keep(o)) kept.push(o);
    return ++steps < MAX_STEPS && !stop(kept);
  });
  return kept;
}

/**
 * The rule with one end: RFC 5545 allows UNTIL or COUNT in a rule, not both. With both, the series
 * ends at whichever comes first (as rrule expands it), so that one is kept.
 */
export function oneEnd(first: Date, r: Recurrence): Recurrence {
  if (r.until === undefined || r.count === undefined) return r;
  const { until, count, ...rest } = r;
  const all = occurrences(
    { start: first },
    r,
    () => true,
    () => false,
  );
  return all.length === count ? { ...rest, count } : { ...rest, until };
}

const endOf = (o: Occurrence) => o.end ?? o.start;

/** The next `n` occurrences that have not ended at `now`. */
export function nextOccurrences(first: Occurrence, r: Recurrence, now: Date, n = NEXT_DATES): Occurrence[] {
  return occurrences(
    first,
    r,
    (o) => endOf(o) >= now,
    (kept) => kept.length >= n,
  );
}

/** The last occurrence that ended before `now`, if any. */
export function lastPastOccurrence(first: Occurrence, r: Recurrence, now: Date): Occurrence | undefined {
  let last: Occurrence | undefined;
  occurrences(
    first,
    r,
    (o) => {
      if (endOf(o) < now) last = o;
      return false;
    },
    () => false,
  );
  return last;
}

interface EventLike {
  id: string;
  digest?: string | number;
  data: { start: Date; end?: Date; recurrence?: Recurrence };
}

/** A recurring event as written (for the calendar's RRULE) and its coming dates (for the site). */
export interface EventSeries<E> {
  entry: E;
  next: Occurrence[];
}

/**
 * The events as the site shows them: a recurring event stands at its next occurrence (or its last,
 * once the series is over), so the upcoming list, the archive and every card place it right without
 * knowing about rules. Its digest then names those dates too, so a page that shows it is rendered
 * again when the next date moves (page keys count entries by digest: src/site/page-keys.ts).
 */
export function expandRecurring<E extends EventLike>(
  events: E[],
  now: Date,
): { events: E[]; series: Map<string, EventSeries<E>> } {
  const series = new Map<string, EventSeries<E>>();
  const shown = events.map((entry) => {
    const r = entry.data.recurrence;
    if (!r) return entry;
    const first = { start: entry.data.start, end: entry.data.end };
    const next = nextOccurrences(first, r, now);
    series.set(entry.id, { entry, next });
    const at = next[0] ?? lastPastOccurrence(first, r, now) ?? first;
    return {
      ...entry,
      digest: `${entry.digest ?? ''}~${next.map((o) => o.start.toISOString()).join(',')}`,
      data: { ...entry.data, start: at.start, end: at.end },
    };
  });
  return { events: shown, series };
}

/** The site's event lists, with each recurring event at its next date (src/site/site-data.ts). */
export function eventLists<E extends EventLike & { data: { network?: string } }>(written: E[], now: Date) {
  const { events, series } = expandRecurring(written, now);
  return {
    events,
    upcoming: upcomingEvents(events, now),
    past: pastEvents(events, now),
    eventsByNetwork: groupByMany(events, (e) => (e.data.network ? [e.data.network] : [])),
    series,
  };
}
