import ical, {
  ICalEventStatus,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from 'ical-generator';
import * as rruleModule from 'rrule';
import { SITE_TIME_ZONE, parseLocalDateTime, wallClock } from '../lib/dates.ts';
import type { Lang } from '../i18n/locale.ts';
import { useTranslations } from '../i18n/ui.ts';
import { calendarPath, eventPath, networkPath, sectionPath, type CalendarKind } from '../i18n/urls.ts';
import { municipalityName, type TaxonomyMaps } from './taxonomy.ts';
import { oneEnd, type Recurrence } from './recurrence.ts';
import type { SiteData, SiteEvent } from './site-data.ts';

const { RRule } = (rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule;

/**
 * Europe/Copenhagen's rules since 1996 (the EU's): summer time from the last Sunday of March at
 * 02:00 to the last Sunday of October at 03:00. Written here rather than taken from a time-zone
 * package (none is installed); tests/unit/calendar.test.ts checks it against the zone database
 * the runtime carries (Intl) for every change from 1996 to 2060.
 */
export const COPENHAGEN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${SITE_TIME_ZONE}`,
  `X-LIC-LOCATION:${SITE_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * An instant as Copenhagen wall-clock time in the shape ical-generator accepts for Temporal values
 * (its published stub types). A native Date would be written in the build machine's own time zone.
 */
export function copenhagenTime(instant: Date): ICalTemporalZonedDateTimeStub {
  const w = wallClock(instant);
  const local = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  const day = local.slice(0, 10);
  const plain: ICalTemporalPlainDateTimeStub = {
    ...w,
    toPlainDate: () => ({ year: w.year, month: w.month, day: w.day, toJSON: () => day, toString: () => day }),
    toZonedDateTime: (zone) => zoned.withTimeZone(zone),
    toJSON: () => local,
    toString: () => local,
  };
  const zoned: ICalTemporalZonedDateTimeStub = {
    ...w,
    timeZoneId: SITE_TIME_ZONE,
    toInstant: () => ({
      epochMilliseconds: instant.getTime(),
      toJSON: () => instant.toISOString(),
      toString: () => instant.toISOString(),
      toZonedDateTimeISO: (zone) => zoned.withTimeZone(zone),
    }),
    toPlainDateTime: () => plain,
    withTimeZone: (zone) => {
      if (zone !== SITE_TIME_ZONE) throw new Error(`calendar: only ${SITE_TIME_ZONE} is supported, not ${zone}`);
      return zoned;
    },
    toJSON: () => `${local}[${SITE_TIME_ZONE}]`,
    toString: () => `${local}[${SITE_TIME_ZONE}]`,
  };
  return zoned;
}

/** The RRULE line of a series. UNTIL is the end of its last day in Copenhagen, in UTC as RFC 5545 requires with a TZID. */
export function rruleLine(r: Recurrence): string {
  return new RRule({
    freq: r.freq === 'weekly' ? RRule.WEEKLY : RRule.MONTHLY,
    interval: r.interval,
    ...(r.count !== undefined && { count: r.count }),
    ...(r.until && { until: parseLocalDateTime(`${r.until.toISOString().slice(0, 10)}T23:59:59`) }),
  }).toString();
}

/**
 * SEQUENCE from the event's `updated` time: whole minutes since 2020. It grows each time an editor
 * sets `updated` to a later time (the field's hint asks for that on every change of time, place or
 * status), and the same content always gives the same number. Without `updated` it is 0. A hash of
 * the content would change too, but could go down; the file's history is not in the content.
 */
export function eventSequence(updated: Date | undefined): number {
  if (!updated) return 0;
  return Math.max(0, Math.floor((updated.getTime() - Date.UTC(2020, 0, 1)) / 60_000));
}

/** One VEVENT, in site terms. */
export interface CalendarItem {
  uid: string;
  summary: string;
  description: string;
  start: Date;
  end?: Date;
  location?: string;
  url?: string;
  cancelled: boolean;
  sequence: number;
  /** When the entry was last revised (DTSTAMP; LAST-MODIFIED too when `lastModified` is set). */
  stamp: Date;
  lastModified?: Date;
  recurrence?: Recurrence;
}

export interface CalendarSpec {
  name: string;
  description?: string;
  lang: Lang;
  /** The page the calendar belongs to. */
  url: string;
  /** The publisher in PRODID. */
  company: string;
  items: CalendarItem[];
}

/** How often subscribers' programs should fetch the calendar again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const REFRESH_SECONDS = 12 * 60 * 60;

/** An RFC 5545 calendar: escaping, line folding and the VCALENDAR frame are ical-generator's. */
export function calendarText(spec: CalendarSpec): string {
  const cal = ical({
    name: spec.name,
    description: spec.description,
    url: spec.url,
    prodId: { company: spec.company, product: 'website-kit', language: spec.lang.toUpperCase() },
    // The zone only through its generator: a calendar-wide zone would also write DTSTAMP in local time.
    timezone: { name: null, generator: (zone) => (zone === SITE_TIME_ZONE ? COPENHAGEN_VTIMEZONE : null) },
    ttl: REFRESH_SECONDS,
  });
  for (const item of spec.items) {
    cal.createEvent({
      id: item.uid,
      sequence: item.sequence,
      stamp: item.stamp,
      lastModified: item.lastModified ?? null,
      timezone: SITE_TIME_ZONE,
      start: copenhagenTime(item.start),
      end: item.end ? copenhagenTime(item.end) : null,
      summary: item.summary,
      description: item.description,
      location: item.location ?? null,
      url: item.url ?? null,
      status: item.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      repeating: item.recurrence ? rruleLine(item.recurrence) : null,
    });
  }
  return cal.toString();
}

/** `webcal://` for the same file: calendar programs subscribe to it instead of importing it once. */
export const webcalUrl = (https: string) => https.replace(/^https?:/, 'webcal:');

/** What calendarItem needs of the site besides the event. */
export interface ItemContext {
  lang: Lang;
  site: URL;
  now: Date;
  municipalities: TaxonomyMaps['municipalities'];
}

type EventEntry = Pick<SiteEvent, 'id' | 'data'>;

/** An event (as written: a series keeps its first date and its rule) as a VEVENT in one language. */
export function calendarItem(event: EventEntry, ctx: ItemContext): CalendarItem {
  const e = event.data;
  const page = new URL(eventPath(ctx.lang, event.id), ctx.site).href;
  const venue =
    e.venue && [e.venue.name, e.venue.address, municipalityName(ctx, e.venue.municipality)].filter(Boolean).join(', ');
  return {
    // The slug and the host: the same in every build and both languages, unique across sites.
    uid: `${event.id}@${ctx.site.hostname}`,
    summary: e.title,
    description: `${e.description}\n\n${page}`,
    start: e.start,
    end: e.end,
    // An online event's place is its link.
    location: venue || e.online_url,
    url: e.online_url ?? page,
    cancelled: e.status === 'cancelled',
    sequence: eventSequence(e.updated),
    stamp: e.updated ?? ctx.now,
    lastModified: e.updated,
    recurrence: e.recurrence && oneEnd(e.start, e.recurrence),
  };
}

/** Days a finished event stays in the list calendars, so subscribers keep last month's events. */
export const KEEP_PAST_DAYS = 31;

/**
 * The events a list calendar holds, as written: those that have not ended more than a month ago
 * (cancelled ones too, so subscribers' programs remove them) and every series still going on.
 */
export function calendarEvents(data: Pick<SiteData, 'events' | 'series' | 'now'>): SiteEvent[] {
  const since = data.now.getTime() - KEEP_PAST_DAYS * 86_400_000;
  return data.events
    .filter((e) => (e.data.end ?? e.data.start).getTime() >= since)
    .map((e) => data.series.get(e.id)?.entry ?? e)
    .sort((a, b) => a.data.start.getTime() - b.data.start.getTime() || a.id.localeCompare(b.id));
}

/** One calendar file: where it is and what it holds. (A type, not an interface: Astro wants props that are records.) */
export type CalendarFile = {
  path: string;
  kind: CalendarKind;
  slug?: string;
};

/**
 * Every calendar file of one language: the whole list, one per network and per municipality that
 * has an event (past ones count, so a subscription lasts as long as the archive), and one per event.
 */
export function calendarFiles(lang: Lang, data: Pick<SiteData, 'events'>): CalendarFile[] {
  const file = (kind: CalendarKind, slug?: string): CalendarFile => ({
    path: calendarPath(lang, kind, slug),
    kind,
    slug,
  });
  const sorted = (ids: (string | undefined)[]) =>
    [...new Set(ids.filter((id): id is string => id !== undefined))].sort();
  return [
    file('all'),
    ...sorted(data.events.map((e) => e.data.network)).map((id) => file('network', id)),
    ...sorted(data.events.map((e) => e.data.venue?.municipality)).map((id) => file('municipality', id)),
    ...data.events.map((e) => file('event', e.id)),
  ];
}

/** getStaticPaths of a language's calendar endpoint: each file's path below the calendar root. */
export function calendarFileParams(lang: Lang, data: SiteData) {
  const root = calendarPath(lang, 'all').replace(/[^/]*$/, '');
  return calendarFiles(lang, data).map((f) => ({ params: { file: f.path.slice(root.length) }, props: f }));
}

const bySlug = new WeakMap<SiteData, Map<string, SiteEvent>>();
const eventsBySlug = (data: SiteData) => {
  let map = bySlug.get(data);
  if (!map) bySlug.set(data, (map = new Map(data.events.map((e) => [e.id, e]))));
  return map;
};

/** The text of one calendar file. */
export function calendarFileText(lang: Lang, f: CalendarFile, data: SiteData, site: URL): string {
  const t = useTranslations(lang);
  const ctx: ItemContext = { lang, site, now: data.now, municipalities: data.municipalities };
  const abs = (p: string) => new URL(p, site).href;
  const list = calendarEvents(data);
  const siteName = data.settings.name;
  const spec = (name: string, url: string, events: EventEntry[], description?: string): string =>
    calendarText({
      name,
      description,
      lang,
      url: abs(url),
      company: siteName,
      items: events.map((e) => calendarItem(e, ctx)),
    });
  switch (f.kind) {
    case 'all':
      return spec(`${siteName} – ${t('events.title')}`, sectionPath(lang, 'events'), list, t('events.intro'));
    case 'network': {
      const network = data.networksBySlug.get(f.slug!)!;
      return spec(
        `${network.data.name} – ${t('events.title')}`,
        networkPath(lang, network.id),
        list.filter((e) => e.data.network === network.id),
      );
    }
    case 'municipality':
      return spec(
        `${siteName} – ${t('calendar.inMunicipality', { name: municipalityName(data, f.slug!) })}`,
        sectionPath(lang, 'events'),
        list.filter((e) => e.data.venue?.municipality === f.slug),
      );
    case 'event': {
      const event = data.series.get(f.slug!)?.entry ?? eventsBySlug(data).get(f.slug!)!;
      return spec(event.data.title, eventPath(lang, event.id), [event]);
    }
  }
}

/** The response of a calendar endpoint. */
export const calendarResponse = (text: string) =>
  new Response(text, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
