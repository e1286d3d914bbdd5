import type { Lang } from '../i18n/locale.ts';
import type { PageContext } from './page-context.ts';

/**
 * The picture a link preview shows for a page (og:image, twitter:image): one per member, post,
 * event and network, and one for the site, made at build time without any outside service.
 * This module says where a page's picture is and what it shows; the pictures themselves are
 * drawn by the social-images integration.
 */
export interface SocialImage {
  /** Root-relative path of the PNG in the built site. */
  path: string;
  width: number;
  height: number;
  /** What the picture shows, for og:image:alt and twitter:image:alt, in the page's language. */
  alt: string;
}

export const SOCIAL_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** The picture of a page of the route table, or the site's own picture for every other page. */
export function socialImage(page: PageContext['page'], lang: Lang, siteName: string): SocialImage {
  void page;
  // Until the per-entry pictures exist, every page shows the site's.
  return { path: `/social/site-${lang}.png`, ...SOCIAL_IMAGE_SIZE, alt: siteName };
}
