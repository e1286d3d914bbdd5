import { LANGS, type Lang } from '../i18n/locale.ts';
import { useTranslations } from '../i18n/ui.ts';
import { formatDate, formatDateTime } from '../lib/dates.ts';
import { eventStatusLabels } from '../schemas/events.ts';
import { networkKindLabels } from '../schemas/wiki.ts';
import type { PageContext } from './page-context.ts';
import { municipalityName, regionOf, type TaxonomyMaps } from './taxonomy.ts';

/**
 * The picture a link preview shows for a page (og:image, twitter:image): one per listed member,
 * post, event and network, and one for the site per language, made at build time without any
 * outside service. This module says where a page's picture is and what it shows (pure, so the
 * page head, the drawing and the tests agree); src/integrations/social-images.ts draws them.
 */
export interface SocialImage {
  /** Root-relative path of the PNG in the built site. */
  path: string;
  width: number;
  height: number;
  /** What the picture shows, for og:image:alt and twitter:image:alt, in the page's language. */
  alt: string;
}

export const SOCIAL_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** What one picture says: everything the drawing reads, so a hash of it (and the design version) names the PNG. */
export interface SocialCard {
  /** Root-relative path of the PNG: /social/member/anne-lund.png */
  path: string;
  /** Language of the card's words (for the alt text and the hyphenation-free layout, the same either way). */
  lang: Lang;
  /** A small line above the title: what kind of page it is ("Arrangement"); none for members and the site. */
  kicker?: string;
  title: string;
  /** One to three short lines under the title: business and municipality, date and place. */
  lines: string[];
  siteName: string;
}

/** Bumped when the drawing changes, so every cached picture is drawn again. */
export const SOCIAL_DESIGN_VERSION = 3;

/** Text longer than this is cut before drawing (the drawing clamps to lines too): bounds the work per card. */
const MAX_TITLE = 140;
const MAX_LINE = 90;

