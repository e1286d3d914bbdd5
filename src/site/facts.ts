import { DEFAULT_LANG, LOCALE_TAG, type Lang } from '../i18n/locale.ts';
import type { Translate } from '../i18n/ui.ts';
import { authorPath, memberPath, networkPath, tagPath } from '../i18n/urls.ts';
import { formatDate, formatDateTime, formatTime, isoDay } from '../lib/dates.ts';
import { languageName } from '../lib/labels.ts';
import type { BlogPost } from '../schemas/blog.ts';
import type { Event } from '../schemas/events.ts';
import { openToLabels, type Member } from '../schemas/members.ts';
import type { Network } from '../schemas/wiki.ts';
import { municipalityName, regionOf, type TaxonomyMaps } from './taxonomy.ts';

/**
 * The facts a page shows about a member, a network, an event and a post: which, in what order,
 * labelled and formatted for the reader. The site's views and the CMS previews (src/cms/previews.ts)
 * both render these lists, so a fact added here shows in both.
 */

/** What the facts need besides the entry: the page's language, its dictionary, the taxonomies and "now". */
export interface FactsContext {
  lang: Lang;
  t: Translate;
  /** See PageContext.langAttr: the `lang` attribute for text in `content`'s language. */
  langAttr(content: Lang): Lang | undefined;
  data: Pick<TaxonomyMaps, 'municipalities'> & { now: Date };
}

/** A link; without `href` (a relation the CMS cannot resolve yet) it is shown as text. */
export interface Link {
  text: string;
  href?: string | undefined;
  rel?: string;
  className?: string;
}

/** A time as a `<time>` element shows it. */
export interface TimeText {
  datetime: string;
  text: string;
}

/** A fact's value, by what it is, so that each side renders it in its own markup. */
export type FactValue =
  | { kind: 'text'; text: string }
  /** Values separated by commas; each is a search filter value on the site. */
  | { kind: 'terms'; items: string[] }
  | { kind: 'chips'; items: string[] }
  /** Links separated by commas. */
  | { kind: 'links'; items: Link[] }
  /** Protected on the site (src/components/ProtectedEmail.astro), shown as is in the CMS. */
  | { kind: 'email'; address: string }
  /** A time, or a span of two joined by a dash. */
  | { kind: 'times'; items: TimeText[] };

export interface Fact {
  key: string;
  label: string;
  value: FactValue;
  /** The Pagefind filter the value is indexed under (on each term or chip, or on the whole text). */
  filter?: string;
  /** The Pagefind metadata field the value fills. */
  meta?: string;
  /** The value's language, when it is the entry's and not the page's. */
  lang?: Lang | undefined;
}

/** An entry another one points at by slug, with the name to show for it. */
export interface Ref {
  slug: string;
  name: string;
}

/** The entries `slugs` name that exist, as refs (a slug to an unlisted member names nothing). */
export function refsOf(
  slugs: readonly string[] | undefined,
  bySlug: ReadonlyMap<string, { id: string; data: { name: string } }>,
): Ref[] {
  return (slugs ?? []).flatMap((slug) => {
    const entry = bySlug.get(slug);
    return entry ? [{ slug: entry.id, name: entry.data.name }] : [];
  });
}

const text = (value: string): FactValue => ({ kind: 'text', text: value });
const links = (items: Link[]): FactValue => ({ kind: 'links', items });
const facts = (list: (Fact | false | undefined | null | '' | 0)[]): Fact[] => list.filter((f): f is Fact => !!f);

/** A website by its host name (the address as typed, while it is not yet a URL). */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

type MemberFields = Partial<
  Pick<Member, 'municipality' | 'open_to' | 'languages' | 'website' | 'email' | 'phone' | 'cvr' | 'joined'>
>;

