import { DEFAULT_LANG, LANGS, otherLang, type Lang } from '../i18n/locale.ts';
import { useTranslations, type Translate, type UIKey } from '../i18n/ui.ts';
import { slugify } from '../lib/slug.ts';
import { groupByMany, paginate } from './queries.ts';
import { clip, firstDescription, firstParagraph, firstSentence, itemRange, sentences } from './descriptions.ts';
import { municipalityName, tradeLabel } from './taxonomy.ts';
import { formatDate } from '../lib/dates.ts';
import { suggestionInputs } from './matchmaker.ts';
import { mapInputs } from './map-inputs.ts';
import type { Member, Network, Page, Post, SiteData, SiteEvent } from './site-data.ts';
import { municipalitiesByRegion, municipalitiesWithContent, municipalityInputs } from './municipality.ts';
import { REGIONS } from '../schemas/settings.ts';
import type { YearFigures } from './barometer.ts';

/**
 * The route table: every page of the site, once for both languages. `src/pages/[...path].astro`
 * builds the pages from it, the menu and the path builders (src/i18n/urls.ts) read it, and free
 * pages may not take its names (RESERVED_SLUGS). No Astro imports here: the content check and the
 * CMS read RESERVED_SLUGS in Node and in the browser.
 */

export type Params = Record<string, string>;

/** What a row's functions are given: the page's language, its dictionary and the site's data. */
export interface RouteContext {
  lang: Lang;
  t: Translate;
  data: SiteData;
}

/** Page `page` of a list of `pages`: page 1 at the route's own path, page n under side/n/ (en: page/n/). */
export interface Pager {
  page: number;
  pages: number;
}

/** One page of a route: the values of its path's [params], its place in a list, and the view's props. */
export interface RoutePage<P> {
  params?: Params;
  pager?: Pager;
  props: P;
}

/** A row. Functions are methods so that rows of different props fit in one table. */
export interface Route<P> {
  /** The file in src/components/views/ (without .astro) that renders the page's main content. */
  view: string;
  /** Path segments per language below the parent's; `[name]` is a param. A string is the same in both. */
  path: string | Record<Lang, string>;
  /** The row whose path this one's starts with (the section it belongs to). */
  parent?: string;
  /** The row's menu entry; the menu lists them in table order. */
  nav?: UIKey;
  /** Every page of the route in one language. Without it: one page, no params, no props. */
  pages?(ctx: RouteContext): RoutePage<P>[];
  title(page: RoutePage<P>, ctx: RouteContext): string;
  description?(page: RoutePage<P>, ctx: RouteContext): string | undefined;
  /** The same page in the other language. Without it: this route with the same params and page number. */
  alternate?(page: RoutePage<P>, ctx: RouteContext): string | undefined;
  /** Where the language switch goes when there is no alternate (without it: the other language's home). */
  switchTo?(ctx: RouteContext): string;
  /**
   * What the page shows besides its props, its head and the site-wide data (settings, taxonomies):
   * the entries and values its view reads from `data`. An incremental build renders the page again
   * only when these, its props or its head change (src/site/page-keys.ts). Without it the page
   * depends on all content, which is always right; a row that says less must say everything its
   * view reads (tests/build/incremental.test.ts compares incremental builds with full ones).
   */
  inputs?(page: RoutePage<P>, ctx: RouteContext): unknown;
}

/** Checks a row's functions against its own props; the table then holds rows of any props. */
const route = <P>(row: Route<P>): Route<unknown> => row as Route<unknown>;

export const DIRECTORY_PAGE_SIZE = 48;
export const BLOG_PAGE_SIZE = 10;
/** The segment before a page number: /blog/side/2/, /en/blog/page/2/. */
export const PAGE_SEGMENT: Record<Lang, string> = { da: 'side', en: 'page' };

