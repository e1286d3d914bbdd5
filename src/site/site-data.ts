import { getCollection, type CollectionEntry } from 'astro:content';
import { activeMarketEntries, groupByMany, listedMembers, publishedPosts } from './queries.ts';
import type { Lang } from '../i18n/locale.ts';
import { eventLists, type EventSeries } from './recurrence.ts';
import { barometerFigures } from './barometer-data.ts';
import type { Barometer } from './barometer.ts';
import { municipalityNeighbours } from './geo.ts';

export type Member = CollectionEntry<'members'>;
export type Post = CollectionEntry<'blog'>;
export type Network = CollectionEntry<'wiki'>;
export type SiteEvent = CollectionEntry<'events'>;
export type Group = CollectionEntry<'groups'>;
export type MarketEntry = CollectionEntry<'market'>;
export type Page = CollectionEntry<'pages'>;
export type Trade = CollectionEntry<'trades'>['data'];
export type Municipality = CollectionEntry<'municipalities'>['data'];
export type Settings = CollectionEntry<'settings'>['data'];

/** "Now" for the build: `BUILD_NOW` pins it (tests, reproducible builds), else the clock. */
export const buildNow = (): Date => (process.env.BUILD_NOW ? new Date(process.env.BUILD_NOW) : new Date());

/**
 * Everything pages need, loaded and indexed once per build. Pages look things up here
 * instead of scanning collections, so the build stays linear in the amount of content.
 */
export interface SiteData {
  now: Date;
  settings: Settings;
  members: Member[];
  membersBySlug: Map<string, Member>;
  trades: Map<string, Trade>;
  municipalities: Map<string, Municipality>;
  /** Municipality id → the municipalities it shares a border with (src/site/geo.ts); [] for islands and unknown codes. */
  neighbours: Map<string, string[]>;
  posts: Post[];
  postsBySlug: Map<string, Post>;
  postsByLang: Record<Lang, Post[]>;
  postsByAuthor: Map<string, Post[]>;
  /** Post slug → its translation, whichever of the pair declares `translation_of`. */
  translations: Map<string, Post>;
  networks: Network[];
  networksBySlug: Map<string, Network>;
  events: SiteEvent[];
  upcoming: SiteEvent[];
  past: SiteEvent[];
  eventsByNetwork: Map<string, SiteEvent[]>;
  /** Recurring events as written (their first date; for calendars) with their coming dates; `events` has them at their next. */
  series: Map<string, EventSeries<SiteEvent>>;
  groups: Group[];
  groupsBySlug: Map<string, Group>;
  membersByGroup: Map<string, Member[]>;
  market: MarketEntry[];
  marketByMember: Map<string, MarketEntry[]>;
  pages: Page[];
  pagesBySlug: Map<string, Page>;
  /** The barometer's figures: counts only (unlisted members are counted in barometer-data.ts, never passed on). */
  barometer: Barometer;
}

let cached: Promise<SiteData> | undefined;

export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

async function load(): Promise<SiteData> {
  const now = buildNow();
  const [settings, allMembers, trades, municipalities, allPosts, networks, events, groups, market, pages] =
    await Promise.all([
      getCollection('settings'),
      getCollection('members'),
      getCollection('trades'),
      getCollection('municipalities'),
      getCollection('blog'),
      getCollection('wiki'),
      getCollection('events'),
      getCollection('groups'),
      getCollection('market'),
      getCollection('pages'),
    ]);
  // Unlisted members are dropped here, at the one door every page goes through.
  const members = listedMembers(allMembers);
  const posts = publishedPosts(allPosts);
  const bySlug = <T extends { id: string }>(list: T[]) => new Map(list.map((e) => [e.id, e]));
  const networksSorted = networks.sort((a, b) => a.data.name.localeCompare(b.data.name, 'da'));
  const activeMarket = activeMarketEntries(market, now);
  const municipalityMap = new Map(municipalities.map((m) => [m.data.id, m.data]));
  return {
    now,
    settings: settings[0].data,
    members,
    membersBySlug: bySlug(members),
    trades: new Map(trades.map((t) => [t.data.id, t.data])),
    municipalities: municipalityMap,
    neighbours: municipalityNeighbours(municipalityMap),
    posts,
    postsBySlug: bySlug(posts),
    postsByLang: { da: posts.filter((p) => p.data.lang === 'da'), en: posts.filter((p) => p.data.lang === 'en') },
    postsByAuthor: groupByMany(posts, (p) => p.data.authors),
    translations: translationPairs(posts),
    networks: networksSorted,
    networksBySlug: bySlug(networksSorted),
    ...eventLists(events, now),
    groups: groups.sort((a, b) =>
      a.data.kind === 'main' ? -1 : b.data.kind === 'main' ? 1 : a.data.name.localeCompare(b.data.name, 'da'),
    ),
    groupsBySlug: bySlug(groups),
    membersByGroup: groupByMany(members, (m) => m.data.groups),
    market: activeMarket,
    marketByMember: groupByMany(activeMarket, (e) => [e.data.member]),
    pages,
    pagesBySlug: bySlug(pages),
    barometer: await barometerFigures(now),
  };
}

function translationPairs(posts: Post[]): Map<string, Post> {
  const bySlug = new Map(posts.map((p) => [p.id, p]));
  const pairs = new Map<string, Post>();
  for (const post of posts) {
    const other = post.data.translation_of ? bySlug.get(post.data.translation_of) : undefined;
    if (!other) continue;
    pairs.set(post.id, other);
    if (!pairs.has(other.id)) pairs.set(other.id, post);
  }
  return pairs;
}