/** A member's profile facts; `groups` are the online groups they are in (their page's address, if known). */
export function memberFacts(m: MemberFields, groups: Link[], ctx: FactsContext): Fact[] {
  const { lang, t } = ctx;
  const region = m.municipality ? regionOf(ctx.data, m.municipality, lang) : undefined;
  return facts([
    m.municipality && {
      key: 'municipality',
      label: t('members.municipality'),
      value: { kind: 'terms', items: [municipalityName(ctx.data, m.municipality)] },
      filter: 'municipality',
    },
    region && { key: 'region', label: t('members.region'), value: text(region), filter: 'region' },
    m.open_to?.length && {
      key: 'openTo',
      label: t('members.openTo'),
      value: { kind: 'chips', items: m.open_to.map((o) => openToLabels[o][lang]) },
      filter: 'open_to',
    },
    m.languages?.length && {
      key: 'languages',
      label: t('members.languages'),
      value: { kind: 'terms', items: m.languages.map((code) => languageName(code, lang)) },
      filter: 'language',
    },
    m.website && {
      key: 'website',
      label: t('members.website'),
      value: links([{ href: m.website, text: hostOf(m.website), rel: 'noopener' }]),
    },
    m.email && { key: 'email', label: t('members.email'), value: { kind: 'email', address: m.email } },
    m.phone && {
      key: 'phone',
      label: t('members.phone'),
      value: links([{ href: `tel:${m.phone.replace(/\s+/g, '')}`, text: m.phone }]),
    },
    m.cvr && { key: 'cvr', label: t('members.cvr'), value: text(m.cvr) },
    groups.length > 0 && { key: 'groups', label: t('members.groups'), value: links(groups) },
    m.joined && { key: 'joined', label: t('members.joined'), value: text(formatDate(m.joined, lang)) },
  ]);
}

type NetworkFields = Partial<
  Pick<
    Network,
    'municipalities' | 'nationwide' | 'audience' | 'meets' | 'founded' | 'size' | 'free' | 'website' | 'contact_email'
  >
>;

/** A wiki entry's facts. The wiki is written in the site's default language. */
export function networkFacts(n: NetworkFields, ctx: FactsContext): Fact[] {
  const { lang, t } = ctx;
  const wikiLang = ctx.langAttr(DEFAULT_LANG);
  const places = (n.municipalities ?? []).map((id) => municipalityName(ctx.data, id)).join(', ');
  return facts([
    n.audience && {
      key: 'audience',
      label: t('wiki.audience'),
      value: text(n.audience),
      lang: wikiLang,
      meta: 'summary',
    },
    {
      key: 'municipalities',
      label: t('wiki.municipalities'),
      value: text(`${n.nationwide ? `${t('wiki.nationwide')} · ` : ''}${places}`),
      meta: 'place',
    },
    n.meets && { key: 'meets', label: t('wiki.meets'), value: text(n.meets), lang: wikiLang },
    n.founded !== undefined && { key: 'founded', label: t('wiki.founded'), value: text(String(n.founded)) },
    n.size !== undefined && {
      key: 'size',
      label: t('wiki.size'),
      value: text(t('wiki.sizeApprox', { n: n.size.toLocaleString(LOCALE_TAG[lang]) })),
    },
    n.free !== undefined && {
      key: 'free',
      label: t('wiki.paid'),
      value: text(n.free ? t('wiki.free') : t('wiki.paid')),
    },
    n.website && {
      key: 'website',
      label: t('wiki.website'),
      value: links([{ href: n.website, text: hostOf(n.website), rel: 'noopener' }]),
    },
    n.contact_email && { key: 'contact', label: t('wiki.contact'), value: { kind: 'email', address: n.contact_email } },
  ]);
}

type EventFields = Partial<
  Pick<Event, 'start' | 'end' | 'lang' | 'online_url' | 'price' | 'registration_url' | 'status'>
> & {
  venue?: { name: string; address?: string | undefined; municipality?: string | undefined } | undefined;
};

/** True once an event has ended (an event without an end ends when it starts). */
export const hasEnded = (e: { start?: Date | undefined; end?: Date | undefined }, now: Date) =>
  !!e.start && (e.end ?? e.start) < now;

/**
 * An event's facts. The online link and registration are offered only while they are of use:
 * not after the event, not when it is cancelled (registration: only while places are left).
 */
