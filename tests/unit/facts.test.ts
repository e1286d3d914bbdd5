import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/locale.ts';
import { useTranslations } from '../../src/i18n/ui.ts';
import {
  eventFacts,
  memberFacts,
  networkFacts,
  postFacts,
  refsOf,
  type Fact,
  type FactsContext,
} from '../../src/site/facts.ts';
import { langAttrFor } from '../../src/site/page-context.ts';

const now = new Date('2026-11-24T12:00:00+01:00');
const ctx = (lang: Lang): FactsContext => ({
  lang,
  t: useTranslations(lang),
  langAttr: langAttrFor(lang),
  data: { municipalities: new Map([['lolland', { name: 'Lolland', region: 'sjaelland' }]]), now },
});
/** Label and value as a reader sees them, in order. */
const shown = (facts: Fact[]) =>
  facts.map(({ label, value }) => {
    const text =
      value.kind === 'text'
        ? value.text
        : value.kind === 'email'
          ? value.address
          : value.kind === 'links'
            ? value.items.map((l) => l.text).join(', ')
            : value.kind === 'times'
              ? value.items.map((x) => x.text).join('–')
              : value.items.join(', ');
    return `${label}: ${text}`;
  });

describe('member facts', () => {
  const member = {
    municipality: 'lolland',
    open_to: ['opgaver', 'samarbejde'] as const,
    languages: ['da', 'de'],
    website: 'https://holm.example/om',
    email: 'birgitte@holm.example',
    phone: '+45 40 11 22 33',
    cvr: '27193846',
    joined: new Date('2005-09-15T00:00:00Z'),
  };

  it('lists what the profile shows, in order, in the reader’s language', () => {
    const facts = memberFacts(
      { ...member, open_to: [...member.open_to] },
      [{ text: 'Lolland-Falster', href: 'https://grupper.example/lf' }],
      ctx('da'),
    );
    expect(shown(facts)).toEqual([
      'Kommune: Lolland',
      'Region: Region Sjælland',
      'Åben for: Opgaver, Samarbejde',
      'Sprog: dansk, tysk',
      'Hjemmeside: holm.example',
      'E-mail: birgitte@holm.example',
      'Telefon: +45 40 11 22 33',
      'CVR: 27193846',
      'Grupper: Lolland-Falster',
      'Medlem siden: 15. september 2005',
    ]);
    expect(shown(memberFacts({ languages: ['da'] }, [], ctx('en')))).toEqual(['Languages: Danish']);
  });

  it('links the website and a phone number that can be dialled', () => {
    const facts = memberFacts(member as never, [], ctx('en'));
    const link = (key: string) => {
      const value = facts.find((f) => f.key === key)!.value;
      return value.kind === 'links' ? value.items[0] : undefined;
    };
    expect(link('website')).toEqual({ href: 'https://holm.example/om', text: 'holm.example', rel: 'noopener' });
    expect(link('phone')).toEqual({ href: 'tel:+4540112233', text: '+45 40 11 22 33' });
  });

  it('names the search filters the values are indexed under', () => {
    const facts = memberFacts(member as never, [], ctx('da'));
    expect(Object.fromEntries(facts.filter((f) => f.filter).map((f) => [f.key, f.filter]))).toEqual({
      municipality: 'municipality',
      region: 'region',
      openTo: 'open_to',
      languages: 'language',
    });
  });

  it('shows a website that is not yet a whole address as typed (in the CMS)', () => {
    const value = memberFacts({ website: 'holm.ex' }, [], ctx('da'))[0]!.value;
    expect(value).toEqual({ kind: 'links', items: [{ href: 'holm.ex', text: 'holm.ex', rel: 'noopener' }] });
  });
});

describe('network facts', () => {
  const network = {
    municipalities: ['lolland', 'guldborgsund'],
    nationwide: true,
    audience: 'Freelancere',
    meets: 'Hver måned',
    founded: 2005,
    size: 1325,
    free: true,
  };

  it('lists the wiki entry’s facts, marking its Danish text on an English page', () => {
    const facts = networkFacts(network, ctx('en'));
    expect(shown(facts)).toEqual([
      'Audience: Freelancere',
      'Municipalities: Nationwide · Lolland, guldborgsund',
      'Meets: Hver måned',
      'Founded: 2005',
      'Members: about 1,325',
      'Membership fee: Free to join',
    ]);
    expect(facts.filter((f) => f.lang === 'da').map((f) => f.key)).toEqual(['audience', 'meets']);
    expect(networkFacts(network, ctx('da')).every((f) => f.lang === undefined)).toBe(true);
    expect(shown(networkFacts({ ...network, size: 1325 }, ctx('da')))).toContain('Medlemmer: ca. 1.325');
  });
});