/** Pages 1… of a list, each with its slice of the items. */
function paged<T, X extends object>(
  items: T[],
  size: number,
  params: Params,
  props: X,
): RoutePage<X & { items: T[] }>[] {
  return paginate(items, size).map(({ items: slice, page, pages }) => ({
    params,
    pager: { page, pages },
    props: { ...props, items: slice },
  }));
}

/** One page per entry, at its slug, with the entry as the view's prop `key`. */
function perEntry<K extends string, T extends { id: string }>(key: K, entries: T[]): RoutePage<Record<K, T>>[] {
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { [key]: entry } as Record<K, T> }));
}

/** The members who wrote these posts (a card or byline shows their names). */
const authorsOf = (posts: Post[], data: SiteData) =>
  posts.flatMap((p) => p.data.authors ?? []).map((slug) => data.membersBySlug.get(slug));

/** Which events are still to come depends on the clock, not only on the content. */
const upcomingIds = (data: SiteData) => data.upcoming.map((e) => e.id);

/** A list's title, numbered from its second page on: "Bloggen (2)". */
const numbered = (title: string, pager?: Pager) => (pager && pager.page > 1 ? `${title} (${pager.page})` : title);

interface BlogList {
  heading: string;
  intro?: string;
  items: Post[];
}
const blogList: Pick<Route<BlogList>, 'view' | 'title' | 'switchTo' | 'inputs'> = {
  view: 'BlogListView',
  title: ({ props, pager }) => numbered(props.heading, pager),
  // The cards name their authors; the page counts the other language's posts.
  inputs: ({ props }, { lang, data }) => [
    authorsOf(props.items, data),
    data.postsByLang[otherLang(lang)].map((p) => p.id),
  ],
  // The other language's blog has other posts; its index is the nearest equivalent.
  switchTo: ({ lang }) => routePath('blog', otherLang(lang)),
};

