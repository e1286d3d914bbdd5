import path from 'node:path';
import type { Lang } from '../i18n/locale.ts';
import { useTranslations, type Translate } from '../i18n/ui.ts';
import {
  authorFeedPath,
  authorPath,
  blogFeedPath,
  blogIndexPath,
  directoryPath,
  eventPath,
  eventsFeedPath,
  FEED_FORMATS,
  homePath,
  memberPath,
  newMembersFeedPath,
  pageFeedPath,
  postPath,
  sectionPath,
  tagFeedPath,
  tagPath,
  type FeedFormat,
} from '../i18n/urls.ts';
import { slugify } from '../lib/slug.ts';
import { eventStatusLabels } from '../schemas/events.ts';
import { eventFacts, refsOf } from './facts.ts';
import { absoluteHtml, factsHtml, figuresHtml, mediaEnclosure, type FeedEntry, type FeedSpec } from './feed.ts';
import { langAttrFor, type PageContext } from './page-context.ts';
import type { Member, Post, SiteData, SiteEvent } from './site-data.ts';
import { tradeLabel } from './taxonomy.ts';

/**
 * The site's feeds, per language: the blog, each tag, each author, upcoming events and new members.
 * Each comes in RSS, Atom and JSON Feed (src/site/feed.ts writes them), at the paths of
 * src/i18n/urls.ts; src/pages/feed/[...path].ts and src/pages/en/feed/[...path].ts serve them,
 * FeedLinks.astro and FeedList.astro announce the ones that apply to a page. Only what the site
 * shows goes in: listed members, published posts.
 */

export type FeedSource =
  | { kind: 'blog' }
  | { kind: 'tag'; tag: string }
  | { kind: 'author'; slug: string }
  | { kind: 'events' }
  | { kind: 'newMembers' };

/** How many entries a feed of posts or members carries; the events feed has every coming event. */
export const FEED_SIZE = 30;

export function feedPathOf(lang: Lang, source: FeedSource, format: FeedFormat): string {
  switch (source.kind) {
    case 'blog':
      return blogFeedPath(lang, format);
    case 'tag':
      return tagFeedPath(lang, source.tag, format);
    case 'author':
      return authorFeedPath(lang, source.slug, format);
    case 'events':
      return eventsFeedPath(lang, format);
    case 'newMembers':
      return newMembersFeedPath(lang, format);
  }
}

/** A language's posts by tag, as the tag pages group them (tags that transliterate alike share one). */
function postsByTag(posts: Post[]): Map<string, { name: string; posts: Post[] }> {
  const out = new Map<string, { name: string; posts: Post[] }>();
  for (const post of posts)
    for (const tag of new Set(post.data.tags ?? [])) {
      const slug = slugify(tag);
      const group = out.get(slug) ?? { name: tag, posts: [] };
      if (!group.posts.includes(post)) group.posts.push(post);
      out.set(slug, group);
    }
  return out;
}

/** Authors with a page: listed members who wrote posts (the blogAuthor rows' pages). */
const authorsWithPosts = (data: SiteData) =>
  [...data.postsByAuthor.keys()].filter((slug) => data.membersBySlug.has(slug)).sort();

/** Every feed of a language. */
export function feedSources(lang: Lang, data: SiteData): FeedSource[] {
  return [
    { kind: 'blog' },
    ...[...postsByTag(data.postsByLang[lang]).keys()].sort().map((tag) => ({ kind: 'tag' as const, tag })),
    ...authorsWithPosts(data).map((slug) => ({ kind: 'author' as const, slug })),
    { kind: 'events' },
    { kind: 'newMembers' },
  ];
}

/**
 * The static paths of one language's feed files below its /feed/ folder (the blog's RSS is
 * src/pages/rss.xml.ts, at its old address).
 */
export function feedFiles(lang: Lang, data: SiteData) {
  const root = `${homePath(lang)}feed/`;
  return feedSources(lang, data).flatMap((source) =>
    FEED_FORMATS.filter((format) => source.kind !== 'blog' || format !== 'rss').map((format) => ({
      params: { path: feedPathOf(lang, source, format).slice(root.length) },
      props: { source, format },
    })),
  );
}

/** The short name a feed is listed under, and its title. */
function feedName(lang: Lang, source: FeedSource, t: Translate, data: SiteData): string {
  switch (source.kind) {
    case 'blog':
      return t('nav.blog');
    case 'tag':
      return t('blog.tag', { tag: postsByTag(data.postsByLang[lang]).get(source.tag)?.name ?? source.tag });
    case 'author':
      return t('blog.author', { name: data.membersBySlug.get(source.slug)?.data.name ?? source.slug });
    case 'events':
      return t('nav.events');
    case 'newMembers':
      return t('feeds.newMembers');
  }
}

