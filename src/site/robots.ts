import { LANGS } from '../i18n/locale.ts';
import { routePath } from './routes.ts';

/** robots.txt: the whole site, but not the CMS nor search results in either language; where the sitemap is. */
export function robotsTxt(site: URL): string {
  const disallow = ['/admin/', ...LANGS.map((lang) => routePath('search', lang))];
  return [
    'User-agent: *',
    'Allow: /',
    ...disallow.map((p) => `Disallow: ${p}`),
    '',
    `Sitemap: ${new URL('/sitemap-index.xml', site).href}`,
    '',
  ].join('\n');
}