// RouteId comes from this table's keys: a row function that calls routePath declares its return type,
// so that TypeScript need not read the table to type the table.
export const ROUTES = {
  home: route<object>({
    view: 'HomeView',
    path: '',
    title: (_, { data }) => data.settings.name,
  }),
  members: route<{ items: Member[] }>({
    view: 'DirectoryView',
    path: { da: 'medlemmer', en: 'members' },
    nav: 'nav.members',
    pages: ({ data }) => paged(data.members, DIRECTORY_PAGE_SIZE, {}, {}),
    title: (_, { t }) => t('members.title'),
    description: ({ pager }, { t, data }) =>
      clip(
        `${t('seo.members', itemRange(pager?.page ?? 1, DIRECTORY_PAGE_SIZE, data.members.length))} ${t('members.intro')}`,
      ),
    // Every page says how many members there are; the first has the search with every member's
    // facets and the map (members per municipality, the networks as points).
    inputs: ({ pager }, { data }) => (pager?.page === 1 ? [data.members, mapInputs(data)] : data.members.length),
  }),
  member: route<{ member: Member }>({
    view: 'MemberView',
    parent: 'members',
    path: '[slug]',
    pages: ({ data }) => perEntry('member', data.members),
    title: ({ props: { member } }) =>
      member.data.business ? `${member.data.name} – ${member.data.business}` : member.data.name,
    // What they sell; else the opening of their presentation; else their trades and place.
    description: ({ props: { member } }, { lang, t, data }) =>
      firstDescription((member.data.services ?? []).join(', ')) ??
      firstDescription(firstSentence(firstParagraph(member.body))) ??
      t('seo.memberPlace', {
        trades: member.data.trades.map((id) => tradeLabel(data, id, lang)).join(', '),
        place: municipalityName(data, member.data.municipality),
      }),
    inputs: ({ props: { member } }, { data }) => [
      data.postsByAuthor.get(member.id),
      data.marketByMember.get(member.id),
      (member.data.groups ?? []).map((g) => data.groupsBySlug.get(g)),
      // The matchmaker's cards: who, what they show of them, and why.
      suggestionInputs(data, member.id),
    ],
  }),
  blog: route<BlogList>({
    ...blogList,
    path: 'blog',
    nav: 'nav.blog',
    pages: ({ lang, t, data }) =>
      paged(data.postsByLang[lang], BLOG_PAGE_SIZE, {}, { heading: t('blog.title'), intro: t('blog.intro') }),
    description: ({ pager }, { lang, t, data }) =>
      clip(
        `${t('seo.posts', itemRange(pager?.page ?? 1, BLOG_PAGE_SIZE, data.postsByLang[lang].length))} ${t('blog.intro')}`,
      ),
    // Page n of one language's blog lists other posts than page n of the other's.
    alternate: ({ pager }, { lang }): string | undefined =>
      pager?.page === 1 ? routePath('blog', otherLang(lang)) : undefined,
  }),
  blogTag: route<BlogList>({
    ...blogList,
    parent: 'blog',
    path: { da: 'emne/[tag]', en: 'tag/[tag]' },
    pages: ({ lang, t, data }) => {
      const posts = data.postsByLang[lang];
      // Tags that transliterate alike (prissætning, prissaetning) share one page, named by the first spelling met.
      const names = new Map<string, string>();
      for (const tag of posts.flatMap((p) => p.data.tags ?? []))
        if (!names.has(slugify(tag))) names.set(slugify(tag), tag);
      return [...groupByMany(posts, (p) => [...new Set((p.data.tags ?? []).map(slugify))])].flatMap(([tag, list]) =>
        paged(list, BLOG_PAGE_SIZE, { tag }, { heading: t('blog.tag', { tag: names.get(tag)! }) }),
      );
    },
    description: ({ params }, { lang, t, data }) => {
      const posts = data.postsByLang[lang].filter((p) => (p.data.tags ?? []).some((x) => slugify(x) === params?.tag));
      const tag = posts[0]?.data.tags?.find((x) => slugify(x) === params?.tag) ?? params?.tag;
      return clip(
        `${t('seo.tag', { tag: tag ?? '', n: posts.length })} ${t('seo.latest', { title: posts[0]?.data.title ?? '' })}`,
      );
    },
    // Tags are words of one language.
    alternate: () => undefined,
  }),
  blogAuthor: route<BlogList>({
    ...blogList,
    parent: 'blog',
    path: { da: 'forfatter/[slug]', en: 'author/[slug]' },
    // An author's page lists their posts in both languages, so it has the same pages in both.
    pages: ({ t, data }) =>
      [...data.postsByAuthor]
        .filter(([slug]) => data.membersBySlug.has(slug))
        .flatMap(([slug, posts]) =>
          paged(
            posts,
            BLOG_PAGE_SIZE,
            { slug },
            { heading: t('blog.author', { name: data.membersBySlug.get(slug)!.data.name }) },
          ),
        ),
    description: ({ params }, { t, data }) => {
      const posts = data.postsByAuthor.get(params?.slug ?? '') ?? [];
      const name = data.membersBySlug.get(params?.slug ?? '')?.data.name ?? '';
      return clip(
        `${t('seo.author', { name, n: posts.length })} ${t('seo.latest', { title: posts[0]?.data.title ?? '' })}`,
      );
    },
  }),
  post: route<{ post: Post }>({
    view: 'PostView',
    parent: 'blog',
    path: '[slug]',
    // A post lives only in its own language.
    pages: ({ lang, data }) => perEntry('post', data.postsByLang[lang]),
    title: ({ props: { post } }) => post.data.title,
    description: ({ props: { post } }) => firstDescription(post.data.description),
    alternate: ({ props: { post } }, { data }): string | undefined => {
      const translation = data.translations.get(post.id);
      return translation && routePath('post', translation.data.lang, { slug: translation.id });
    },
    switchTo: blogList.switchTo,
    inputs: ({ props: { post } }, { data }) => [authorsOf([post], data), data.translations.get(post.id)],
  }),
  wiki: route<object>({
    view: 'WikiIndexView',
    path: { da: 'netvaerk', en: 'networks' },
    nav: 'nav.wiki',
    title: (_, { t }) => t('wiki.title'),
    description: (_, { t, data }) => clip(`${t('seo.networks', { n: data.networks.length })} ${t('wiki.intro')}`),
    inputs: (_, { data }) => [data.networks, mapInputs(data)],
  }),
  network: route<{ network: Network }>({
    view: 'NetworkView',
    parent: 'wiki',
    path: '[slug]',
    pages: ({ data }) => perEntry('network', data.networks),
    title: ({ props: { network } }) => network.data.name,
    // Who it is for, then the opening of its description.
    description: ({ props: { network } }) =>
      firstDescription(sentences(network.data.audience, firstSentence(firstParagraph(network.body), 1000))),
    // Its events, split into coming and past by the clock.
    inputs: ({ props: { network } }, { data }) => [data.eventsByNetwork.get(network.id), upcomingIds(data)],
  }),
  events: route<{ which: 'upcoming' }>({
    view: 'EventsListView',
    path: { da: 'arrangementer', en: 'events' },
    nav: 'nav.events',
    pages: () => [{ props: { which: 'upcoming' } }],
    title: (_, { t }) => t('events.title'),
    description: (_, { lang, t, data }) => {
      const next = data.upcoming[0];
      const lead = next
        ? t('seo.nextEvent', { title: next.data.title, date: formatDate(next.data.start, lang) })
        : t('events.none');
      return clip(`${lead} ${t('events.intro')}`);
    },
  }),
  pastEvents: route<{ which: 'past' }>({
    view: 'EventsListView',
    parent: 'events',
    path: { da: 'tidligere', en: 'past' },
    pages: () => [{ props: { which: 'past' } }],
    title: (_, { t }) => t('events.past'),
    description: (_, { lang, t, data }) => {
      const last = data.past[0];
      return last
        ? clip(
            t('seo.pastEvents', {
              n: data.past.length,
              title: last.data.title,
              date: formatDate(last.data.start, lang),
            }),
          )
        : t('events.intro');
    },
  }),
  event: route<{ event: SiteEvent }>({
    view: 'EventView',
    parent: 'events',
    path: '[slug]',
    pages: ({ data }) => perEntry('event', data.events),
    title: ({ props: { event } }) => event.data.title,
    description: ({ props: { event } }) => firstDescription(event.data.description),
    inputs: ({ props: { event } }, { data }) => [
      event.data.network && data.networksBySlug.get(event.data.network),
      (event.data.organizers ?? []).map((m) => data.membersBySlug.get(m)),
      upcomingIds(data),
    ],
  }),
  groups: route<object>({
    view: 'GroupsView',
    path: { da: 'grupper', en: 'groups' },
    nav: 'nav.groups',
    title: (_, { t }) => t('groups.title'),
    description: (_, { t, data }) =>
      clip(`${t('groups.intro')} ${t('seo.groups', { names: data.groups.map((g) => g.data.name).join(', ') })}`),
  }),
  market: route<object>({
    view: 'MarketView',
    path: { da: 'marked', en: 'market' },
    nav: 'nav.market',
    title: (_, { t }) => t('market.title'),
    description: (_, { t, data }) => clip(`${t('seo.market', { n: data.market.length })} ${t('market.intro')}`),
  }),
  search: route<object>({
    view: 'SearchView',
    path: { da: 'soeg', en: 'search' },
    nav: 'nav.search',
    title: (_, { t }) => t('search.title'),
    description: (_, { t }) => t('search.intro'),
  }),
  contact: route<object>({
    view: 'ContactView',
    path: { da: 'kontakt', en: 'contact' },
    title: (_, { t }) => t('contact.title'),
    description: (_, { t, data }) => t('contact.intro', { name: data.settings.name }),
    inputs: () => [],
  }),
  barometer: route<object>({
    view: 'BarometerView',
    path: 'barometer',
    title: (_, { t }) => t('barometer.title'),
    description: (_, { t }) => t('barometer.intro'),
    // The figures are counts made at build time (git history included), not entries: they are the input.
    inputs: (_, { data }) => data.barometer,
  }),
  barometerYear: route<{ year: YearFigures }>({
    view: 'BarometerYearView',
    parent: 'barometer',
    path: '[year]',
    pages: ({ data }) => data.barometer.years.map((year) => ({ params: { year: String(year.year) }, props: { year } })),
    title: ({ props: { year } }, { t }) => t('barometer.yearTitle', { year: year.year }),
    // The year before, for the changes; where the dates came from, for the note.
    inputs: ({ props: { year } }, { data }) => [
      data.barometer.years.find((y) => y.year === year.year - 1),
      data.barometer.history,
    ],
  }),
  municipalities: route<object>({
    view: 'MunicipalityIndexView',
    path: { da: 'kommuner', en: 'municipalities' },
    title: (_, { t }) => t('kommune.indexTitle'),
    description: (_, { t }) => t('kommune.indexIntro'),
    inputs: (_, { data }) => municipalitiesByRegion(data, REGIONS),
  }),
  // The welcome pack: one page per municipality with content (src/site/municipality.ts says which).
  municipality: route<{ id: string }>({
    view: 'MunicipalityView',
    parent: 'municipalities',
    path: '[slug]',
    pages: ({ data }) => municipalitiesWithContent(data).map((id) => ({ params: { slug: id }, props: { id } })),
    title: ({ props: { id } }, { t, data }) => t('kommune.title', { name: data.municipalities.get(id)?.name ?? id }),
    description: ({ props: { id } }, { t, data }) =>
      t('kommune.description', { name: data.municipalities.get(id)?.name ?? id, site: data.settings.name }),
    inputs: ({ props: { id } }, { data }) => [municipalityInputs(data, id), mapInputs(data)],
  }),
  // Free pages last: every name above is reserved, so none can shadow a section.
  page: route<{ page: Page }>({
    view: 'FreePageView',
    path: '[slug]',
    pages: ({ lang, data }) =>
      perEntry(
        'page',
        data.pages.filter((p) => p.data.lang === lang),
      ),
    title: ({ props: { page } }) => page.data.title,
    description: ({ props: { page } }) => firstDescription(page.data.description),
    inputs: (_, { data }) => data.pages,
    alternate: ({ props: { page } }, { data }): string | undefined => {
      const translation = page.data.translation_of
        ? data.pagesBySlug.get(page.data.translation_of)
        : data.pages.find((p) => p.data.translation_of === page.id);
      return translation && routePath('page', translation.data.lang, { slug: translation.id });
    },
  }),
};

