import type {
  BlogPosting,
  BreadcrumbList,
  Event,
  EventStatusType,
  Graph,
  Organization,
  Person,
  Place,
  PostalAddress,
  ProfessionalService,
  Thing,
  VirtualLocation,
  WebSite,
} from 'schema-dts';
import { DEFAULT_LANG, LOCALE_TAG, type Lang } from '../i18n/locale.ts';
import { useTranslations } from '../i18n/ui.ts';
import { isoLocal } from '../lib/dates.ts';
import { LOGO } from './icons.ts';
import type { PageContext } from './page-context.ts';
import { ROUTES, routePath, type Params, type Route, type RouteId } from './routes.ts';
import type { SiteData, Member, Network, Post, SiteEvent } from './site-data.ts';
import type { SocialImage } from './social-image.ts';
import { municipalityName, tradeLabel } from './taxonomy.ts';

/**
 * schema.org JSON-LD for a page, as one graph: the network (always), the page's own thing
 * (a member as a Person working for a ProfessionalService, a wiki network as an Organization,
 * an Event, a BlogPosting, the home page's WebSite) and, below the home page, its breadcrumbs
 * from the route table. Only what the page itself shows publicly goes in: never anyone's
 * e-mail address or phone number.
 */

export interface StructuredDataInput {
  /** The page's row and props (Astro.locals.page); none outside the route table. */
  page: PageContext['page'];
  /** The values of the page's [params] (for the breadcrumbs of a row under a parametrised parent). */
  params?: Params;
  lang: Lang;
  data: SiteData;
  /** The site's origin, e.g. https://mikronet.dk/ */
  site: URL;
  /** The page's absolute address. */
  url: string;
  title: string;
  description: string;
  image: SocialImage;
}

const abs = (path: string, site: URL) => new URL(path, site).href;

/** The network's node id: other nodes point at it as publisher or organizer. */
export const organizationId = (site: URL) => abs('/#organization', site);

/** Times with Copenhagen's offset (src/lib/dates.ts), as schema.org wants them. */
export { isoLocal };

/** A calendar date from the content (YAML reads it as midnight UTC) as YYYY-MM-DD. */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export function siteOrganization(data: SiteData, lang: Lang, site: URL): Organization {
  const social = (data.settings.social ?? []).map((s) => s.url);
  return {
    '@type': 'Organization',
    '@id': organizationId(site),
    name: data.settings.name,
    url: abs(routePath('home', DEFAULT_LANG), site),
    logo: abs(LOGO.path, site),
    description: data.settings.description[lang],
    ...(social.length && { sameAs: social }),
  };
}

