import { LOCALE_TAG, type Lang } from '../i18n/locale.ts';

export const SITE_TIME_ZONE = 'Europe/Copenhagen';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: SITE_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The wall-clock time in Copenhagen at an instant, as numbers. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClock(instant: Date): WallClock {
  const p = Object.fromEntries(partsFormatter.formatToParts(instant).map((x) => [x.type, x.value]));
  return { year: +p.year!, month: +p.month!, day: +p.day!, hour: +p.hour!, minute: +p.minute!, second: +p.second! };
}

/** Milliseconds Copenhagen is ahead of UTC at the given instant. */
function zoneOffsetMs(instant: Date): number {
  const w = wallClock(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const two = (n: number) => String(n).padStart(2, '0');

/** An instant as ISO 8601 in Copenhagen's wall-clock time with its offset: 2026-12-11T18:00:00+01:00. */
export function isoLocal(instant: Date): string {
  const w = wallClock(instant);
  const offset = Math.round(zoneOffsetMs(instant) / 60_000);
  const zone = `${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}${zone}`;
}

/**
 * Parses `YYYY-MM-DDTHH:mm[:ss][offset]`. Without an offset the wall-clock time is read
 * as Europe/Copenhagen, including the right summer/winter offset for that date.
 */
export function parseLocalDateTime(value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  if (!m) return new Date(Number.NaN);
  const [, y, mo, d, h, mi, s = '00', zone] = m;
  if (zone)
    return new Date(
      `${y}-${mo}-${d}T${h}:${mi}:${s}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`,
    );
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  // Two passes settle the offset around daylight-saving changes.
  let guess = wall - zoneOffsetMs(new Date(wall));
  guess = wall - zoneOffsetMs(new Date(guess));
  return new Date(guess);
}

// Intl formatters are costly to create (a member page formats several dates; at 10,000 members
// creating one per call was 3.6 s of a build), so each is made once per language.
const perLang = (options: Intl.DateTimeFormatOptions): Record<Lang, Intl.DateTimeFormat> => ({
  da: new Intl.DateTimeFormat(LOCALE_TAG.da, { ...options, timeZone: SITE_TIME_ZONE }),
  en: new Intl.DateTimeFormat(LOCALE_TAG.en, { ...options, timeZone: SITE_TIME_ZONE }),
});
const dateFormat = perLang({ dateStyle: 'long' });
const dateTimeFormat = perLang({ dateStyle: 'full', timeStyle: 'short' });
const timeFormat = perLang({ timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: SITE_TIME_ZONE });

export function formatDate(date: Date, lang: Lang): string {
  return dateFormat[lang].format(date);
}

export function formatDateTime(date: Date, lang: Lang): string {
  return dateTimeFormat[lang].format(date);
}

export function formatTime(date: Date, lang: Lang): string {
  return timeFormat[lang].format(date);
}

/** Calendar date in Copenhagen as YYYY-MM-DD, for `datetime` attributes and comparisons by day. */
export function isoDay(date: Date): string {
  return dayFormat.format(date);
}

/** True for a day that exists, written YYYY-MM-DD (2026-02-30 and 2026-13-01 are not). */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}

/** The day a front-matter value names: a Date (YAML reads an unquoted day so) or YYYY-MM-DD text. */
export function dayOf(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  return typeof value === 'string' && isCalendarDay(value) ? value : undefined;
}
