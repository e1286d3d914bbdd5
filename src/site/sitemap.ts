import { DEFAULT_LANG, otherLang } from '../i18n/locale.ts';
import { langOfPath } from './page-context.ts';
import type { RouteId, StaticPath } from './routes.ts';
import type { SiteData } from './site-data.ts';

/**
 * What the sitemap says of each page besides its address: the same page in the other language
 * (hreflang, from the route table's `alternate`, as the page's own <head> says it) and when it
 * last changed, where an entry tells. The catch-all page (src/pages/[...path].astro) hands the
 * table's pages over in getStaticPaths, which every build runs (an incremental one too); the
 * @astrojs/sitemap integration (src/integrations/sitemap.ts) reads them when the build is done.
 */

export interface SitemapLink {
  lang: string;
  url: string;
}
export interface SitemapPage {
  links?: SitemapLink[];
  /** ISO 8601 */
  lastmod?: string;
}

/** Pages of the table that are not for search engines: search results. */
const NOT_IN_SITEMAP = new Set<RouteId>(['search']);

type Dated = { data: { date?: Date; updated?: Date | undefined; joined?: Date; last_verified?: Date } };
const dateOf = (e: Dated): Date | undefined => e.data.updated ?? e.data.date ?? e.data.last_verified ?? e.data.joined;

function newest(entries: Dated[] | undefined): Date | undefined {
  let best: Date | undefined;
  for (const e of entries ?? []) {
    const d = dateOf(e);
    if (d && (!best || d > best)) best = d;
  }
  return best;
}

/** When a page last changed: its entry's updated/date/last_verified/joined; a list, its newest item's; else nothing. */
export function lastmodOf(
  route: RouteId,
  props: Record<string, unknown>,
  data: Pick<SiteData, 'networks'>,
): Date | undefined {
  const entry = (props.post ?? props.member ?? props.network) as Dated | undefined;
  if (entry) return dateOf(entry);
  if (route === 'wiki') return newest(data.networks as Dated[]);
  if (Array.isArray(props.items)) return newest(props.items as Dated[]);
  return undefined;
}

/** The table's public pages by absolute URL, with their alternates and dates. */
export function sitemapPages(
  paths: StaticPath[],
  site: URL,
  data: Pick<SiteData, 'networks'>,
): Map<string, SitemapPage> {
  const out = new Map<string, SitemapPage>();
  for (const { params, props } of paths) {
    if (NOT_IN_SITEMAP.has(props.route)) continue;
    const path = params.path ? `/${params.path}/` : '/';
    const url = new URL(path, site).href;
    const page: SitemapPage = {};
    if (props.head.alternate) {
      const lang = langOfPath(path);
      const there = new URL(props.head.alternate, site).href;
      const byLang = { [lang]: url, [otherLang(lang)]: there };
      page.links = [
        { lang: lang, url },
        { lang: otherLang(lang), url: there },
        { lang: 'x-default', url: byLang[DEFAULT_LANG]! },
      ];
    }
    const lastmod = lastmodOf(props.route, props.props, data);
    if (lastmod) page.lastmod = lastmod.toISOString();
    out.set(url, page);
  }
  return out;
}

const REGISTRY = Symbol.for('mikronet.sitemapPages');
type Registry = { [REGISTRY]?: Map<string, SitemapPage> };

/** Called where the table's pages are made (getStaticPaths), in the build's own process. */
export function rememberSitemapPages(pages: Map<string, SitemapPage>): void {
  (globalThis as Registry)[REGISTRY] = pages;
}

/** The pages the build made, for the sitemap; empty outside a build. */
export const sitemapRegistry = (): Map<string, SitemapPage> => (globalThis as Registry)[REGISTRY] ?? new Map();
