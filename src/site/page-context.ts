import { DEFAULT_LANG, LANGS, type Lang } from '../i18n/locale.ts';
import { useTranslations, type Translate } from '../i18n/ui.ts';
import type { PageHead, RouteId } from './routes.ts';
import type { SiteData } from './site-data.ts';

/**
 * What every page and component gets as `Astro.locals` (src/middleware.ts sets it; typed in
 * src/env.d.ts), so that no component takes `lang` or loads the site data itself.
 */
export interface PageContext {
  /** The page's language: the path's first segment when it names one, else Danish. */
  lang: Lang;
  t: Translate;
  data: SiteData;
  /** From the route table: title, description, the page in the other language; none outside it (404, feeds, /admin/). */
  head: PageHead | undefined;
  /** Which row of the route table the page is, and its view's props (for what the head says of it); none outside it. */
  page: { route: RouteId; props: Record<string, unknown> } | undefined;
  /**
   * The `lang` attribute for an element whose text is in `content`: none when that is the page's
   * language, so only text in the other language is marked (for screen readers and hyphenation).
   */
  langAttr(content: Lang): Lang | undefined;
}

/** /en/members/ → en; /medlemmer/, /404.html → da. */
export function langOfPath(pathname: string): Lang {
  const first = pathname.split('/')[1];
  return LANGS.find((l) => l !== DEFAULT_LANG && l === first) ?? DEFAULT_LANG;
}

/** PageContext.langAttr for pages in `page`'s language. */
export const langAttrFor =
  (page: Lang) =>
  (content: Lang): Lang | undefined =>
    content === page ? undefined : content;

export function pageContext(
  pathname: string,
  data: SiteData,
  head?: PageHead,
  page?: PageContext['page'],
): PageContext {
  const lang = langOfPath(pathname);
  return { lang, t: useTranslations(lang), data, head, page, langAttr: langAttrFor(lang) };
}