/** A Danish address: "Havnegade 14, 4800 Nykøbing F." → street, postal code and town, in the municipality. */
export function postalAddress(municipality: string, address?: string): PostalAddress {
  const parts = (address ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const town = /^(\d{4})\s+(.+)$/.exec(parts.at(-1) ?? '');
  const street = town ? parts.slice(0, -1) : parts;
  return {
    '@type': 'PostalAddress',
    ...(street.length && { streetAddress: street.join(', ') }),
    ...(town && { postalCode: town[1] }),
    addressLocality: town ? town[2]! : municipality,
    ...(town && town[2] !== municipality && { addressRegion: municipality }),
    addressCountry: 'DK',
  };
}

/** A member as their page shows them: the person, their business and what they know about. */
export function memberPerson(member: Member, lang: Lang, data: SiteData, site: URL): Person {
  const m = member.data;
  const url = abs(routePath('member', lang, { slug: member.id }), site);
  const place = municipalityName(data, m.municipality);
  const knowsAbout = [...m.trades.map((id) => tradeLabel(data, id, lang)), ...(m.services ?? [])];
  const business: ProfessionalService = {
    '@type': 'ProfessionalService',
    name: m.business ?? m.name,
    ...(m.website && { url: m.website }),
    address: postalAddress(place),
    areaServed: { '@type': 'AdministrativeArea', name: place },
    knowsAbout,
    ...(m.languages?.length && { knowsLanguage: m.languages }),
  };
  return {
    '@type': 'Person',
    '@id': `${url}#person`,
    name: m.name,
    url,
    ...(m.photo && { image: abs(m.photo, site) }),
    knowsAbout,
    ...(m.languages?.length && { knowsLanguage: m.languages }),
    worksFor: business,
    memberOf: { '@id': organizationId(site) },
  };
}

/** A member as a post's author or an event's organiser: a name and their page. */
function memberRef(slug: string, lang: Lang, data: SiteData, site: URL): Person | undefined {
  const member = data.membersBySlug.get(slug);
  return member && { '@type': 'Person', name: member.data.name, url: abs(routePath('member', lang, { slug }), site) };
}

export function networkOrganization(network: Network, lang: Lang, data: SiteData, url: string): Organization {
  const n = network.data;
  const places = n.municipalities.map((id) => municipalityName(data, id));
  return {
    '@type': 'Organization',
    '@id': `${url}#organization`,
    name: n.name,
    url: n.website ?? url,
    ...(n.website && { sameAs: [url] }),
    description: n.audience,
    ...(n.founded && { foundingDate: String(n.founded) }),
    areaServed: n.nationwide
      ? { '@type': 'Country', name: 'Danmark' }
      : places.map((name) => ({ '@type': 'AdministrativeArea' as const, name })),
    ...(places[0] && { address: postalAddress(places[0]) }),
  };
}

const EVENT_STATUS: Record<string, EventStatusType> = {
  planned: 'https://schema.org/EventScheduled',
  full: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
};

/** A price as the content writes it ("Gratis", "250 kr.", "Free") as a number of kroner, when it says one. */
export function priceOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  if (/\b(gratis|free)\b/i.test(text)) return 0;
  const m = /(\d+(?:[.,]\d{1,2})?)/.exec(text.replace(/(\d)\.(\d{3})\b/g, '$1$2'));
  return m ? Number(m[1]!.replace(',', '.')) : undefined;
}

export function siteEvent(event: SiteEvent, input: StructuredDataInput): Event {
  const { lang, data, site, url } = input;
  const e = event.data;
  const venue: Place | undefined = e.venue && {
    '@type': 'Place',
    name: e.venue.name,
    address: postalAddress(municipalityName(data, e.venue.municipality), e.venue.address),
  };
  const online: VirtualLocation | undefined = e.online_url
    ? { '@type': 'VirtualLocation', url: e.online_url }
    : undefined;
  const network = e.network ? data.networksBySlug.get(e.network) : undefined;
  const organizers: (Person | Organization)[] = [
    ...(network
      ? [
          {
            '@type': 'Organization' as const,
            name: network.data.name,
            url: abs(routePath('network', lang, { slug: network.id }), site),
          },
        ]
      : []),
    ...(e.organizers ?? []).flatMap((slug) => memberRef(slug, lang, data, site) ?? []),
  ];
  const price = priceOf(e.price);
  return {
    '@type': 'Event',
    '@id': `${url}#event`,
    name: e.title,
    description: e.description,
    url,
    startDate: isoLocal(e.start),
    ...(e.end && { endDate: isoLocal(e.end) }),
    eventStatus: EVENT_STATUS[e.status] ?? 'https://schema.org/EventScheduled',
    eventAttendanceMode: venue
      ? online
        ? 'https://schema.org/MixedEventAttendanceMode'
        : 'https://schema.org/OfflineEventAttendanceMode'
      : 'https://schema.org/OnlineEventAttendanceMode',
    location: venue && online ? [venue, online] : (venue ?? online!),
    image: [abs(input.image.path, site), ...(e.cover ? [abs(e.cover, site)] : [])],
    inLanguage: LOCALE_TAG[e.lang],
    organizer: organizers.length ? organizers : { '@id': organizationId(site) },
    ...((e.registration_url || price !== undefined) && {
      offers: {
        '@type': 'Offer',
        url: e.registration_url ?? url,
        ...(price !== undefined && { price, priceCurrency: 'DKK' }),
        availability: e.status === 'full' ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
      },
    }),
  };
}

