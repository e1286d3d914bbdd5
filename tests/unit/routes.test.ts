import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGS, type Lang } from '../../src/i18n/locale.ts';
import {
  NAV,
  RESERVED_SLUGS,
  ROUTE_IDS,
  ROUTES,
  routePages,
  routePath,
  routeSegments,
  type RouteProps,
} from '../../src/site/routes.ts';
import type { SiteData } from '../../src/site/site-data.ts';

/** A small site: what each row reads from SiteData, nothing more. */
function site(extra: { eventSlug?: string } = {}): SiteData {
  const member = (id: string, name: string, business?: string) => ({
    id,
    data: { name, business, services: ['Regnskab', 'Løn'] },
  });
  const members = [
    member('anne-lund', 'Anne Lund', 'Lund Design'),
    member('bo-berg', 'Bo Berg'),
    member('carl-dam', 'Carl Dam'),
  ];
  const post = (id: string, lang: Lang, tags: string[], authors: string[]) => ({
    id,
    data: { title: `T ${id}`, description: `D ${id}`, lang, tags, authors },
  });
  const da = Array.from({ length: 12 }, (_, i) =>
    post(`indlaeg-${i + 1}`, 'da', i === 0 ? ['prissætning', 'prissaetning'] : ['netværk'], ['anne-lund']),
  );
  const en = [post('hello', 'en', ['pricing'], ['anne-lund', 'ghost'])];
  const posts = [...da, ...en];
  const byAuthor = new Map<string, typeof posts>([
    ['anne-lund', posts],
    ['ghost', [en[0]!]],
  ]);
  const page = (id: string, lang: Lang, translation_of?: string) => ({
    id,
    data: { title: `P ${id}`, description: `PD ${id}`, lang, translation_of },
  });
  const pages = [page('om', 'da'), page('about', 'en', 'om'), page('velkomstpakke', 'da')];
  const networks = [
    {
      id: 'mikronet',
      data: { name: 'Mikronet', audience: 'Freelancere', kind: 'forening', municipalities: ['lolland'] },
    },
  ];
  const events = [{ id: extra.eventSlug ?? 'traef', data: { title: 'Træf', description: 'Tre dage' } }];
  return {
    settings: { name: 'Mikronet' },
    members,
    membersBySlug: new Map(members.map((m) => [m.id, m])),
    postsByLang: { da, en },
    postsByAuthor: byAuthor,
    translations: new Map([
      ['indlaeg-1', en[0]],
      ['hello', da[0]],
    ]),
    networks,
    municipalities: new Map([
      ['lolland', { id: 'lolland', name: 'Lolland', region: 'sjaelland', lat: 54.77, lon: 11.36 }],
    ]),
    neighbours: new Map([['lolland', []]]),
    events,
    upcoming: [],
    past: [],
    groups: [],
    market: [],
    pages,
    pagesBySlug: new Map(pages.map((p) => [p.id, p])),
    barometer: { years: [{ year: 2026 }], history: { fromGit: 0, fallback: 0 } },
  } as unknown as SiteData;
}

const byPath = (pages: ReturnType<typeof routePages>) =>
  new Map(pages.map((p) => [`/${p.params.path ? `${p.params.path}/` : ''}`, p.props]));

afterEach(() => vi.restoreAllMocks());