/** Cuts text at a word boundary to at most `max` characters, with an ellipsis when it was cut. */
export function cut(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const head = clean.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

const card = (c: SocialCard): SocialCard => ({
  ...c,
  title: cut(c.title, MAX_TITLE),
  lines: c.lines.filter((l) => l.trim() !== '').map((l) => cut(l, MAX_LINE)),
});

// Paths: members and posts have one picture (a member's says nothing language-bound; a post lives
// in one language); events and networks say a date or a kind in the page's language.
export const siteImagePath = (lang: Lang) => `/social/site-${lang}.png`;
export const memberImagePath = (slug: string) => `/social/member/${slug}.png`;
export const postImagePath = (slug: string) => `/social/post/${slug}.png`;
export const eventImagePath = (slug: string, lang: Lang) => `/social/event/${slug}-${lang}.png`;
export const networkImagePath = (slug: string, lang: Lang) => `/social/network/${slug}-${lang}.png`;

interface Entry<D> {
  id: string;
  data: D;
}
export type CardMember = Entry<{ name: string; business?: string; municipality: string }>;
export type CardPost = Entry<{
  title: string;
  date: Date;
  lang: Lang;
  authors?: string[];
  guest_author?: { name: string };
}>;
export type CardEvent = Entry<{
  title: string;
  start: Date;
  status?: keyof typeof eventStatusLabels;
  venue?: { name: string; municipality: string };
  online_url?: string;
}>;
export type CardNetwork = Entry<{
  name: string;
  kind: keyof typeof networkKindLabels;
  municipalities: string[];
  nationwide?: boolean;
}>;

/** What the cards are made from: the site's name and tagline, the taxonomies, and members by slug for bylines. */
export interface CardContext extends TaxonomyMaps {
  siteName: string;
  tagline?: Partial<Record<Lang, string>>;
  memberName(slug: string): string | undefined;
}

export function siteCard(lang: Lang, ctx: CardContext): SocialCard {
  return card({
    path: siteImagePath(lang),
    lang,
    title: ctx.siteName,
    lines: [ctx.tagline?.[lang] ?? ''],
    siteName: '',
  });
}

export function memberCard(m: CardMember, ctx: CardContext): SocialCard {
  return card({
    path: memberImagePath(m.id),
    lang: 'da',
    title: m.data.name,
    lines: [m.data.business ?? '', municipalityName(ctx, m.data.municipality)],
    siteName: ctx.siteName,
  });
}

export function postCard(p: CardPost, ctx: CardContext): SocialCard {
  const lang = p.data.lang;
  const t = useTranslations(lang);
  const names = (p.data.authors ?? []).flatMap((s) => ctx.memberName(s) ?? []);
  if (p.data.guest_author) names.push(p.data.guest_author.name);
  return card({
    path: postImagePath(p.id),
    lang,
    kicker: t('type.post'),
    title: p.data.title,
    lines: [names.length ? `${t('blog.by')} ${names.join(', ')}` : '', formatDate(p.data.date, lang)],
    siteName: ctx.siteName,
  });
}

export function eventCard(e: Entry<CardEvent['data']>, lang: Lang, ctx: CardContext): SocialCard {
  const t = useTranslations(lang);
  const status = e.data.status && e.data.status !== 'planned' ? eventStatusLabels[e.data.status][lang] : '';
  const venue = e.data.venue;
  const place = venue ? `${venue.name}, ${municipalityName(ctx, venue.municipality)}` : t('events.online');
  return card({
    path: eventImagePath(e.id, lang),
    lang,
    kicker: status ? `${t('type.event')} · ${status}` : t('type.event'),
    title: e.data.title,
    lines: [formatDateTime(e.data.start, lang), place],
    siteName: ctx.siteName,
  });
}

export function networkCard(n: CardNetwork, lang: Lang, ctx: CardContext): SocialCard {
  const t = useTranslations(lang);
  const regions = [...new Set(n.data.municipalities.flatMap((m) => regionOf(ctx, m, lang) ?? []))];
  const where = n.data.nationwide
    ? t('wiki.nationwide')
    : n.data.municipalities.length <= 3
      ? n.data.municipalities.map((m) => municipalityName(ctx, m)).join(', ')
      : regions.join(', ');
  return card({
    path: networkImagePath(n.id, lang),
    lang,
    kicker: t('type.network'),
    title: n.data.name,
    lines: [networkKindLabels[n.data.kind][lang], where],
    siteName: ctx.siteName,
  });
}

/** Every picture the site shows: listed members, published posts, events and networks (the caller passes only those). */
export function socialCards(
  content: { members: CardMember[]; posts: CardPost[]; events: Entry<CardEvent['data']>[]; networks: CardNetwork[] },
  ctx: CardContext,
): SocialCard[] {
  return [
    ...LANGS.map((lang) => siteCard(lang, ctx)),
    ...content.members.map((m) => memberCard(m, ctx)),
    ...content.posts.map((p) => postCard(p, ctx)),
    ...LANGS.flatMap((lang) => content.events.map((e) => eventCard(e, lang, ctx))),
    ...LANGS.flatMap((lang) => content.networks.map((n) => networkCard(n, lang, ctx))),
  ];
}

/** What a picture says, as one sentence for its alt text. */
export function cardAlt(c: SocialCard): string {
  const head = c.kicker ? `${c.kicker}: ${c.title}` : c.title;
  return [head, ...c.lines, c.siteName].filter(Boolean).join(' – ');
}

/**
 * The picture of a page of the route table, or the site's own picture for every other page.
 * `data` (the site data: settings, taxonomies, members) lets the alt text say what the picture
 * says word for word; without it, the alt text names the entry and the site.
 */
export function socialImage(
  page: PageContext['page'],
  lang: Lang,
  siteName: string,
  data?: TaxonomyMaps & { membersBySlug?: ReadonlyMap<string, { data: { name: string } }> },
): SocialImage {
  const ctx: CardContext = {
    siteName,
    trades: data?.trades ?? new Map(),
    municipalities: data?.municipalities ?? new Map(),
    memberName: (slug) => data?.membersBySlug?.get(slug)?.data.name,
  };
  const props = page?.props ?? {};
  let c: SocialCard | undefined;
  if (page?.route === 'member' && props.member) c = memberCard(props.member as CardMember, ctx);
  else if (page?.route === 'post' && props.post) c = postCard(props.post as CardPost, ctx);
  else if (page?.route === 'event' && props.event) c = eventCard(props.event as Entry<CardEvent['data']>, lang, ctx);
  else if (page?.route === 'network' && props.network) c = networkCard(props.network as CardNetwork, lang, ctx);
  if (!c) return { path: siteImagePath(lang), ...SOCIAL_IMAGE_SIZE, alt: siteName };
  return { path: c.path, ...SOCIAL_IMAGE_SIZE, alt: cardAlt(c) };
}