export function blogPosting(post: Post, input: StructuredDataInput): BlogPosting {
  const { data, site, url } = input;
  const p = post.data;
  const authors: Person[] = [
    ...(p.authors ?? []).flatMap((slug) => memberRef(slug, p.lang, data, site) ?? []),
    ...(p.guest_author
      ? [
          {
            '@type': 'Person' as const,
            name: p.guest_author.name,
            ...(p.guest_author.url && { url: p.guest_author.url }),
          },
        ]
      : []),
  ];
  const translation = data.translations.get(post.id);
  const translationNode: BlogPosting | undefined = translation && {
    '@type': 'BlogPosting',
    headline: translation.data.title,
    url: abs(routePath('post', translation.data.lang, { slug: translation.id }), site),
    inLanguage: LOCALE_TAG[translation.data.lang],
  };
  return {
    '@type': 'BlogPosting',
    '@id': `${url}#post`,
    headline: p.title,
    description: p.description,
    url,
    mainEntityOfPage: url,
    datePublished: isoDate(p.date),
    dateModified: isoDate(p.updated ?? p.date),
    author: authors,
    image: [abs(input.image.path, site), ...(p.cover ? [abs(p.cover, site)] : [])],
    inLanguage: LOCALE_TAG[p.lang],
    ...(p.tags?.length && { keywords: p.tags }),
    publisher: { '@id': organizationId(site) },
    // The post that declares translation_of is the translation; the other is the original.
    ...(translationNode &&
      (p.translation_of ? { translationOfWork: translationNode } : { workTranslation: translationNode })),
  };
}

/** The page's place in the site: home, then each parent row, then the page. None for the home page. */
export function breadcrumbs(input: StructuredDataInput): BreadcrumbList | undefined {
  const { page, lang, data, site, url, title, params = {} } = input;
  if (!page || page.route === 'home') return undefined;
  const t = useTranslations(lang);
  const ctx = { lang, t, data };
  const trail: { name: string; item: string }[] = [];
  for (let id = (ROUTES[page.route] as Route<unknown>).parent as RouteId | undefined; id;) {
    const row = ROUTES[id] as Route<unknown>;
    let name: string | undefined;
    try {
      name = row.nav ? t(row.nav) : row.title({ params, props: {} }, ctx);
    } catch {
      name = undefined; // a parent whose title needs props it cannot have here is left out
    }
    if (name) trail.unshift({ name, item: abs(routePath(id, lang, params), site) });
    id = row.parent as RouteId | undefined;
  }
  trail.unshift({ name: data.settings.name, item: abs(routePath('home', lang), site) });
  trail.push({ name: title, item: url });
  return {
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.item })),
  };
}

/** Everything the page says of itself in schema.org terms. */
export function structuredData(input: StructuredDataInput): Graph {
  const { page, lang, data, site, url } = input;
  const nodes: Thing[] = [siteOrganization(data, lang, site)];
  const props = page?.props ?? {};
  switch (page?.route) {
    case 'home':
      nodes.push({
        '@type': 'WebSite',
        '@id': abs('/#website', site),
        name: data.settings.name,
        url,
        inLanguage: LOCALE_TAG[lang],
        description: input.description,
        publisher: { '@id': organizationId(site) },
      } satisfies WebSite);
      break;
    case 'member':
      nodes.push(memberPerson(props.member as Member, lang, data, site));
      break;
    case 'network':
      nodes.push(networkOrganization(props.network as Network, lang, data, url));
      break;
    case 'event':
      nodes.push(siteEvent(props.event as SiteEvent, input));
      break;
    case 'post':
      nodes.push(blogPosting(props.post as Post, input));
      break;
  }
  const trail = breadcrumbs(input);
  if (trail) nodes.push(trail);
  return { '@context': 'https://schema.org', '@graph': nodes };
}

/**
 * The graph as the text of a <script type="application/ld+json">: `<` is written \u003c, so no
 * text from the content (a title with "</script>" or "<!--") can end the element or open a comment.
 */
export function jsonLdText(graph: Graph): string {
  return JSON.stringify(graph).replace(/</g, '\\u003c');
}
