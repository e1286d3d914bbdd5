import type { Lang } from './dates.ts';
import { groupByMany, paginate, type PageSlice } from './queries.ts';
import { siteData } from './site-data.ts';
import { slugify } from './slug.ts';

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

export async function tagPaths(lang: Lang) {
  const data = await siteData();
  // Tags that transliterate alike (prissætning, prissaetning) share one page, named by the first spelling met.
  const names = new Map<string, string>();
  for (const tag of data.postsByLang[lang].flatMap((p) => p.data.tags ?? [])) if (!names.has(slugify(tag))) names.set(slugify(tag), tag);
  return [...groupByMany(data.postsByLang[lang], (p) => [...new Set((p.data.tags ?? []).map(slugify))])].map(([slug, posts]) => ({
    params: { tag: slug },
    props: { tag: names.get(slug)!, posts },
  }));
}

/** An author page per member with posts; it lists their posts in both languages. */
export async function authorPaths() {
  const data = await siteData();
  return [...data.postsByAuthor]
    .filter(([slug]) => data.membersBySlug.has(slug))
    .map(([slug, posts]) => ({ params: { slug }, props: { author: data.membersBySlug.get(slug)!, posts } }));
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