describe('event facts', () => {
  const event = {
    start: new Date('2027-03-19T17:00:00Z'),
    end: new Date('2027-03-19T20:00:00Z'),
    lang: 'en' as const,
    venue: { name: 'Kulturhuset', address: 'Torvet 5', municipality: 'lolland' },
    online_url: 'https://meet.example/x',
    price: 'Free',
    registration_url: 'https://tilmelding.example/x',
    status: 'planned' as const,
  };
  const refs = {
    organizers: [{ slug: 'ulla-mortensen', name: 'Ulla Mortensen' }],
    network: { slug: 'mikronet', name: 'Mikronet' },
  };

  it('lists when, where, how to join and who organises it', () => {
    expect(shown(eventFacts(event, refs, ctx('da')))).toEqual([
      'Tidspunkt: fredag den 19. marts 2027 kl. 18.00–21.00',
      'Sted: Kulturhuset, Torvet 5, Lolland',
      'Online: Deltag online',
      'Pris: Free',
      'Tilmelding: Tilmelding',
      'Arrangører: Ulla Mortensen',
      'Arrangør: Mikronet',
    ]);
    const organizers = eventFacts(event, refs, ctx('en')).find((f) => f.key === 'organizers')!.value;
    expect(organizers).toEqual({
      kind: 'links',
      items: [{ href: '/en/members/ulla-mortensen/', text: 'Ulla Mortensen' }],
    });
  });

  it('marks the price as the event’s language on a page in another', () => {
    expect(eventFacts(event, refs, ctx('da')).find((f) => f.key === 'price')!.lang).toBe('en');
    expect(eventFacts(event, refs, ctx('en')).find((f) => f.key === 'price')!.lang).toBeUndefined();
  });

  it('offers the online link and registration only while they are of use', () => {
    const keys = (e: typeof event) => eventFacts(e, { organizers: [] }, ctx('da')).map((f) => f.key);
    expect(keys({ ...event, start: new Date('2026-01-01T10:00:00Z'), end: new Date('2026-01-01T12:00:00Z') })).toEqual([
      'when',
      'where',
      'price',
    ]);
    expect(keys({ ...event, status: 'cancelled' as never })).toEqual(['when', 'where', 'price']);
    expect(keys({ ...event, status: 'full' as never })).toEqual(['when', 'where', 'online', 'price']);
  });

  it('gives an end on another day its date, and an event without a venue as online', () => {
    const facts = eventFacts(
      { start: event.start, end: new Date('2027-03-21T15:00:00Z') },
      { organizers: [] },
      ctx('en'),
    );
    expect(shown(facts)).toEqual([
      'When: Friday, 19 March 2027 at 18:00–Sunday, 21 March 2027 at 16:00',
      'Where: Online',
    ]);
    expect(facts[0]!.value).toMatchObject({
      kind: 'times',
      items: [{ datetime: '2027-03-19T17:00:00.000Z' }, { datetime: '2027-03-21T15:00:00.000Z' }],
    });
  });
});

describe('post facts', () => {
  const authors = [
    { slug: 'anne-lund', name: 'Anne Lund' },
    { slug: 'bo-berg', name: 'Bo Berg' },
    { slug: 'carl-dam', name: 'Carl Dam' },
  ];
  const byline = (f: ReturnType<typeof postFacts>) =>
    `${f.byline.label} ${f.byline.names.map((n) => `${n.before}${n.text}${n.after}`).join('')}`;

  it('names the authors with commas and "og" before the last, and a guest blogger after them', () => {
    expect(byline(postFacts({}, authors, ctx('da')))).toBe('Af Anne Lund, Bo Berg og Carl Dam');
    expect(byline(postFacts({ guest_author: { name: 'Gæst' } }, authors.slice(0, 2), ctx('en')))).toBe(
      'By Anne Lund and Bo Berg and Gæst (guest blogger)',
    );
    expect(byline(postFacts({ guest_author: { name: 'Gæst', url: 'https://g.example' } }, [], ctx('da')))).toBe(
      'Af Gæst (gæsteblogger)',
    );
    expect(postFacts({}, authors, ctx('en')).byline.names[0]!.href).toBe('/en/blog/author/anne-lund/');
  });

  it('dates the post, reviews a book with its rating, and links its tags', () => {
    const facts = postFacts(
      {
        date: new Date('2025-02-10T00:00:00Z'),
        updated: new Date('2025-03-01T00:00:00Z'),
        tags: ['prissætning'],
        book: { title: 'Bogen', author: 'M. Sølvhøj', rating: 4 },
      },
      authors.slice(0, 1),
      ctx('da'),
    );
    expect(facts.published).toEqual({ label: 'Udgivet', datetime: '2025-02-10', text: '10. februar 2025' });
    expect(facts.updated?.text).toBe('1. marts 2025');
    expect(facts.book).toMatchObject({
      label: 'Boganmeldelse',
      title: 'Bogen',
      byLabel: 'af',
      author: 'M. Sølvhøj',
      rating: { stars: '★★★★☆', label: 'Karakter: 4 af 5' },
    });
    expect(facts.tags).toEqual({
      label: 'Emner',
      items: [{ text: 'prissætning', href: '/blog/emne/prissaetning/', className: 'chip' }],
    });
    expect(postFacts({ book: { author: 'Ingen titel' } }, [], ctx('da')).book).toBeUndefined();
  });
});

describe('references', () => {
  it('keep only the entries that exist, by name', () => {
    const members = new Map([['anne-lund', { id: 'anne-lund', data: { name: 'Anne Lund' } }]]);
    expect(refsOf(['anne-lund', 'unlisted'], members)).toEqual([{ slug: 'anne-lund', name: 'Anne Lund' }]);
    expect(refsOf(undefined, members)).toEqual([]);
  });
});