export type RouteId = keyof typeof ROUTES;
export const ROUTE_IDS = Object.keys(ROUTES) as RouteId[];

const isParam = (segment: string) => /^\[\w+\]$/.test(segment);

/** A route's path segments in one language, its parents' first: ['medlemmer', '[slug]']. */
export function routeSegments(id: RouteId, lang: Lang): string[] {
  const row: Route<unknown> = ROUTES[id];
  const own = (typeof row.path === 'string' ? row.path : row.path[lang]).split('/').filter(Boolean);
  if (row.parent === undefined) return own;
  if (!(row.parent in ROUTES))
    throw new Error(`route ${id}: parent "${row.parent}" is not a route — forælder "${row.parent}" er ikke en rute`);
  return [...routeSegments(row.parent as RouteId, lang), ...own];
}

/** The path of a page of the table: routePath('member', 'en', { slug: 'anne-lund' }) → /en/members/anne-lund/ */
export function routePath(id: RouteId, lang: Lang, params: Params = {}, page = 1): string {
  const parts = routeSegments(id, lang).map((segment) => {
    if (!isParam(segment)) return segment;
    const value = params[segment.slice(1, -1)];
    if (!value) throw new Error(`route ${id}: no value for ${segment} — ingen værdi for ${segment}`);
    return value;
  });
  if (page > 1) parts.push(PAGE_SEGMENT[lang], String(page));
  return `${lang === DEFAULT_LANG ? '/' : `/${lang}/`}${parts.map((p) => `${p}/`).join('')}`;
}