describe('the route table', () => {
  it('gives every row a path in both languages, the Danish one at the root and the English one under /en/', () => {
    for (const id of ROUTE_IDS) {
      const params = Object.fromEntries(
        routeSegments(id, 'da')
          .filter((s) => s.startsWith('['))
          .map((s) => [s.slice(1, -1), 'x']),
      );
      expect(routePath(id, 'da', params), id).toMatch(/^\/(?!en\/)/);
      expect(routePath(id, 'en', params), id).toMatch(/^\/en\//);
      expect(routeSegments(id, 'en').length, id).toBe(routeSegments(id, 'da').length);
    }
  });

  it("builds each row's pages in both languages", () => {
    const built = [...byPath(routePages(site()))].map(
      ([p, props]) => `${props.route} ${p.startsWith('/en/') ? 'en' : 'da'}`,
    );
    for (const id of ROUTE_IDS) for (const lang of LANGS) expect(built, `${id} ${lang}`).toContain(`${id} ${lang}`);
  });

  it('has no two rows with one path pattern in a language', () => {
    for (const lang of LANGS) {
      const patterns = ROUTE_IDS.map((id) =>
        routeSegments(id, lang)
          .map((s) => (s.startsWith('[') ? '[]' : s))
          .join('/'),
      );
      expect(new Set(patterns).size, lang).toBe(patterns.length);
    }
  });

  it('builds no path twice', () => {
    const pages = routePages(site());
    const paths = pages.map((p) => p.params.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('keeps a section page when an entry would take its path, and says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const pages = byPath(routePages(site({ eventSlug: 'tidligere' })));
    expect(pages.get('/arrangementer/tidligere/')!.route).toBe('pastEvents');
    expect(pages.get('/en/events/tidligere/')!.route).toBe('event');
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toContain('/arrangementer/tidligere/');
  });

  it('names a view in src/components/views/ for every row', () => {
    for (const id of ROUTE_IDS)
      expect(fs.existsSync(path.join('src/components/views', `${ROUTES[id].view}.astro`)), id).toBe(true);
  });

  it('lists the sections in the menu in table order, and no page of an entry', () => {
    const menu = NAV.map((n) => n.id);
    const sections = ['members', 'blog', 'wiki', 'events', 'groups', 'market', 'search'];
    expect(menu.filter((id) => sections.includes(id))).toEqual(sections);
    for (const id of menu)
      expect(
        routeSegments(id, 'da').some((s) => s.startsWith('[')),
        id,
      ).toBe(false);
  });
});

describe('paths', () => {
  it('nest a row under its parent, with localized segments', () => {
    expect(routePath('home', 'da')).toBe('/');
    expect(routePath('home', 'en')).toBe('/en/');
    expect(routePath('member', 'en', { slug: 'anne-lund' })).toBe('/en/members/anne-lund/');
    expect(routePath('pastEvents', 'da')).toBe('/arrangementer/tidligere/');
    expect(routePath('blogTag', 'en', { tag: 'pricing' }, 2)).toBe('/en/blog/tag/pricing/page/2/');
    expect(routePath('page', 'da', { slug: 'om' })).toBe('/om/');
  });

  it('refuse a missing param', () => {
    expect(() => routePath('member', 'da')).toThrow(/\[slug\]/);
  });
});

describe('reserved names', () => {
  it('cover every first segment of the table in both languages, the language prefixes and what lives outside the table', () => {
    for (const id of ROUTE_IDS)
      for (const lang of LANGS) {
        const first = routeSegments(id, lang)[0];
        if (first && !first.startsWith('[')) expect(RESERVED_SLUGS.has(first), `${id} ${lang}: ${first}`).toBe(true);
      }
    for (const name of ['en', 'da', 'admin', 'media', 'pagefind', '404', 'rss'])
      expect(RESERVED_SLUGS.has(name), name).toBe(true);
  });

  it('cover the names inside sections too, so a section can grow', () => {
    for (const name of ['emne', 'tag', 'forfatter', 'author', 'side', 'page', 'tidligere', 'past'])
      expect(RESERVED_SLUGS.has(name), name).toBe(true);
  });

  it('leave free pages their names', () => {
    expect(RESERVED_SLUGS.has('om')).toBe(false);
    expect(RESERVED_SLUGS.has('velkomstpakke')).toBe(false);
  });
});

describe('each page of the table', () => {
  const pages = byPath(routePages(site()));
  const get = (p: string): RouteProps => pages.get(p)!;

  it('knows its view, its props and its title', () => {
    expect(get('/medlemmer/anne-lund/')).toMatchObject({
      route: 'member',
      view: 'MemberView',
      head: { title: 'Anne Lund – Lund Design', description: 'Regnskab, Løn' },
    });
    expect(get('/').head.title).toBe('Mikronet');
    expect(get('/en/members/').head.title).toBe('Members');
  });

  it('links the same page in the other language, where there is one', () => {
    expect(get('/medlemmer/anne-lund/').head.alternate).toBe('/en/members/anne-lund/');
    expect(get('/blog/forfatter/anne-lund/side/2/').head.alternate).toBe('/en/blog/author/anne-lund/page/2/');
    expect(get('/blog/indlaeg-1/').head.alternate).toBe('/en/blog/hello/');
    expect(get('/blog/indlaeg-2/').head.alternate).toBeUndefined();
    expect(get('/en/about/').head.alternate).toBe('/om/');
    expect(get('/om/').head.alternate).toBe('/en/about/');
    expect(get('/velkomstpakke/').head.alternate).toBeUndefined();
  });

  it('lets the blog switch language to the other blog where a page has no equivalent', () => {
    expect(get('/blog/').head).toMatchObject({ alternate: '/en/blog/', switchTo: '/en/blog/' });
    expect(get('/blog/side/2/').head).toMatchObject({
      alternate: undefined,
      switchTo: '/en/blog/',
      title: 'Bloggen (2)',
    });
    expect(get('/blog/emne/netvaerk/').head).toMatchObject({
      alternate: undefined,
      switchTo: '/en/blog/',
      title: 'Emne: netværk',
    });
    expect(get('/blog/indlaeg-2/').head.switchTo).toBe('/en/blog/');
  });

  it('splits lists into pages of ten posts, with links to each page', () => {
    const second = get('/blog/side/2/').props as {
      items: unknown[];
      pager: { page: number; pages: number; href: (n: number) => string };
    };
    expect(second.items).toHaveLength(2);
    expect(second.pager).toMatchObject({ page: 2, pages: 2 });
    expect(second.pager.href(1)).toBe('/blog/');
    expect(second.pager.href(2)).toBe('/blog/side/2/');
  });

  it('gives tags that transliterate alike one page, named by the first spelling', () => {
    expect(get('/blog/emne/prissaetning/').head.title).toBe('Emne: prissætning');
  });

  it('gives author pages only to members', () => {
    expect(pages.has('/en/blog/author/ghost/')).toBe(false);
    expect(pages.has('/en/blog/author/anne-lund/')).toBe(true);
  });

  it('puts a post and a free page only under their own language', () => {
    expect(pages.has('/blog/hello/')).toBe(false);
    expect(pages.has('/en/blog/hello/')).toBe(true);
    expect(pages.has('/en/om/')).toBe(false);
  });
});
