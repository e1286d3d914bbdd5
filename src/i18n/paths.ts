import type { Lang } from '../lib/dates.ts';
import { DEFAULT_LANG, SEGMENTS, type Section } from './routes.ts';

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

export const otherLang = (lang: Lang): Lang => (lang === 'da' ? 'en' : 'da');
