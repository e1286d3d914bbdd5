import { describe, expect, it } from 'vitest';
import type { SiteData } from '../../src/site/site-data.ts';
import { SOCIAL_IMAGE_SIZE } from '../../src/site/social-image.ts';
import {
  isoLocal,
  jsonLdText,
  postalAddress,
  priceOf,
  structuredData,
  type StructuredDataInput,
} from '../../src/site/structured-data.ts';
import { parseLocalDateTime } from '../../src/lib/dates.ts';

const site = new URL('https://mikronet.dk/');

const anne = {
  id: 'anne-lund',
  data: {
    name: 'Anne Lund',
    business: 'Lund Design',
    trades: ['design'],
    municipality: 'guldborgsund',
    services: ['Logoer', 'Tryksager'],
    languages: ['da', 'en'],
    website: 'https://lund.example',
    email: 'anne@lund.example',
    phone: '+45 12 34 56 78',
    lang: 'da',
  },
};
const postDa = {
  id: 'prissaetning',
  data: {
    title: 'Prissætning </script><script>alert(1)</script>',
    description: 'Om priser',
    date: new Date('2026-10-01T00:00:00Z'),
    updated: new Date('2026-10-05T00:00:00Z'),
    lang: 'da',
    authors: ['anne-lund'],
    tags: ['priser'],
  },
};
const postEn = {
  id: 'pricing',
  data: {
    title: 'Pricing',
    description: 'On prices',
    date: new Date('2026-10-02T00:00:00Z'),
    lang: 'en',
    guest_author: { name: 'Mads Krag', url: 'https://krag.example' },
    translation_of: 'prissaetning',
  },
};
const network = {
  id: 'mikronet-lf',
  data: {
    name: 'Mikronet Lolland-Falster',
    kind: 'erhvervsnetvaerk',
    municipalities: ['guldborgsund', 'lolland'],
    audience: 'Selvstændige på Lolland-Falster',
    website: 'https://lf.example',
    contact_email: 'kontakt@lf.example',
    founded: 2005,
  },
};
const event = (over: Record<string, unknown> = {}) => ({
  id: 'traef',
  data: {
    title: 'Træf',
    description: 'Tre dage',
    start: parseLocalDateTime('2026-12-11T18:00'),
    end: parseLocalDateTime('2026-12-11T21:00'),
    lang: 'da',
    venue: { name: 'Kulturhuset', address: 'Havnegade 14, 4800 Nykøbing F.', municipality: 'guldborgsund' },
    status: 'planned',
    network: 'mikronet-lf',
    organizers: ['anne-lund'],
    price: '250 kr.',
    registration_url: 'https://tilmeld.example',
    ...over,
  },
});

const data = {
  settings: {
    name: 'Mikronet',
    description: { da: 'Netværket', en: 'The network' },
    contact_email: 'kontakt@mikronet.dk',
    social: [{ label: 'LinkedIn', url: 'https://linkedin.example/mikronet' }],
  },
  membersBySlug: new Map([['anne-lund', anne]]),
  trades: new Map([['design', { da: 'Design', en: 'Design' }]]),
  municipalities: new Map([
    ['guldborgsund', { name: 'Guldborgsund', region: 'sjaelland' }],
    ['lolland', { name: 'Lolland', region: 'sjaelland' }],
  ]),
  networksBySlug: new Map([['mikronet-lf', network]]),
  translations: new Map<string, unknown>([
    ['prissaetning', postEn],
    ['pricing', postDa],
  ]),
} as unknown as SiteData;

const input = (route: string, props: Record<string, unknown>, url: string, title = 'T'): StructuredDataInput => ({
  page: { route: route as never, props },
  lang: url.includes('/en/') ? 'en' : 'da',
  data,
  site,
  url,
  title,
  description: 'D',
  image: { path: '/social/x.png', ...SOCIAL_IMAGE_SIZE, alt: 'x' },
});
type Node = Record<string, any>;
const nodes = (i: StructuredDataInput): Node[] => structuredData(i)['@graph'] as unknown as Node[];
const ofType = (i: StructuredDataInput, type: string) => nodes(i).filter((n) => n['@type'] === type);

