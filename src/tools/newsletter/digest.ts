import type { ValidEntry } from '../../lib/content/validate.ts';
import { parseLocalDateTime } from '../../lib/dates.ts';
import type { Lang } from '../../i18n/locale.ts';
import { eventPath, homePath, memberPath, postPath, sectionPath } from '../../i18n/urls.ts';
import type { Taxonomies } from '../../schemas/index.ts';
import type { Settings } from '../../schemas/settings.ts';
import { eventStatusLabels, type EventStatus } from '../../schemas/events.ts';
import { marketKindLabels, type MarketKind } from '../../schemas/market.ts';
import { firstParagraph, firstSentence } from '../../site/descriptions.ts';

/**
 * What a newsletter holds, chosen from valid content: the same rules as the site (listed members
 * only, no drafts, market entries until they expire, events until they end), with every link
 * absolute on the site's address. Both renderings (HTML and plain text) are made from this.
 */

export interface DigestItem {
  title: string;
  url: string;
  /** One line under the title: a description, or what a member does. */
  line: string;
  /** Date, time and place of an event; kind, poster and expiry of a market entry; author and date of a post. */
  details: string[];
  /** The language the item is written in, when it is not the letter's. */
  otherLang?: Lang;
  /** A picture a mail client can show (raster, absolute URL) with its alt text. */
  image?: { url: string; alt: string };
}

export interface Digest {
  lang: Lang;
  since: string;
  today: string;
  site: string;
  name: string;
  tagline: string;
  contactEmail: string;
  signupUrl?: string;
  events: DigestItem[];
  /** How many upcoming events there are in all (the letter lists at most MAX_EVENTS). */
  eventsTotal: number;
  posts: DigestItem[];
  members: DigestItem[];
  market: DigestItem[];
}

export const MAX_EVENTS = 8;