/** The menu: the rows with a nav entry, in table order. */
export const NAV: { id: RouteId; label: UIKey }[] = ROUTE_IDS.flatMap((id) => {
  const label = (ROUTES[id] as Route<unknown>).nav;
  return label ? [{ id, label }] : [];
});

/** Root names that are not rows: the CMS, pictures, the search index, the error page, feeds and calendars. */
const OUTSIDE_TABLE = ['admin', 'media', 'pagefind', '404', 'rss', 'feed', 'kalender', 'calendar', 'social', 'data'];

/** Names a free page (a file in content/pages/) may not take: every name the table uses, in either language. */
export const RESERVED_SLUGS = new Set<string>([
  ...LANGS,
  ...ROUTE_IDS.flatMap((id) => LANGS.flatMap((lang) => routeSegments(id, lang).filter((s) => !isParam(s)))),
  ...Object.values(PAGE_SEGMENT),
  ...OUTSIDE_TABLE,
]);

/** What <head> and the language switch need from a page of the table. */
export interface PageHead {
  title: string;
  description: string | undefined;
  alternate: string | undefined;
  switchTo: string | undefined;
}

/** A page's props as the catch-all route gets them: its row, its view and the view's props, its head. */
export interface RouteProps {
  route: RouteId;
  view: string;
  props: Record<string, unknown>;
  head: PageHead;
}