describe('structured data', () => {
  it('names the network on every page: name, address, logo and its social profiles', () => {
    const graph = structuredData(input('home', {}, 'https://mikronet.dk/'));
    expect(graph['@context']).toBe('https://schema.org');
    const [org] = (graph['@graph'] as unknown as Node[]).filter((n) => n['@type'] === 'Organization');
    expect(org).toMatchObject({
      name: 'Mikronet',
      url: 'https://mikronet.dk/',
      logo: 'https://mikronet.dk/icons/icon-512.png',
      sameAs: ['https://linkedin.example/mikronet'],
    });
    expect(ofType(input('home', {}, 'https://mikronet.dk/'), 'WebSite')).toHaveLength(1);
  });

  it('has no breadcrumbs on the home page, and home › section › page below it', () => {
    expect(ofType(input('home', {}, 'https://mikronet.dk/'), 'BreadcrumbList')).toEqual([]);
    const url = 'https://mikronet.dk/en/members/anne-lund/';
    const [trail] = ofType(input('member', { member: anne }, url, 'Anne Lund – Lund Design'), 'BreadcrumbList');
    expect(trail!.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Mikronet', item: 'https://mikronet.dk/en/' },
      { '@type': 'ListItem', position: 2, name: 'Members', item: 'https://mikronet.dk/en/members/' },
      { '@type': 'ListItem', position: 3, name: 'Anne Lund – Lund Design', item: url },
    ]);
  });

  it('shows a member as a Person working for a ProfessionalService in their municipality, without e-mail or phone', () => {
    const i = input('member', { member: anne }, 'https://mikronet.dk/medlemmer/anne-lund/');
    const [person] = ofType(i, 'Person');
    expect(person).toMatchObject({
      name: 'Anne Lund',
      url: 'https://mikronet.dk/medlemmer/anne-lund/',
      worksFor: {
        '@type': 'ProfessionalService',
        name: 'Lund Design',
        url: 'https://lund.example',
        address: { '@type': 'PostalAddress', addressLocality: 'Guldborgsund', addressCountry: 'DK' },
        knowsAbout: ['Design', 'Logoer', 'Tryksager'],
      },
    });
    const text = jsonLdText(structuredData(i));
    expect(text).not.toContain('anne@lund.example');
    expect(text).not.toContain('12 34 56 78');
    expect(text).not.toMatch(/"(email|telephone)"/);
  });

  it('names the business after the person when there is no business name', () => {
    const solo = { ...anne, data: { ...anne.data, business: undefined, website: undefined } };
    const [person] = ofType(input('member', { member: solo }, 'https://mikronet.dk/medlemmer/anne-lund/'), 'Person');
    expect(person!.worksFor.name).toBe('Anne Lund');
    expect(person!.worksFor).not.toHaveProperty('url');
  });

  it('shows a wiki network as an Organization with its own site, never its contact address', () => {
    const url = 'https://mikronet.dk/netvaerk/mikronet-lf/';
    const i = input('network', { network }, url);
    const orgs = ofType(i, 'Organization');
    expect(orgs[1]).toMatchObject({ name: 'Mikronet Lolland-Falster', url: 'https://lf.example', sameAs: [url] });
    expect(orgs[1]!.areaServed).toHaveLength(2);
    expect(jsonLdText(structuredData(i))).not.toContain('kontakt@lf.example');
  });

  it('shows an event with its place, its times in Danish time with the offset, status, organisers and price', () => {
    const [e] = ofType(input('event', { event: event() }, 'https://mikronet.dk/arrangementer/traef/'), 'Event');
    expect(e).toMatchObject({
      name: 'Træf',
      startDate: '2026-12-11T18:00:00+01:00',
      endDate: '2026-12-11T21:00:00+01:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: {
        '@type': 'Place',
        name: 'Kulturhuset',
        address: {
          streetAddress: 'Havnegade 14',
          postalCode: '4800',
          addressLocality: 'Nykøbing F.',
          addressCountry: 'DK',
        },
      },
      offers: { price: 250, priceCurrency: 'DKK', url: 'https://tilmeld.example' },
    });
    expect(e!.organizer.map((o: Node) => o.name)).toEqual(['Mikronet Lolland-Falster', 'Anne Lund']);
  });

  it('shows an online, cancelled event as such, and a full one as sold out', () => {
    const online = event({ venue: undefined, online_url: 'https://moede.example', status: 'cancelled' });
    const [e] = ofType(input('event', { event: online }, 'https://mikronet.dk/arrangementer/traef/'), 'Event');
    expect(e).toMatchObject({
      eventStatus: 'https://schema.org/EventCancelled',
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation', url: 'https://moede.example' },
    });
    const [full] = ofType(input('event', { event: event({ status: 'full' }) }, 'https://mikronet.dk/x/'), 'Event');
    expect(full!.offers.availability).toBe('https://schema.org/SoldOut');
  });

  it('shows a post as a BlogPosting with its authors, dates, picture and its translation', () => {
    const [da] = ofType(input('post', { post: postDa }, 'https://mikronet.dk/blog/prissaetning/'), 'BlogPosting');
    expect(da).toMatchObject({
      datePublished: '2026-10-01',
      dateModified: '2026-10-05',
      author: [{ '@type': 'Person', name: 'Anne Lund', url: 'https://mikronet.dk/medlemmer/anne-lund/' }],
      image: ['https://mikronet.dk/social/x.png'],
      inLanguage: 'da-DK',
      workTranslation: { url: 'https://mikronet.dk/en/blog/pricing/', inLanguage: 'en-GB' },
    });
    const [en] = ofType(input('post', { post: postEn }, 'https://mikronet.dk/en/blog/pricing/'), 'BlogPosting');
    expect(en).toMatchObject({
      author: [{ name: 'Mads Krag', url: 'https://krag.example' }],
      translationOfWork: { url: 'https://mikronet.dk/blog/prissaetning/' },
    });
  });

  it('cannot be closed by a title: every < is escaped, and the text still parses to the same data', () => {
    const graph = structuredData(input('post', { post: postDa }, 'https://mikronet.dk/blog/prissaetning/'));
    const text = jsonLdText(graph);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(graph)));
  });
});

describe('the pieces', () => {
  it('write an instant in Danish time with the offset of its season', () => {
    expect(isoLocal(new Date('2026-07-01T16:00:00Z'))).toBe('2026-07-01T18:00:00+02:00');
    expect(isoLocal(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29T01:59:59+01:00');
    expect(isoLocal(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00');
  });

  it('read a Danish address; one without postal code stays a street in the municipality', () => {
    expect(postalAddress('Lolland', 'Torvet 5, 4930 Maribo')).toMatchObject({
      streetAddress: 'Torvet 5',
      postalCode: '4930',
      addressLocality: 'Maribo',
      addressRegion: 'Lolland',
    });
    expect(postalAddress('Lolland', 'Bag kirken')).toEqual({
      '@type': 'PostalAddress',
      streetAddress: 'Bag kirken',
      addressLocality: 'Lolland',
      addressCountry: 'DK',
    });
  });

  it('read a price as content writes it', () => {
    expect(priceOf('Gratis')).toBe(0);
    expect(priceOf('250 kr.')).toBe(250);
    expect(priceOf('kr. 1.250,50 inkl. moms')).toBe(1250.5);
    expect(priceOf('Efter aftale')).toBeUndefined();
    expect(priceOf(undefined)).toBeUndefined();
  });
});