export interface DigestOptions {
  lang: Lang;
  /** First day counted as new, YYYY-MM-DD. */
  since: string;
  /** The day the letter is made, YYYY-MM-DD; nothing after it counts (a post dated tomorrow is not out yet). */
  today: string;
  /** The site's address, e.g. https://mikronet.dk */
  site: string;
  /** Formats a date or a date and time in the letter's language. */
  formatDate: (d: Date) => string;
  formatDateTime: (d: Date) => string;
  words: { online: string; by: string; postBy: (names: string) => string; expires: (date: string) => string };
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const get = <T>(e: ValidEntry, key: string) => e.data[key] as T;
// Mail clients show JPEG, PNG and GIF everywhere; SVG (the sample's drawings) and the newer formats not.
const MAIL_PICTURE = /\.(jpe?g|png|gif)$/i;

export function digest(entries: ValidEntry[], settings: Settings, tax: Taxonomies, o: DigestOptions): Digest {
  const abs = (path: string) => new URL(path, o.site).href;
  const of = (c: ValidEntry['collection']) => entries.filter((e) => e.collection === c);
  const inRange = (d: Date) => day(d) >= o.since && day(d) <= o.today;
  const listed = new Map(
    of('members')
      .filter((m) => m.data.listed === true)
      .map((m) => [m.slug, m]),
  );
  const municipality = (id: string) => tax.municipalities.find((m) => m.id === id)?.name ?? id;
  const trade = (id: string) => tax.trades.find((t) => t.id === id)?.[o.lang] ?? id;
  const other = (l: Lang) => (l === o.lang ? undefined : l);
  const startOfToday = parseLocalDateTime(`${o.today}T00:00`);

  // Events that have not ended by the start of the day the letter is made, soonest first.
  const upcoming = of('events')
    .filter((e) => (get<Date | undefined>(e, 'end') ?? get<Date>(e, 'start')) >= startOfToday)
    .sort((a, b) => get<Date>(a, 'start').getTime() - get<Date>(b, 'start').getTime() || a.slug.localeCompare(b.slug));
  const events = upcoming.slice(0, MAX_EVENTS).map((e): DigestItem => {
    const venue = get<{ name: string; municipality: string } | undefined>(e, 'venue');
    const status = get<EventStatus>(e, 'status');
    return {
      title: get(e, 'title'),
      url: abs(eventPath(o.lang, e.slug)),
      line: get(e, 'description'),
      details: [
        o.formatDateTime(get(e, 'start')),
        venue ? `${venue.name}, ${municipality(venue.municipality)}` : o.words.online,
        ...(status === 'planned' ? [] : [eventStatusLabels[status][o.lang]]),
      ],
      otherLang: other(get(e, 'lang')),
    };
  });

  const posts = of('blog')
    .filter((p) => p.data.draft !== true && inRange(get(p, 'date')))
    .sort((a, b) => get<Date>(b, 'date').getTime() - get<Date>(a, 'date').getTime() || a.slug.localeCompare(b.slug))
    .map((p): DigestItem => {
      const authors = (get<string[] | undefined>(p, 'authors') ?? []).flatMap((s) => {
        const m = listed.get(s);
        return m ? [get<string>(m, 'name')] : [];
      });
      const guest = get<{ name: string } | undefined>(p, 'guest_author');
      const names = guest ? [...authors, guest.name] : authors;
      const cover = get<string | undefined>(p, 'cover');
      const lang = get<Lang>(p, 'lang');
      return {
        title: get(p, 'title'),
        url: abs(postPath({ id: p.slug, data: { lang } })),
        line: get(p, 'description'),
        details: [...(names.length ? [o.words.postBy(names.join(', '))] : []), o.formatDate(get(p, 'date'))],
        otherLang: other(lang),
        image:
          cover && MAIL_PICTURE.test(cover) ? { url: abs(cover), alt: get<string>(p, 'cover_alt') ?? '' } : undefined,
      };
    });

  // Only members who chose to be listed: an unlisted member is nowhere, here neither.
  const members = [...listed.values()]
    .filter((m) => inRange(get(m, 'joined')))
    .sort((a, b) => get<string>(a, 'name').localeCompare(get<string>(b, 'name'), 'da'))
    .map((m): DigestItem => {
      const business = get<string | undefined>(m, 'business');
      return {
        title: get(m, 'name'),
        url: abs(memberPath(o.lang, m.slug)),
        line: [business, get<string[]>(m, 'trades').map(trade).join(', '), municipality(get(m, 'municipality'))]
          .filter(Boolean)
          .join(' · '),
        details: [],
      };
    });

  const market = of('market')
    .filter((e) => inRange(get(e, 'date')) && day(get(e, 'expires')) >= o.today && listed.has(get(e, 'member')))
    .sort((a, b) => get<Date>(b, 'date').getTime() - get<Date>(a, 'date').getTime() || a.slug.localeCompare(b.slug))
    .map((e): DigestItem => {
      const member = listed.get(get(e, 'member'))!;
      return {
        title: get(e, 'title'),
        url: abs(`${sectionPath(o.lang, 'market')}#${e.slug}`),
        line: firstSentence(firstParagraph(e.body)) || get<string[]>(e, 'trades').map(trade).join(', '),
        details: [
          marketKindLabels[get<MarketKind>(e, 'kind')][o.lang],
          `${o.words.by} ${get<string>(member, 'name')}`,
          o.words.expires(o.formatDate(get(e, 'expires'))),
        ],
        // Market entries are written in Danish (MarketView).
        otherLang: other('da'),
      };
    });

  return {
    lang: o.lang,
    since: o.since,
    today: o.today,
    site: abs(homePath(o.lang)),
    name: settings.name,
    tagline: settings.tagline[o.lang],
    contactEmail: settings.contact_email,
    signupUrl: settings.newsletter_url,
    events,
    eventsTotal: upcoming.length,
    posts,
    members,
    market,
  };
}

/** True when the letter would say nothing: no upcoming event and nothing new. */
export const isEmpty = (d: Digest) => !d.events.length && !d.posts.length && !d.members.length && !d.market.length;
