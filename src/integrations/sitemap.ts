import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { sitemapRegistry } from '../site/sitemap.ts';

/**
 * sitemap-index.xml and sitemap-0.xml… by @astrojs/sitemap, from every page of this build (Astro
 * lists the ones an incremental build kept too). Its own `i18n` option pairs pages by swapping the
 * locale prefix, which is wrong here (/medlemmer/ is /en/members/, a post's translation has its
 * own slug), and its `serialize` runs outside the build's content, so the alternates and dates
 * come from the route table (src/site/sitemap.ts). Only pages of the table are listed: not
 * /admin/, the 404 page, the search pages, feeds or other files.
 */
export function siteMap(): AstroIntegration {
  return sitemap({
    filter: (url) => sitemapRegistry().has(url),
    serialize: (item) => {
      const page = sitemapRegistry().get(item.url);
      return {
        ...item,
        ...(page?.links && { links: page.links }),
        ...(page?.lastmod && { lastmod: page.lastmod }),
      };
    },
    namespaces: { news: false, image: false, video: false, xhtml: true },
  });
}
