import { DEFAULT_LANG, type Lang } from './locale.ts';
import { SEGMENTS, type Section } from './routes.ts';
import { slugify } from '../lib/slug.ts';

/** Every path the site links to, in one place. Danish at the root, English under /en/. */

/** `/` for Danish, `/en/` for English. */
export function homePath(lang: Lang): string {
  return lang === DEFAULT_LANG ? '/' : `/${lang}/`;
}

/** Localized path: sectionPath('en', 'members', 'anne-lund') → /en/members/anne-lund/ */
export function sectionPath(lang: Lang, section: Section, ...rest: (string | number)[]): string {
  return `${homePath(lang)}${[SEGMENTS[section][lang], ...rest].join('/')}/`;
}

export function pagePath(lang: Lang, slug: string): string {
  return `${homePath(lang)}${slug}/`;
}

/** The blog's RSS feed in one language. */
export const feedPath = (lang: Lang) => `${homePath(lang)}rss.xml`;

/** A blog post lives only in its own language. */
export const postPath = (post: { id: string; data: { lang: Lang } }) => sectionPath(post.data.lang, 'blog', post.id);
/** Page 1 of a list is its own path; page n is under side/n/ (en: page/n/). */
const listPath = (lang: Lang, page: number, section: Section, ...rest: string[]) =>
  page === 1 ? sectionPath(lang, section, ...rest) : sectionPath(lang, section, ...rest, SEGMENTS.page[lang], page);
export const blogIndexPath = (lang: Lang, page = 1) => listPath(lang, page, 'blog');
export const tagPath = (lang: Lang, tag: string, page = 1) => listPath(lang, page, 'blog', SEGMENTS.tag[lang], slugify(tag));
export const authorPath = (lang: Lang, slug: string, page = 1) => listPath(lang, page, 'blog', SEGMENTS.author[lang], slug);
export const memberPath = (lang: Lang, slug: string) => sectionPath(lang, 'members', slug);
export const directoryPath = (lang: Lang, page = 1) => listPath(lang, page, 'members');
export const networkPath = (lang: Lang, slug: string) => sectionPath(lang, 'wiki', slug);
export const eventPath = (lang: Lang, slug: string) => sectionPath(lang, 'events', slug);
export const pastEventsPath = (lang: Lang) => sectionPath(lang, 'events', SEGMENTS.past[lang]);
export const freePagePath = (page: { id: string; data: { lang: Lang } }) => pagePath(page.data.lang, page.id);
