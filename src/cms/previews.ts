import { createElement as h, Fragment, type ReactNode } from 'react';
import { useTranslations } from '../i18n/ui.ts';
import { formatDate, parseLocalDateTime } from '../lib/dates.ts';
import type { Taxonomies } from '../schemas/index.ts';
import { openToLabels, type OpenTo } from '../schemas/members.ts';
import { networkKindLabels } from '../schemas/wiki.ts';
import { eventStatusLabels } from '../schemas/events.ts';
import { DEFAULT_LANG, type Lang } from '../i18n/locale.ts';
import { langAttrFor } from '../site/page-context.ts';
import {
  eventFacts,
  memberFacts,
  networkFacts,
  postFacts,
  type Byline,
  type Fact,
  type FactsContext,
  type Link,
  type Ref,
} from '../site/facts.ts';
import { municipalityName, tradeLabel } from '../site/taxonomy.ts';

/**
 * Preview panes for members, posts, wiki entries and events: the site's own markup and class
 * names, styled by the site's global.css (registered as the preview style), so an editor sees
 * the page much as it will look. The facts shown come from src/site/facts.ts, as on the site.
 */

type Data = Record<string, unknown>;

/** The props Decap gives a preview template (only what these use). */
export interface PreviewProps {
  entry: { get(key: 'data'): { toJS(): Data } | undefined };
  widgetFor(name: string): ReactNode;
  getAsset(path: string): { toString(): string } | undefined;
  fieldsMetaData?: { getIn(path: string[]): unknown };
}

/** The form's values are whatever the editor has typed so far: read each as the site would, or not at all. */
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const obj = (v: unknown): Data | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Data) : undefined;
const objects = (v: unknown): Data[] => (Array.isArray(v) ? v.map(obj).filter((x) => x !== undefined) : []);
const day = (v: unknown) => {
  const s = str(v);
  const d = s ? new Date(`${s.slice(0, 10)}T12:00:00Z`) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
};
const time = (v: unknown) => {
  const d = str(v) ? parseLocalDateTime(str(v)!) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
};
const lang = (v: unknown): Lang => (v === 'en' ? 'en' : 'da');

const chips = (items: string[], label?: string) =>
  h('ul', { className: 'chips', 'aria-label': label }, ...items.map((x) => h('li', { className: 'chip', key: x }, x)));
const link = (l: Link) => (l.href ? h('a', { className: l.className, href: l.href, rel: l.rel }, l.text) : l.text);
/** Items with a separator between them, as children (React needs no keys for spread children). */
const joined = (items: ReactNode[], separator: string) =>
  items.flatMap((item, i) => (i > 0 ? [separator, item] : [item]));

/** A fact list as src/components/Facts.astro renders it, without the search index's attributes. */
function factList(facts: Fact[]): ReactNode {
  return h(
    'dl',
    { className: 'facts' },
    ...facts.map(({ key, label, value, lang }) =>
      h(
        Fragment,
        { key },
        h('dt', null, label),
        h(
          'dd',
          { lang },
          ...(value.kind === 'text'
            ? [value.text]
            : value.kind === 'terms'
              ? [value.items.join(', ')]
              : value.kind === 'chips'
                ? [chips(value.items)]
                : value.kind === 'links'
                  ? joined(value.items.map(link), ', ')
                  : value.kind === 'email'
                    ? [value.address]
                    : joined(
                        value.items.map((x) => h('time', { dateTime: x.datetime }, x.text)),
                        '–',
                      )),
        ),
      ),
    ),
  );
}

const byline = ({ label, names }: Byline) =>
  h('span', { className: 'byline' }, `${label} `, ...names.flatMap((n) => [n.before, link(n), n.after]));

