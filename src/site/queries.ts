import { isoDay } from '../lib/dates.ts';

/** Pure queries over content entries. Functions that depend on "now" take it as a parameter. */

interface Entry<D> {
  id: string;
  data: D;
}

export function listedMembers<E extends Entry<{ listed: boolean; name: string }>>(members: E[]): E[] {
  return members.filter((m) => m.data.listed).sort((a, b) => a.data.name.localeCompare(b.data.name, 'da'));
}

export function newestMembers<E extends Entry<{ listed: boolean; joined: Date }>>(members: E[], n: number): E[] {
  return members
    .filter((m) => m.data.listed)
    .sort((a, b) => b.data.joined.getTime() - a.data.joined.getTime() || a.id.localeCompare(b.id))
    .slice(0, n);
}

/** Published posts, newest first. Drafts are never built. */
export function publishedPosts<E extends Entry<{ draft?: boolean; date: Date }>>(posts: E[]): E[] {
  return posts
    .filter((p) => !p.data.draft)
    .sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
}

type Timed = { start: Date; end?: Date };
const endOf = (e: Timed) => e.end ?? e.start;

/** Events that have not ended yet, soonest first. */
export function upcomingEvents<E extends Entry<Timed>>(events: E[], now: Date): E[] {
  return events.filter((e) => endOf(e.data) >= now).sort((a, b) => a.data.start.getTime() - b.data.start.getTime());
}

/** Events that have ended, most recent first: the archive. */
export function pastEvents<E extends Entry<Timed>>(events: E[], now: Date): E[] {
  return events.filter((e) => endOf(e.data) < now).sort((a, b) => b.data.start.getTime() - a.data.start.getTime());
}

/**
 * Market entries still open on `now`'s day in Denmark; expired ones are not shown. `expires` is a
 * day (read as midnight UTC), compared with the Danish day of `now`: the nightly build just after
 * Danish midnight (01:30 in summer is 23:30 UTC the day before) must drop yesterday's entries.
 */
export function activeMarketEntries<E extends Entry<{ expires: Date; date: Date }>>(entries: E[], now: Date): E[] {
  const today = isoDay(now);
  return entries
    .filter((e) => e.data.expires.toISOString().slice(0, 10) >= today)
    .sort((a, b) => b.data.date.getTime() - a.data.date.getTime());
}

export function isStale(lastVerified: Date, now: Date): boolean {
  const yearAgo = new Date(now);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  return lastVerified < yearAgo;
}

export interface PageSlice<T> {
  items: T[];
  page: number;
  pages: number;
}

/** Splits a list into numbered pages of `size` (page 1 first; an empty list still has one page). */
export function paginate<T>(items: T[], size: number): PageSlice<T>[] {
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    page: i + 1,
    pages,
  }));
}

/** Groups items by each key they carry (an item with several tags appears under each). */
export function groupByMany<T>(items: T[], keys: (item: T) => readonly string[] | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    for (const k of keys(item) ?? []) {
      const list = out.get(k);
      if (list) list.push(item);
      else out.set(k, [item]);
    }
  }
  return out;
}

/** Value → count, sorted by count then label; for facets rendered at build time. */
export function countValues<T>(items: T[], values: (item: T) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const v of new Set(values(item))) counts.set(v, (counts.get(v) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'da')));
}
