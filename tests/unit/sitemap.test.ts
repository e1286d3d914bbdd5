import { describe, expect, it } from 'vitest';
import { lastmodOf, sitemapPages } from '../../src/site/sitemap.ts';
import { robotsTxt } from '../../src/site/robots.ts';
import type { PageHead, RouteId, StaticPath } from '../../src/site/routes.ts';

const site = new URL('https://x.dk/');
const head = (alternate?: string): PageHead => ({ title: 't', description: undefined, alternate, switchTo: undefined });
const page = (
  path: string | undefined,
  route: RouteId,
  props: Record<string, unknown>,
  alternate?: string,
): StaticPath => ({
  params: { path },
  props: { route, view: 'V', props, head: head(alternate) },
});
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const none = { networks: [] };

describe('the sitemap’s pages', () => {
  it('pairs a page with its other language as the route table says, a post’s translation by its own slug', () => {
    const pages = sitemapPages(
      [page('en/blog/vat', 'post', { post: { data: { date: day('2026-01-02') } } }, '/blog/moms/')],
      site,
      none,
    );
    expect(pages.get('https://x.dk/en/blog/vat/')).toEqual({
      links: [
        { lang: 'en', url: 'https://x.dk/en/blog/vat/' },
        { lang: 'da', url: 'https://x.dk/blog/moms/' },
        { lang: 'x-default', url: 'https://x.dk/blog/moms/' },
      ],
      lastmod: '2026-01-02T00:00:00.000Z',
    });
  });

  it('gives a page without another language no links, and leaves the search pages out', () => {
    const pages = sitemapPages(
      [page('blog/emne/moms', 'blogTag', { items: [] }), page('soeg', 'search', {})],
      site,
      none,
    );
    expect([...pages.keys()]).toEqual(['https://x.dk/blog/emne/moms/']);
    expect(pages.get('https://x.dk/blog/emne/moms/')).toEqual({});
  });

  it('dates an entry by updated, date, last_verified or joined, a list by its newest item, else not at all', () => {
    expect(
      lastmodOf('post', { post: { data: { date: day('2026-01-01'), updated: day('2026-03-01') } } }, none),
    ).toEqual(day('2026-03-01'));
    expect(lastmodOf('member', { member: { data: { joined: day('2024-05-05') } } }, none)).toEqual(day('2024-05-05'));
    expect(
      lastmodOf(
        'blog',
        { items: [{ data: { date: day('2026-01-01') } }, { data: { date: day('2026-02-01') } }] },
        none,
      ),
    ).toEqual(day('2026-02-01'));
    expect(lastmodOf('wiki', {}, { networks: [{ data: { last_verified: day('2025-09-09') } }] as never })).toEqual(
      day('2025-09-09'),
    );
    expect(lastmodOf('contact', {}, none)).toBeUndefined();
  });
});

describe('robots.txt', () => {
  it('disallows the CMS and both languages’ search pages and names the sitemap', () => {
    expect(robotsTxt(site)).toBe(
      'User-agent: *\nAllow: /\nDisallow: /admin/\nDisallow: /soeg/\nDisallow: /en/search/\n\nSitemap: https://x.dk/sitemap-index.xml\n',
    );
  });
});
