import { createElement as h, Fragment, type ReactNode } from 'react';
import { useTranslations } from '../i18n/ui.ts';
import { formatDate, formatDateTime, formatTime, isoDay, parseLocalDateTime } from '../lib/dates.ts';
import { languageName, OPEN_TO_LABELS } from '../lib/labels.ts';
import type { Taxonomies } from '../schemas/index.ts';
import { regionLabels } from '../schemas/settings.ts';
import { networkKindLabels } from '../schemas/wiki.ts';
import type { Lang } from '../i18n/locale.ts';

/**
 * Preview panes for members, posts, wiki entries and events: the site's own markup and class
 * names, styled by the site's global.css (registered as the preview style), so an editor sees
 * the page much as it will look.
 */

type Data = Record<string, unknown>;

/** The props Decap gives a preview template (only what these use). */
export interface PreviewProps {
  entry: { get(key: 'data'): { toJS(): Data } | undefined };
  widgetFor(name: string): ReactNode;
  getAsset(path: string): { toString(): string } | undefined;
  fieldsMetaData?: { getIn(path: string[]): unknown };
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const day = (v: unknown) => {
  const s = str(v);
  const d = s ? new Date(`${s.slice(0, 10)}T12:00:00Z`) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
};
const time = (v: unknown) => {
  const d = str(v) ? parseLocalDateTime(str(v)!) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
};
const fact = (term: string, ...desc: ReactNode[]) => h(Fragment, { key: term }, h('dt', null, term), h('dd', null, ...desc));
const chips = (items: string[], label?: string) =>
  h('ul', { className: 'chips', 'aria-label': label }, ...items.map((x) => h('li', { className: 'chip', key: x }, x)));

/** A relation value shown by the name of the entry it points at, when Decap has it at hand. */
function named(props: PreviewProps, field: string, collection: string, slug: string, nameField: string): string {
  const name = props.fieldsMetaData?.getIn([field, collection, slug, nameField]);
  return typeof name === 'string' ? name : slug;
}

export function previewTemplates(tax: Taxonomies, uiLang: Lang) {
  const tradeName = (id: string, lang: Lang) => tax.trades.find((t) => t.id === id)?.[lang] ?? id;
  const municipality = (id: unknown) => tax.municipalities.find((m) => m.id === id);
  const wrap = (lang: Lang, ...children: ReactNode[]) => h('main', { className: 'wrap', lang }, ...children);
  const dataOf = (props: PreviewProps) => props.entry.get('data')?.toJS() ?? {};

  function MemberPreview(props: PreviewProps) {
    const m = dataOf(props);
    const lang = uiLang;
    const t = useTranslations(lang);
    const place = municipality(m.municipality);
    const photo = str(m.photo) && props.getAsset(str(m.photo)!)?.toString();
    const joined = day(m.joined);
    return wrap(
      lang,
      h(
        'article',
        { className: 'profile' },
        h(
          'div',
          null,
          h('h1', null, str(m.name) ?? ''),
          h('p', { className: 'lead' }, [str(m.business), place?.name].filter(Boolean).join(' · ')),
          chips(list(m.trades).map((id) => tradeName(id, lang)), t('members.trades')),
          h('div', { className: 'prose', lang: m.lang === 'en' ? 'en' : 'da' }, props.widgetFor('body')),
          list(m.services).length > 0 && h(Fragment, null, h('h2', null, t('members.services')), h('ul', null, ...list(m.services).map((s) => h('li', { key: s }, s)))),
        ),
        h(
          'aside',
          { 'aria-label': t('members.contact') },
          photo && h('img', { className: 'avatar', src: photo, alt: str(m.photo_alt) ?? '', width: 128, height: 128 }),
          h(
            'dl',
            { className: 'facts' },
            place && fact(t('members.municipality'), place.name),
            place && fact(t('members.region'), regionLabels[place.region as keyof typeof regionLabels]?.[lang] ?? place.region),
            list(m.open_to).length > 0 && fact(t('members.openTo'), chips(list(m.open_to).map((o) => OPEN_TO_LABELS[o as keyof typeof OPEN_TO_LABELS]?.[lang] ?? o))),
            fact(t('members.languages'), (list(m.languages).length ? list(m.languages) : ['da']).map((c) => languageName(c, lang)).join(', ')),
            str(m.website) && fact(t('members.website'), h('a', { href: str(m.website) }, str(m.website))),
            str(m.email) && fact(t('members.email'), str(m.email)),
            str(m.phone) && fact(t('members.phone'), str(m.phone)),
            str(m.cvr) && fact(t('members.cvr'), str(m.cvr)),
            joined && fact(t('members.joined'), formatDate(joined, lang)),
          ),
        ),
      ),
    );
  }

  function PostPreview(props: PreviewProps) {
    const p = dataOf(props);
    const lang: Lang = p.lang === 'en' ? 'en' : 'da';
    const t = useTranslations(lang);
    const date = day(p.date);
    const updated = day(p.updated);
    const authors = list(p.authors).map((s) => named(props, 'authors', 'members', s, 'name'));
    const guest = p.guest_author as { name?: string } | undefined;
    const book = p.book as { title?: string; author?: string; isbn?: string; rating?: number } | undefined;
    const cover = str(p.cover) && props.getAsset(str(p.cover)!)?.toString();
    const gallery = Array.isArray(p.gallery) ? (p.gallery as { src?: string; alt?: string; caption?: string }[]) : [];
    const byline = [...authors, ...(guest?.name ? [`${guest.name} (${t('blog.guest')})`] : [])].join(lang === 'da' ? ' og ' : ' and ');
    return wrap(
      lang,
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
            byline && `${t('blog.by')} ${byline} · `,
            date && `${t('blog.published')} ${formatDate(date, lang)}`,
            updated && ` · ${t('blog.updated')} ${formatDate(updated, lang)}`,
          ),
        ),
        cover && h('img', { src: cover, alt: str(p.cover_alt) ?? '' }),
        book?.title &&
          h(
            'aside',
            { className: 'notice' },
            h('strong', null, `${t('blog.book')}: `),
            h('cite', null, book.title),
            ` ${t('blog.bookBy')} ${book.author ?? ''}`,
            book.rating ? ` · ${'★'.repeat(book.rating)}${'☆'.repeat(5 - book.rating)}` : null,
          ),
        h('div', { className: 'prose' }, props.widgetFor('body')),
        gallery.length > 0 &&
          h(
            'section',
            { className: 'gallery', 'aria-label': t('blog.gallery') },
            ...gallery.map((g, i) =>
              h('figure', { key: i }, g.src && h('img', { src: props.getAsset(g.src)?.toString(), alt: g.alt ?? '' }), g.caption && h('figcaption', null, g.caption)),
            ),
          ),
        list(p.tags).length > 0 && h('footer', null, chips(list(p.tags), t('blog.tags'))),
      ),
    );
  }

  function NetworkPreview(props: PreviewProps) {
    const n = dataOf(props);
    const lang = uiLang;
    const t = useTranslations(lang);
    const places = list(n.municipalities).map((id) => municipality(id)?.name ?? id);
    const verified = day(n.last_verified);
    const kind = networkKindLabels[n.kind as keyof typeof networkKindLabels]?.[lang];
    return wrap(
      lang,
      h(
        'article',
        null,
        h('h1', null, str(n.name) ?? ''),
        kind && h('p', null, h('span', { className: 'badge' }, kind)),
        h(
          'dl',
          { className: 'facts' },
          fact(t('wiki.audience'), str(n.audience) ?? ''),
          fact(t('wiki.municipalities'), `${n.nationwide ? `${t('wiki.nationwide')} · ` : ''}${places.join(', ')}`),
          str(n.meets) && fact(t('wiki.meets'), str(n.meets)),
          typeof n.founded === 'number' && fact(t('wiki.founded'), String(n.founded)),
          typeof n.size === 'number' && fact(t('wiki.size'), t('wiki.sizeApprox', { n: n.size })),
          typeof n.free === 'boolean' && fact(t('wiki.paid'), n.free ? t('wiki.free') : t('wiki.paid')),
          str(n.website) && fact(t('wiki.website'), h('a', { href: str(n.website) }, str(n.website))),
          str(n.contact_email) && fact(t('wiki.contact'), str(n.contact_email)),
        ),
        h('div', { className: 'prose', lang: 'da' }, props.widgetFor('body')),
        verified && h('p', { className: 'notice' }, t('wiki.verified', { date: formatDate(verified, lang) })),
      ),
    );
  }

  function EventPreview(props: PreviewProps) {
    const e = dataOf(props);
    const lang: Lang = e.lang === 'en' ? 'en' : 'da';
    const t = useTranslations(lang);
    const start = time(e.start);
    const end = time(e.end);
    const venue = e.venue as { name?: string; address?: string; municipality?: string } | undefined;
    const organizers = list(e.organizers).map((s) => named(props, 'organizers', 'members', s, 'name'));
    const network = str(e.network) && named(props, 'network', 'wiki', str(e.network)!, 'name');
    return wrap(
      lang,
      h(
        'article',
        { className: e.status === 'cancelled' ? 'is-cancelled' : undefined },
        h('h1', { className: 'event-title' }, str(e.title) ?? ''),
        e.status === 'cancelled' && h('p', null, h('span', { className: 'badge badge--cancelled' }, t('events.cancelled'))),
        e.status === 'full' && h('p', null, h('span', { className: 'badge badge--full' }, t('events.full'))),
        h('p', { className: 'lead' }, str(e.description) ?? ''),
        h(
          'dl',
          { className: 'facts' },
          start && fact(t('events.when'), formatDateTime(start, lang), end ? `–${isoDay(end) === isoDay(start) ? formatTime(end, lang) : formatDateTime(end, lang)}` : ''),
          fact(
            t('events.where'),
            venue?.name ? [venue.name, venue.address, municipality(venue.municipality)?.name].filter(Boolean).join(', ') : t('events.online'),
          ),
          str(e.price) && fact(t('events.price'), str(e.price)),
          str(e.registration_url) && fact(t('events.register'), h('a', { className: 'button', href: str(e.registration_url) }, t('events.register'))),
          organizers.length > 0 && fact(t('events.organizers'), organizers.join(', ')),
          network && fact(t('events.network'), network),
        ),
        h('div', { className: 'prose' }, props.widgetFor('body')),
      ),
    );
  }

  return { members: MemberPreview, blog: PostPreview, wiki: NetworkPreview, events: EventPreview };
}