const feedTitle = (name: string, data: SiteData) => `${data.settings.name} – ${name}`;

const newest = (dates: Date[]): Date | undefined =>
  dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : undefined;

/** The public folder, where /media/ pictures are read for their size. */
const publicDir = () => path.resolve(process.cwd(), 'public');

/** Each feed is written in three formats, and a post is in several feeds: made once per build's data. */
const made = new WeakMap<SiteData, Map<string, FeedSpec>>();

/** A feed with its entries, ready for renderFeed. */
export function feedSpec(lang: Lang, source: FeedSource, data: SiteData, site: URL): FeedSpec {
  const specs = made.get(data) ?? new Map<string, FeedSpec>();
  made.set(data, specs);
  const key = `${lang} ${site.href} ${JSON.stringify(source)}`;
  let spec = specs.get(key);
  if (!spec) specs.set(key, (spec = makeFeedSpec(lang, source, data, site)));
  return spec;
}

function makeFeedSpec(lang: Lang, source: FeedSource, data: SiteData, site: URL): FeedSpec {
  const t = useTranslations(lang);
  const abs = (p: string) => new URL(p, site).href;
  const name = feedName(lang, source, t, data);
  const { page, items, description } = feedContent(lang, source, data, site, t);
  return {
    title: feedTitle(name, data),
    description,
    language: lang,
    link: abs(page),
    self: Object.fromEntries(FEED_FORMATS.map((f) => [f, abs(feedPathOf(lang, source, f))])) as FeedSpec['self'],
    updated: newest(items.map((i) => i.updated)) ?? data.now,
    favicon: abs('/favicon.svg'),
    items,
  };
}

function feedContent(
  lang: Lang,
  source: FeedSource,
  data: SiteData,
  site: URL,
  t: Translate,
): { page: string; items: FeedEntry[]; description: string } {
  const posts = (list: Post[]) => list.slice(0, FEED_SIZE).map((p) => postEntry(p, lang, data, site));
  switch (source.kind) {
    case 'blog':
      return { page: blogIndexPath(lang), items: posts(data.postsByLang[lang]), description: t('blog.intro') };
    case 'tag':
      return {
        page: tagPath(lang, source.tag),
        items: posts(postsByTag(data.postsByLang[lang]).get(source.tag)?.posts ?? []),
        description: feedName(lang, source, t, data),
      };
    case 'author':
      // Like the author's page: their posts in both languages.
      return {
        page: authorPath(lang, source.slug),
        items: posts(data.membersBySlug.has(source.slug) ? (data.postsByAuthor.get(source.slug) ?? []) : []),
        description: feedName(lang, source, t, data),
      };
    case 'events':
      return {
        page: sectionPath(lang, 'events'),
        items: data.upcoming.map((e) => eventEntry(e, lang, data, site, t)),
        description: t('feeds.eventsDescription'),
      };
    case 'newMembers':
      return {
        page: directoryPath(lang),
        items: newestFirst(data.members)
          .slice(0, FEED_SIZE)
          .map((m) => memberEntry(m, lang, data, site)),
        description: t('feeds.newMembersDescription'),
      };
  }
}

/** Listed members (SiteData holds no others), the newest `joined` first. */
const newestFirst = (members: Member[]) =>
  [...members].sort((a, b) => b.data.joined.getTime() - a.data.joined.getTime() || a.id.localeCompare(b.id));

/** A post is in its blog's feed, its tags' and its authors': its entry is made once per language. */
const postEntries = new WeakMap<Post, Map<string, FeedEntry>>();

function postEntry(post: Post, lang: Lang, data: SiteData, site: URL): FeedEntry {
  const made = postEntries.get(post) ?? new Map<string, FeedEntry>();
  postEntries.set(post, made);
  const key = `${lang} ${site.href}`;
  let entry = made.get(key);
  if (!entry) made.set(key, (entry = makePostEntry(post, lang, data, site)));
  return entry;
}