export function eventFacts(
  e: EventFields,
  refs: { organizers: Ref[]; network?: Ref | undefined },
  ctx: FactsContext,
): Fact[] {
  const { lang, t } = ctx;
  const ended = hasEnded(e, ctx.data.now);
  const status = e.status ?? 'planned';
  const when = (start: Date, end?: Date): TimeText[] => [
    { datetime: start.toISOString(), text: formatDateTime(start, lang) },
    ...(end
      ? [
          {
            datetime: end.toISOString(),
            text: isoDay(end) === isoDay(start) ? formatTime(end, lang) : formatDateTime(end, lang),
          },
        ]
      : []),
  ];
  const venue =
    e.venue &&
    [e.venue.name, e.venue.address, e.venue.municipality && municipalityName(ctx.data, e.venue.municipality)]
      .filter(Boolean)
      .join(', ');
  return facts([
    e.start && { key: 'when', label: t('events.when'), value: { kind: 'times', items: when(e.start, e.end) } },
    { key: 'where', label: t('events.where'), value: text(venue || t('events.online')), meta: 'place' },
    e.online_url &&
      !ended &&
      status !== 'cancelled' && {
        key: 'online',
        label: t('events.online'),
        value: links([{ href: e.online_url, text: t('events.join') }]),
      },
    e.price && { key: 'price', label: t('events.price'), value: text(e.price), lang: e.lang && ctx.langAttr(e.lang) },
    e.registration_url &&
      !ended &&
      status === 'planned' && {
        key: 'register',
        label: t('events.register'),
        value: links([{ href: e.registration_url, text: t('events.register'), className: 'button' }]),
      },
    refs.organizers.length > 0 && {
      key: 'organizers',
      label: t('events.organizers'),
      value: links(refs.organizers.map((m) => ({ href: memberPath(lang, m.slug), text: m.name }))),
    },
    refs.network && {
      key: 'network',
      label: t('events.network'),
      value: links([{ href: networkPath(lang, refs.network.slug), text: refs.network.name }]),
    },
  ]);
}

/** "Af A, B og C" / "By A and B and G (guest blogger)": each name with the text before and after it. */
export interface Byline {
  label: string;
  names: (Link & { before: string; after: string })[];
}

/** A post's facts; a post is shown in its own language, so `ctx.lang` is the post's. */
export interface PostFacts {
  byline: Byline;
  published?: TimeText & { label: string };
  updated?: TimeText & { label: string };
  book?: {
    label: string;
    title: string;
    byLabel: string;
    author: string;
    isbn?: string | undefined;
    rating?: { stars: string; label: string } | undefined;
  };
  tags: { label: string; items: Link[] };
}

type PostFields = Partial<Pick<BlogPost, 'date' | 'updated' | 'guest_author' | 'tags'>> & {
  book?:
    | {
        title?: string | undefined;
        author?: string | undefined;
        isbn?: string | undefined;
        rating?: number | undefined;
      }
    | undefined;
};

/** Who wrote a post: its authors, linked to their author pages, and a guest blogger. */
export function postByline(
  guest: PostFields['guest_author'],
  authors: Ref[],
  ctx: Pick<FactsContext, 'lang' | 't'>,
): Byline {
  const { lang, t } = ctx;
  const and = ` ${t('blog.and')} `;
  const names: Byline['names'] = authors.map((a, i) => ({
    before: i === 0 ? '' : i === authors.length - 1 ? and : ', ',
    text: a.name,
    href: authorPath(lang, a.slug),
    after: '',
  }));
  if (guest?.name)
    names.push({
      before: authors.length > 0 ? and : '',
      text: guest.name,
      href: guest.url,
      after: ` (${t('blog.guest')})`,
    });
  return { label: t('blog.by'), names };
}

export function postFacts(p: PostFields, authors: Ref[], ctx: Pick<FactsContext, 'lang' | 't'>): PostFacts {
  const { lang, t } = ctx;
  const day = (label: string, date: Date) => ({ label, datetime: isoDay(date), text: formatDate(date, lang) });
  const rating = p.book?.rating;
  return {
    byline: postByline(p.guest_author, authors, ctx),
    published: p.date && day(t('blog.published'), p.date),
    updated: p.updated && day(t('blog.updated'), p.updated),
    book: p.book?.title
      ? {
          label: t('blog.book'),
          title: p.book.title,
          byLabel: t('blog.bookBy'),
          author: p.book.author ?? '',
          isbn: p.book.isbn,
          rating: rating
            ? { stars: '★'.repeat(rating) + '☆'.repeat(5 - rating), label: t('blog.rating', { n: rating }) }
            : undefined,
        }
      : undefined,
    tags: {
      label: t('blog.tags'),
      items: (p.tags ?? []).map((tag) => ({ text: tag, href: tagPath(lang, tag), className: 'chip' })),
    },
  };
}