export interface StaticPath {
  /** The path without its slashes; undefined for the Danish home. */
  params: { path: string | undefined };
  props: RouteProps;
  /** Astro's incremental build renders the page again only when this changes. */
  cacheKey?: string;
}

/** Makes a page's cache key from everything it shows (src/site/page-keys.ts; Node only, so passed in). */
export type PageKey = (route: RouteId, path: string, head: PageHead, props: unknown, inputs: unknown) => string;

/**
 * Every page of the table in both languages, as getStaticPaths returns them. Paginated lists get
 * `pager` ({ page, pages, href }) among their props. When two rows give one path, the first
 * row keeps it (an event named "tidligere" does not replace the archive), with a warning.
 */
/** A row without `inputs` depends on all content. */
export const ALL_CONTENT = Symbol('all content');

export function routePages(data: SiteData, key?: PageKey): StaticPath[] {
  const taken = new Map<string, RouteId>();
  const out: StaticPath[] = [];
  for (const lang of LANGS) {
    const ctx: RouteContext = { lang, t: useTranslations(lang), data };
    for (const id of ROUTE_IDS) {
      const row: Route<unknown> = ROUTES[id];
      for (const page of row.pages?.(ctx) ?? [{ props: {} }]) {
        const path = routePath(id, lang, page.params, page.pager?.page);
        const first = taken.get(path);
        if (first) {
          console.warn(
            `${path} (${id}) is already the path of a ${first} page; skipped — ${path} (${id}) er allerede stien til en ${first}-side; sprunget over`,
          );
          continue;
        }
        taken.set(path, id);
        const pager = page.pager && { ...page.pager, href: (n: number) => routePath(id, lang, page.params, n) };
        const head: PageHead = {
          title: row.title(page, ctx),
          description: row.description?.(page, ctx),
          alternate: row.alternate
            ? row.alternate(page, ctx)
            : routePath(id, otherLang(lang), page.params, page.pager?.page),
          switchTo: row.switchTo?.(ctx),
        };
        const props = { ...(page.props as object), ...(pager && { pager }) };
        out.push({
          params: { path: path.slice(1, -1) || undefined },
          props: { route: id, view: row.view, props, head },
          ...(key && { cacheKey: key(id, path, head, props, row.inputs ? row.inputs(page, ctx) : ALL_CONTENT) }),
        });
      }
    }
  }
  return out;
}
