import type { Lang } from './locale.ts';
import { routePath, type RouteId } from '../site/routes.ts';
import { slugify } from '../lib/slug.ts';

/** Every path the site links to, by name, from the route table (src/site/routes.ts). Danish at the root, English under /en/. */

/** `/` for Danish, `/en/` for English. */
export const homePath = (lang: Lang) => routePath('home', lang);

/** A section's path, with more segments below it: sectionPath('en', 'members', 'anne-lund') → /en/members/anne-lund/ */
export function sectionPath(lang: Lang, section: RouteId, ...rest: (string | number)[]): string {
  return `${routePath(section, lang)}${rest.map((s) => `${s}/`).join('')}`;
}

/** The blog's RSS feed in one language (src/pages/rss.xml.ts, src/pages/en/rss.xml.ts): its address since the start. */
export const feedPath = (lang: Lang) => `${homePath(lang)}rss.xml`;

/** Every feed comes as RSS 2.0, Atom 1.0 and JSON Feed, each a file of its own in the feed's folder. */
export const FEED_FORMATS = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];
export const FEED_FILES: Record<FeedFormat, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

/**
 * A page's feed sits under /feed/ (en: /en/feed/) at the page's own path:
 * /blog/emne/moms/ → /feed/blog/emne/moms/atom.xml (src/pages/feed/[...path].ts, src/pages/en/feed/[...path].ts).
 */
export function pageFeedPath(lang: Lang, pagePath: string, format: FeedFormat): string {
  const home = homePath(lang);
  return `${home}feed/${pagePath.slice(home.length)}${FEED_FILES[format]}`;
}
/** The language's blog: RSS at /rss.xml as ever, Atom and JSON Feed under /feed/blog/. */
export const blogFeedPath = (lang: Lang, format: FeedFormat) =>
  format === 'rss' ? feedPath(lang) : pageFeedPath(lang, blogIndexPath(lang), format);
export const tagFeedPath = (lang: Lang, tag: string, format: FeedFormat) =>
  pageFeedPath(lang, tagPath(lang, tag), format);
export const authorFeedPath = (lang: Lang, slug: string, format: FeedFormat) =>
  pageFeedPath(lang, authorPath(lang, slug), format);
/** Upcoming events, beside the events list. */
export const eventsFeedPath = (lang: Lang, format: FeedFormat) => pageFeedPath(lang, routePath('events', lang), format);
/** New members (listed only), beside the directory. */
export const newMembersFeedPath = (lang: Lang, format: FeedFormat) =>
  pageFeedPath(lang, routePath('members', lang), format);

/** A blog post lives only in its own language. */
export const postPath = (post: { id: string; data: { lang: Lang } }) =>
  routePath('post', post.data.lang, { slug: post.id });
/** Page 1 of a list is its own path; page n is under side/n/ (en: page/n/). */
export const blogIndexPath = (lang: Lang, page = 1) => routePath('blog', lang, {}, page);
export const tagPath = (lang: Lang, tag: string, page = 1) => routePath('blogTag', lang, { tag: slugify(tag) }, page);
export const authorPath = (lang: Lang, slug: string, page = 1) => routePath('blogAuthor', lang, { slug }, page);
export const memberPath = (lang: Lang, slug: string) => routePath('member', lang, { slug });
export const directoryPath = (lang: Lang, page = 1) => routePath('members', lang, {}, page);
export const networkPath = (lang: Lang, slug: string) => routePath('network', lang, { slug });
export const eventPath = (lang: Lang, slug: string) => routePath('event', lang, { slug });
export const pastEventsPath = (lang: Lang) => routePath('pastEvents', lang);
export const freePagePath = (page: { id: string; data: { lang: Lang } }) =>
  routePath('page', page.data.lang, { slug: page.id });

/** Calendars (src/site/calendar.ts): one file per event and one per list, under a root of their own. */
export type CalendarKind = 'all' | 'event' | 'network' | 'municipality';
export const CALENDAR_ROOT: Record<Lang, string> = { da: 'kalender', en: 'calendar' };
const CALENDAR_FOLDER: Record<Exclude<CalendarKind, 'all'>, Record<Lang, string>> = {
  event: { da: 'arrangementer', en: 'events' },
  network: { da: 'netvaerk', en: 'networks' },
  municipality: { da: 'kommuner', en: 'municipalities' },
};
/** calendarPath('da', 'network', 'mikronet') → /kalender/netvaerk/mikronet.ics; calendarPath('en', 'all') → /en/calendar/events.ics */
export function calendarPath(lang: Lang, kind: CalendarKind, slug?: string): string {
  const file = kind === 'all' ? `${CALENDAR_FOLDER.event[lang]}.ics` : `${CALENDAR_FOLDER[kind][lang]}/${slug}.ics`;
  return `${homePath(lang)}${CALENDAR_ROOT[lang]}/${file}`;
}
/** The barometer, and one year's page: /barometer/2026/ */
export const barometerPath = (lang: Lang, year?: number) =>
  year === undefined ? routePath('barometer', lang) : routePath('barometerYear', lang, { year: String(year) });
/** A download of the barometer (src/site/barometer-files.ts): /barometer/2026/medlemmer-pr-branche.csv */
export const barometerFilePath = (lang: Lang, file: string) => `${routePath('barometer', lang)}${file}`;
export const municipalitiesPath = (lang: Lang) => routePath('municipalities', lang);
/** A municipality's page (the welcome pack); only municipalities with content have one (src/site/municipality.ts). */
export const municipalityPath = (lang: Lang, id: string) => routePath('municipality', lang, { slug: id });
/** Open data for partners (src/site/open-data.ts): one root for both languages, outside the route table. */
export const OPEN_DATA_ROOT = '/data/';
export const openDataPath = (format: 'json' | 'geojson', municipality?: string) =>
  municipality === undefined
    ? `${OPEN_DATA_ROOT}network.${format}`
    : `${OPEN_DATA_ROOT}municipalities/${municipality}.${format}`;
/** The script a municipality's site includes to list its members, networks and events (src/pages/data/embed.js.ts, src/site/embed.ts). */
export const embedScriptPath = `${OPEN_DATA_ROOT}embed.js`;
