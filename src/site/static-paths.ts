import { groupByMany, paginate, type PageSlice } from './queries.ts';
import { siteData } from './site-data.ts';
import { slugify } from '../lib/slug.ts';
import { SEGMENTS } from '../i18n/routes.ts';
import type { Lang } from '../i18n/locale.ts';

/** getStaticPaths builders shared by the Danish and English routes. */

export const DIRECTORY_PAGE_SIZE = 48;
export const BLOG_PAGE_SIZE = 10;

export async function memberPaths() {
  const data = await siteData();
  return data.members.map((member) => ({ params: { slug: member.id }, props: { member } }));
}

/** Page 1 of a paginated list is the section root; pages 2… get their own routes. */
const laterPages = <T>(slices: PageSlice<T>[]) => slices.slice(1).map((s) => ({ params: { page: String(s.page) }, props: s }));

const directorySlices = async () => paginate((await siteData()).members, DIRECTORY_PAGE_SIZE);
export const firstDirectoryPage = async () => (await directorySlices())[0]!;
export const directoryPagePaths = async () => laterPages(await directorySlices());

const blogSlices = async (lang: Lang) => paginate((await siteData()).postsByLang[lang], BLOG_PAGE_SIZE);
export const firstBlogPage = async (lang: Lang) => (await blogSlices(lang))[0]!;
export const blogPagePaths = async (lang: Lang) => laterPages(await blogSlices(lang));

export async function postPaths(lang: Lang) {
  const data = await siteData();
  return data.postsByLang[lang].map((post) => ({ params: { slug: post.id }, props: { post } }));
}

/**
 * Pages 1… of a list for a `[...page]` route: page 1 at the list's own path (page undefined),
 * the next ones under side/2/, side/3/ (en: page/2/).
 */
const pagedPaths = <P extends Record<string, string>, T, X>(lang: Lang, params: P, items: T[], extra: X) =>
  paginate(items, BLOG_PAGE_SIZE).map((slice) => ({
    params: { ...params, page: slice.page === 1 ? undefined : `${SEGMENTS.page[lang]}/${slice.page}` },
    props: { ...extra, ...slice },
  }));

/** A tag's posts in one language, paginated. */
export async function tagPaths(lang: Lang) {
  const data = await siteData();
  // Tags that transliterate alike (prissætning, prissaetning) share one page, named by the first spelling met.
  const names = new Map<string, string>();
  for (const tag of data.postsByLang[lang].flatMap((p) => p.data.tags ?? [])) if (!names.has(slugify(tag))) names.set(slugify(tag), tag);
  return [...groupByMany(data.postsByLang[lang], (p) => [...new Set((p.data.tags ?? []).map(slugify))])].flatMap(([slug, posts]) =>
    pagedPaths(lang, { tag: slug }, posts, { tag: names.get(slug)! }),
  );
}

/** An author page per member with posts; it lists their posts in both languages, paginated. */
export async function authorPaths(lang: Lang) {
  const data = await siteData();
  return [...data.postsByAuthor]
    .filter(([slug]) => data.membersBySlug.has(slug))
    .flatMap(([slug, posts]) => pagedPaths(lang, { slug }, posts, { author: data.membersBySlug.get(slug)! }));
}

export async function networkPaths() {
  const data = await siteData();
  return data.networks.map((network) => ({ params: { slug: network.id }, props: { network } }));
}

export async function eventPaths() {
  const data = await siteData();
  return data.events.map((event) => ({ params: { slug: event.id }, props: { event } }));
}

export async function freePagePaths(lang: Lang) {
  const data = await siteData();
  return data.pages.filter((p) => p.data.lang === lang).map((page) => ({ params: { slug: page.id }, props: { page } }));
}
