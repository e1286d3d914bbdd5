import { rssXml } from './feed.ts';
import { siteData } from './site-data.ts';
import { useTranslations } from '../i18n/ui.ts';
import { blogIndexPath, feedPath, postPath } from '../i18n/urls.ts';
import type { Lang } from '../i18n/locale.ts';

/** The blog feed for one language: its 30 newest posts. */
export async function blogFeed(lang: Lang, site: URL): Promise<Response> {
  const data = await siteData();
  const abs = (p: string) => new URL(p, site).href;
  const xml = rssXml({
    title: `${data.settings.name} – ${useTranslations(lang)('blog.title')}`,
    description: data.settings.tagline[lang],
    link: abs(blogIndexPath(lang)),
    self: abs(feedPath(lang)),
    language: lang,
    items: data.postsByLang[lang].slice(0, 30).map((p) => ({
      title: p.data.title,
      link: abs(postPath(p)),
      description: p.data.description,
      date: p.data.date,
      author: [...(p.data.authors ?? []).map((a) => data.membersBySlug.get(a)?.data.name), p.data.guest_author?.name]
        .filter(Boolean)
        .join(', '),
      categories: p.data.tags,
    })),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