function makePostEntry(post: Post, lang: Lang, data: SiteData, site: URL): FeedEntry {
  const p = post.data;
  const link = new URL(postPath(post), site).href;
  const members = refsOf(p.authors, data.membersBySlug).map((r) => ({
    name: r.name,
    link: new URL(memberPath(lang, r.slug), site).href,
  }));
  const guest = p.guest_author ? [{ name: p.guest_author.name, link: p.guest_author.url }] : [];
  return {
    title: p.title,
    link,
    summary: p.description,
    // The body as Astro rendered it through the site's Markdown pipeline, sanitizer included
    // (astro.config.mjs); the gallery as the post's page shows it below.
    html: absoluteHtml(post.rendered?.html ?? '', link) + figuresHtml(p.gallery ?? [], link),
    published: p.date,
    updated: p.updated ?? p.date,
    authors: [...members, ...guest],
    categories: p.tags ?? [],
    image: mediaEnclosure(p.cover, publicDir(), site),
  };
}

function eventEntry(event: SiteEvent, lang: Lang, data: SiteData, site: URL, t: Translate): FeedEntry {
  const e = event.data;
  const link = new URL(eventPath(lang, event.id), site).href;
  const refs = {
    organizers: refsOf(e.organizers, data.membersBySlug),
    network: e.network ? refsOf([e.network], data.networksBySlug)[0] : undefined,
  };
  const facts = eventFacts(e, refs, { lang, t, langAttr: langAttrFor(lang), data });
  const status = e.status ?? 'planned';
  return {
    title: status === 'planned' ? e.title : `${eventStatusLabels[status][lang]}: ${e.title}`,
    link,
    summary: e.description,
    html: factsHtml(facts, link) + absoluteHtml(event.rendered?.html ?? '', link),
    // An event has no date of its own publication: it is listed by when it happens.
    published: e.start,
    updated: e.start,
    authors: refs.organizers.map((r) => ({ name: r.name, link: new URL(memberPath(lang, r.slug), site).href })),
    categories: [],
    image: mediaEnclosure(e.cover, publicDir(), site),
  };
}

function memberEntry(member: Member, lang: Lang, data: SiteData, site: URL): FeedEntry {
  const m = member.data;
  const link = new URL(memberPath(lang, member.id), site).href;
  const trades = (m.trades ?? []).map((id) => tradeLabel(data, id, lang));
  return {
    title: m.business ? `${m.name} – ${m.business}` : m.name,
    link,
    summary: (m.services ?? []).join(', ') || trades.join(', '),
    html: absoluteHtml(member.rendered?.html ?? '', link),
    published: m.joined,
    updated: m.joined,
    authors: [],
    categories: trades,
    image: mediaEnclosure(m.photo, publicDir(), site),
  };
}

/** A feed as a page announces and lists it: its short name, its title and its three files. */
export interface FeedLink {
  name: string;
  title: string;
  href: Record<FeedFormat, string>;
}

const linkOf = (lang: Lang, source: FeedSource, name: string, data: SiteData): FeedLink => ({
  name,
  title: feedTitle(name, data),
  href: Object.fromEntries(FEED_FORMATS.map((f) => [f, feedPathOf(lang, source, f)])) as FeedLink['href'],
});

/**
 * The feeds that apply to a page, its own first: a tag page its tag's, an author page the author's,
 * the events pages the events feed, the directory the new members; every page the blog's.
 * With `all`, the events and new members feeds are listed on every page too (the footer's list).
 */
export function pageFeeds(
  lang: Lang,
  page: PageContext['page'],
  data: SiteData,
  { all = false }: { all?: boolean } = {},
): FeedLink[] {
  const t = useTranslations(lang);
  const own: FeedLink[] = [];
  const route = page?.route;
  const props = page?.props as { heading?: string; pager?: { href(n: number): string } } | undefined;
  // A tag's or author's first page gives its feed's folder (pageFeedPath).
  if ((route === 'blogTag' || route === 'blogAuthor') && props?.pager && props.heading) {
    const first = props.pager.href(1);
    own.push({
      name: props.heading,
      title: feedTitle(props.heading, data),
      href: Object.fromEntries(FEED_FORMATS.map((f) => [f, pageFeedPath(lang, first, f)])) as FeedLink['href'],
    });
  }
  const events = route === 'events' || route === 'pastEvents' || route === 'event';
  const directory = route === 'members';
  if (events) own.push(linkOf(lang, { kind: 'events' }, t('nav.events'), data));
  if (directory) own.push(linkOf(lang, { kind: 'newMembers' }, t('feeds.newMembers'), data));
  return [
    ...own,
    linkOf(lang, { kind: 'blog' }, t('nav.blog'), data),
    ...(all && !events ? [linkOf(lang, { kind: 'events' }, t('nav.events'), data)] : []),
    ...(all && !directory ? [linkOf(lang, { kind: 'newMembers' }, t('feeds.newMembers'), data)] : []),
  ];
}