export function previewTemplates(tax: Taxonomies, uiLang: Lang, now: () => Date = () => new Date()) {
  const maps = {
    trades: new Map(tax.trades.map((t) => [t.id, t])),
    municipalities: new Map(tax.municipalities.map((m) => [m.id, m])),
  };
  const factsContext = (lang: Lang): FactsContext => ({
    lang,
    t: useTranslations(lang),
    langAttr: langAttrFor(lang),
    data: { ...maps, now: now() },
  });
  const wrap = (lang: Lang, ...children: ReactNode[]) => h('main', { className: 'wrap', lang }, ...children);
  const dataOf = (props: PreviewProps) => props.entry.get('data')?.toJS() ?? {};
  /** A field of the entry a relation field points at, when Decap has it at hand. */
  const related = (props: PreviewProps, field: string, collection: string, slug: string, key: string) =>
    props.fieldsMetaData?.getIn([field, collection, slug, key]);
  const refs = (props: PreviewProps, field: string, collection: string, slugs: string[]): Ref[] =>
    slugs.map((slug) => ({ slug, name: str(related(props, field, collection, slug, 'name')) ?? slug }));

  function MemberPreview(props: PreviewProps) {
    const m = dataOf(props);
    const ctx = factsContext(uiLang);
    const { t } = ctx;
    const municipality = str(m.municipality);
    const photo = str(m.photo) && props.getAsset(str(m.photo)!)?.toString();
    const groups = list(m.groups).map((slug) => ({
      text: str(related(props, 'groups', 'groups', slug, 'name')) ?? slug,
      href: str(related(props, 'groups', 'groups', slug, 'url')),
    }));
    const facts = memberFacts(
      {
        municipality,
        open_to: list(m.open_to).filter((o): o is OpenTo => o in openToLabels),
        // The schema's default, as the site shows a member who gave none.
        languages: list(m.languages).length > 0 ? list(m.languages) : ['da'],
        website: str(m.website),
        email: str(m.email),
        phone: str(m.phone),
        cvr: str(m.cvr),
        joined: day(m.joined),
      },
      groups,
      ctx,
    );
    return wrap(
      ctx.lang,
      h(
        'article',
        { className: 'profile' },
        h(
          'div',
          null,
          h('h1', null, str(m.name) ?? ''),
          h(
            'p',
            { className: 'lead' },
            [str(m.business), municipality && municipalityName(maps, municipality)].filter(Boolean).join(' · '),
          ),
          chips(
            list(m.trades).map((id) => tradeLabel(maps, id, ctx.lang)),
            t('members.trades'),
          ),
          h('div', { className: 'prose', lang: ctx.langAttr(lang(m.lang)) }, props.widgetFor('body')),
          list(m.services).length > 0 &&
            h(
              Fragment,
              null,
              h('h2', null, t('members.services')),
              h('ul', null, ...list(m.services).map((s) => h('li', { key: s }, s))),
            ),
        ),
        h(
          'aside',
          { 'aria-label': t('members.contact') },
          photo && h('img', { className: 'avatar', src: photo, alt: str(m.photo_alt) ?? '', width: 128, height: 128 }),
          factList(facts),
        ),
      ),
    );
  }

  function PostPreview(props: PreviewProps) {
    const p = dataOf(props);
    const ctx = factsContext(lang(p.lang));
    const guest = obj(p.guest_author);
    const book = obj(p.book);
    const facts = postFacts(
      {
        date: day(p.date),
        updated: day(p.updated),
        guest_author: str(guest?.name) ? { name: str(guest?.name)!, url: str(guest?.url) } : undefined,
        tags: list(p.tags),
        book: book && {
          title: str(book.title),
          author: str(book.author),
          isbn: str(book.isbn),
          rating: num(book.rating),
        },
      },
      refs(props, 'authors', 'members', list(p.authors)),
      ctx,
    );
    const cover = str(p.cover) && props.getAsset(str(p.cover)!)?.toString();
    const gallery = objects(p.gallery);
    const dates = [facts.published, facts.updated].flatMap((d) =>
      d ? [h(Fragment, null, `${d.label} `, h('time', { dateTime: d.datetime }, d.text))] : [],
    );
    return wrap(
      ctx.lang,
      h(
        'article',
        null,
        h(
          'header',
          null,
          h('h1', null, str(p.title) ?? ''),
          h('p', { className: 'lead' }, str(p.description) ?? ''),
          h(
            'p',
            { className: 'meta' },
            ...joined([...(facts.byline.names.length > 0 ? [byline(facts.byline)] : []), ...dates], ' · '),
          ),
        ),
        cover && h('img', { src: cover, alt: str(p.cover_alt) ?? '' }),
        facts.book &&
          h(
            'aside',
            { className: 'notice', 'aria-label': facts.book.label },
            h('strong', null, `${facts.book.label}:`),
            ' ',
            h('cite', null, facts.book.title),
            ` ${facts.book.byLabel} ${facts.book.author}`,
            facts.book.isbn && ` · ISBN ${facts.book.isbn}`,
            facts.book.rating &&
              h(
                Fragment,
                null,
                ' · ',
                h('span', { role: 'img', 'aria-label': facts.book.rating.label }, facts.book.rating.stars),
              ),
          ),
        h('div', { className: 'prose' }, props.widgetFor('body')),
        gallery.length > 0 &&
          h(
            'section',
            { className: 'gallery', 'aria-label': ctx.t('blog.gallery') },
            ...gallery.map((g, i) =>
              h(
                'figure',
                { key: i },
                str(g.src) && h('img', { src: props.getAsset(str(g.src)!)?.toString(), alt: str(g.alt) ?? '' }),
                str(g.caption) && h('figcaption', null, str(g.caption)),
              ),
            ),
          ),
        facts.tags.items.length > 0 &&
          h(
            'footer',
            null,
            h('h2', { className: 'visually-hidden' }, facts.tags.label),
            h('ul', { className: 'chips' }, ...facts.tags.items.map((tag) => h('li', { key: tag.text }, link(tag)))),
          ),
      ),
    );
  }

  function NetworkPreview(props: PreviewProps) {
    const n = dataOf(props);
    const ctx = factsContext(uiLang);
    const verified = day(n.last_verified);
    const kind = networkKindLabels[n.kind as keyof typeof networkKindLabels]?.[ctx.lang];
    const facts = networkFacts(
      {
        municipalities: list(n.municipalities),
        nationwide: bool(n.nationwide),
        audience: str(n.audience),
        meets: str(n.meets),
        founded: num(n.founded),
        size: num(n.size),
        free: bool(n.free),
        website: str(n.website),
        contact_email: str(n.contact_email),
      },
      ctx,
    );
    return wrap(
      ctx.lang,
      h(
        'article',
        null,
        h('h1', null, str(n.name) ?? ''),
        kind && h('p', null, h('span', { className: 'badge' }, kind)),
        factList(facts),
        // The wiki is written in the site's default language.
        h('div', { className: 'prose', lang: ctx.langAttr(DEFAULT_LANG) }, props.widgetFor('body')),
        verified && h('p', { className: 'notice' }, ctx.t('wiki.verified', { date: formatDate(verified, ctx.lang) })),
      ),
    );
  }

  function EventPreview(props: PreviewProps) {
    const e = dataOf(props);
    const ctx = factsContext(lang(e.lang));
    const venue = obj(e.venue);
    const status = e.status === 'cancelled' || e.status === 'full' ? e.status : 'planned';
    const network = str(e.network);
    const facts = eventFacts(
      {
        start: time(e.start),
        end: time(e.end),
        lang: lang(e.lang),
        online_url: str(e.online_url),
        price: str(e.price),
        registration_url: str(e.registration_url),
        status,
        venue: str(venue?.name)
          ? { name: str(venue?.name)!, address: str(venue?.address), municipality: str(venue?.municipality) }
          : undefined,
      },
      {
        organizers: refs(props, 'organizers', 'members', list(e.organizers)),
        network: network ? refs(props, 'network', 'wiki', [network])[0] : undefined,
      },
      ctx,
    );
    return wrap(
      ctx.lang,
      h(
        'article',
        { className: status === 'cancelled' ? 'is-cancelled' : undefined },
        h('h1', { className: 'event-title' }, str(e.title) ?? ''),
        status !== 'planned' &&
          h('p', null, h('span', { className: `badge badge--${status}` }, eventStatusLabels[status][ctx.lang])),
        h('p', { className: 'lead' }, str(e.description) ?? ''),
        factList(facts),
        h('div', { className: 'prose' }, props.widgetFor('body')),
      ),
    );
  }

  return { members: MemberPreview, blog: PostPreview, wiki: NetworkPreview, events: EventPreview };
}
