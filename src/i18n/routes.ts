import type { Lang } from './locale.ts';

/** Path segments per language. Danish lives at the root, English under /en/. */
export const SEGMENTS = {
  members: { da: 'medlemmer', en: 'members' },
  blog: { da: 'blog', en: 'blog' },
  tag: { da: 'emne', en: 'tag' },
  author: { da: 'forfatter', en: 'author' },
  page: { da: 'side', en: 'page' },
  wiki: { da: 'netvaerk', en: 'networks' },
  events: { da: 'arrangementer', en: 'events' },
  past: { da: 'tidligere', en: 'past' },
  groups: { da: 'grupper', en: 'groups' },
  market: { da: 'marked', en: 'market' },
  search: { da: 'soeg', en: 'search' },
  contact: { da: 'kontakt', en: 'contact' },
} as const satisfies Record<string, Record<Lang, string>>;

export type Section = keyof typeof SEGMENTS;

/** First path segments that free pages may not use, in either language. */
export const RESERVED_SLUGS = new Set<string>([
  ...Object.values(SEGMENTS).flatMap((s) => [s.da, s.en]),
  'en',
  'da',
  'admin',
  'media',
  'pagefind',
  '404',
  'rss',
  'feed',
]);
