import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fileCollections, folderCollections } from '../../src/schemas/index.ts';
import { describeField, elementOf, shapeOf } from '../../src/schemas/introspect.ts';
import { OPEN_TO, openToLabels } from '../../src/schemas/members.ts';
import { EVENT_STATUS, RECURRENCE_FREQS, eventStatusLabels, recurrenceFreqLabels } from '../../src/schemas/events.ts';
import { MARKET_KINDS, marketKindLabels } from '../../src/schemas/market.ts';
import { GROUP_KINDS, groupKindLabels } from '../../src/schemas/groups.ts';
import { NETWORK_KINDS, networkKindLabels } from '../../src/schemas/wiki.ts';
import { REGIONS, regionLabels } from '../../src/schemas/settings.ts';
import { langLabels } from '../../src/schemas/common.ts';
import { LANGS } from '../../src/i18n/locale.ts';
import { readTaxonomies } from '../../src/lib/content/taxonomies.ts';

// Small taxonomies: trades it-data and kunst, municipalities guldborgsund and lolland.
const tax = readTaxonomies(path.resolve(import.meta.dirname, '../fixtures/empty-site'));

type Row = Record<string, unknown>;

/** A valid entry per collection, written the way a YAML file would hold it. */
const valid: Record<string, Row> = {
  members: {
    name: 'Søren Ågaard',
    business: 'Ågaard Web',
    trades: ['it-data', 'kunst'],
    municipality: 'guldborgsund',
    services: ['Hjemmesider', 'Hosting'],
    open_to: ['samarbejde', 'mentor'],
    languages: ['da', 'en'],
    website: 'https://aagaard.example',
    email: 'soeren@aagaard.example',
    phone: '+45 20 12 34 56',
    cvr: '12345678',
    photo: '/media/members/soeren.svg',
    photo_alt: 'Portræt af Søren',
    groups: ['it-og-web'],
    joined: new Date('2019-03-01'),
    listed: true,
  },
  blog: {
    title: 'Prissætning for begyndere',
    description: 'Sådan finder du din timepris.',
    date: new Date('2026-02-01'),
    lang: 'da',
    authors: ['anne-soerensen'],
    tags: ['prissætning'],
    book: { title: 'En bog', author: 'En forfatter', rating: 4 },
  },
  wiki: {
    name: 'Erhvervsnetværk Syd',
    kind: 'erhvervsnetvaerk',
    municipalities: ['lolland'],
    audience: 'Små virksomheder på Lolland',
    website: 'https://syd.example',
    founded: 2010,
    size: 40,
    free: true,
    location: { lat: 54.8, lon: 11.2 },
    last_verified: new Date('2026-05-01'),
  },
  events: {
    title: 'Netværksmøde',
    description: 'Vi mødes og snakker.',
    start: '2027-01-14T17:30',
    end: '2027-01-14T20:00',
    lang: 'da',
    venue: { name: 'Biblioteket', municipality: 'guldborgsund' },
    organizers: ['anne-soerensen'],
    status: 'full',
  },
  groups: {
    name: 'Lolland-Falster',
    description: 'Den regionale gruppe.',
    kind: 'regional',
    url: 'https://grupper.example/lf',
    meets_physically: true,
    contacts: ['anne-soerensen'],
  },
  market: {
    title: 'Tilbyder korrektur',
    kind: 'offer',
    member: 'anne-soerensen',
    trades: ['kunst'],
    date: new Date('2026-10-01'),
    expires: new Date('2027-01-31'),
    price: '400 kr. i timen',
  },
  pages: { title: 'Om os', lang: 'da', description: 'Om netværket.' },
};

/** Each case: what is wrong, how the valid entry is changed, the path zod must report. */
const rejects: Record<string, [string, Row, string][]> = {
  members: [
    ['missing name', { name: undefined }, 'name'],
    ['blank name', { name: '   ' }, 'name'],
    ['unknown trade', { trades: ['it-data', 'snedker'] }, 'trades.1'],
    ['no trade', { trades: [] }, 'trades'],
    ['four trades', { trades: ['it-data', 'kunst', 'it-data', 'kunst'] }, 'trades'],
    ['unknown municipality', { municipality: 'guldborsund' }, 'municipality'],
    ['unknown open_to', { open_to: ['venskab'] }, 'open_to.0'],
    ['language not ISO 639-1', { languages: ['dansk'] }, 'languages.0'],
    ['website without scheme', { website: 'aagaard.example' }, 'website'],
    ['javascript: website', { website: 'javascript:alert(1)' }, 'website'],
    ['bad e-mail', { email: 'soeren(at)aagaard' }, 'email'],
    ['cvr with 7 digits', { cvr: '1234567' }, 'cvr'],
    ['empty joined (not 1970-01-01)', { joined: null }, 'joined'],
    ['joined as empty text', { joined: '' }, 'joined'],
    ['joined on a day that does not exist', { joined: '2026-02-30' }, 'joined'],
    ['joined in Danish order', { joined: '01-03-2019' }, 'joined'],
    ['cvr as a number', { cvr: 12345678 }, 'cvr'],
    ['photo outside the media folder', { photo: 'https://cdn.example/x.jpg' }, 'photo'],
    ['photo without alt text', { photo_alt: undefined }, 'photo_alt'],
    ['group not a slug', { groups: ['IT og web'] }, 'groups.0'],
    ['joined not a date', { joined: 'sidste år' }, 'joined'],
    ['listed missing', { listed: undefined }, 'listed'],
    ['listed as text', { listed: 'ja' }, 'listed'],
  ],
  blog: [
    ['missing title', { title: undefined }, 'title'],
    ['missing description', { description: undefined }, 'description'],
    ['lang not da/en', { lang: 'de' }, 'lang'],
    ['neither authors nor guest author', { authors: undefined }, 'authors'],
    ['empty authors', { authors: [] }, 'authors'],
    [
      'guest author without name',
      { authors: undefined, guest_author: { url: 'https://g.example' } },
      'guest_author.name',
    ],
    ['cover without alt', { cover: '/media/blog/x.svg' }, 'cover_alt'],
    ['gallery item without alt', { gallery: [{ src: '/media/blog/x.svg' }] }, 'gallery.0.alt'],
    ['rating above 5', { book: { title: 'B', author: 'A', rating: 6 } }, 'book.rating'],
    ['tag with capitals and spaces', { tags: ['Pris Sætning'] }, 'tags.0'],
    ['translation_of not a slug', { translation_of: 'Min Post' }, 'translation_of'],
    ['draft as text', { draft: 'nej' }, 'draft'],
  ],
  wiki: [
    ['missing name', { name: undefined }, 'name'],
    ['unknown kind', { kind: 'klub' }, 'kind'],
    ['no municipalities', { municipalities: [] }, 'municipalities'],
    ['unknown municipality', { municipalities: ['lolland', 'falster'] }, 'municipalities.1'],
    ['missing audience', { audience: undefined }, 'audience'],
    ['founded not a year', { founded: 95 }, 'founded'],
    ['size zero', { size: 0 }, 'size'],
    ['location outside Denmark', { location: { lat: 48.8, lon: 2.3 } }, 'location.lat'],
    ['missing last_verified', { last_verified: undefined }, 'last_verified'],
  ],
  events: [
    ['missing start', { start: undefined }, 'start'],
    ['start in free text', { start: '14. januar kl. 17.30' }, 'start'],
    ['end before start', { end: '2027-01-14T16:00' }, 'end'],
    ['neither venue nor online link', { venue: undefined }, 'venue'],
    ['venue in unknown municipality', { venue: { name: 'Hallen', municipality: 'oz' } }, 'venue.municipality'],
    ['unknown status', { status: 'aflyst' }, 'status'],
    ['organizers not slugs', { organizers: ['Anne Sørensen'] }, 'organizers.0'],
    ['online link not http', { venue: undefined, online_url: 'ftp://x.example' }, 'online_url'],
  ],
  groups: [
    ['unknown kind', { kind: 'lokal' }, 'kind'],
    ['missing url', { url: undefined }, 'url'],
    ['meets_physically missing', { meets_physically: undefined }, 'meets_physically'],
  ],
  market: [
    ['unknown kind', { kind: 'bytte' }, 'kind'],
    ['missing member', { member: undefined }, 'member'],
    ['unknown trade', { trades: ['bager'] }, 'trades.0'],
    ['expires before date', { expires: new Date('2026-09-01') }, 'expires'],
  ],
  pages: [
    ['missing title', { title: undefined }, 'title'],
    ['missing lang', { lang: undefined }, 'lang'],
    ['missing description', { description: undefined }, 'description'],
  ],
};

function patched(base: Row, patch: Row): Row {
  const out = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

const paths = (r: z.ZodSafeParseResult<unknown>) => (r.success ? [] : r.error.issues.map((i) => i.path.join('.')));

describe('folder collection schemas', () => {
  it('has accept and reject cases for every collection', () => {
    expect(Object.keys(valid).sort()).toEqual(Object.keys(folderCollections).sort());
    expect(Object.keys(rejects).sort()).toEqual(Object.keys(folderCollections).sort());
  });

  const schemaOf = (name: string) =>
    (folderCollections[name as keyof typeof folderCollections].schema as (t: typeof tax) => z.ZodObject)(tax);

  for (const name of Object.keys(folderCollections)) {
    const schema = schemaOf(name);
    describe(name, () => {
      it('accepts a complete valid entry', () => {
        const r = schema.safeParse(valid[name]);
        expect(paths(r)).toEqual([]);
      });
      it.each(rejects[name])('rejects %s', (_what, patch, field) => {
        const r = schema.safeParse(patched(valid[name], patch));
        expect(r.success).toBe(false);
        expect(paths(r)).toContain(field);
      });
    });
  }

  it('fills defaults the content model names', () => {
    const member = folderCollections.members.schema(tax).parse(patched(valid.members, { languages: undefined }));
    expect(member.languages).toEqual(['da']);
    expect(member.lang).toBe('da');
    const event = folderCollections.events.schema(tax).parse(patched(valid.events, { status: undefined }));
    expect(event.status).toBe('planned');
  });

  it('reads event times as Copenhagen local time unless an offset is given', () => {
    const schema = folderCollections.events.schema(tax);
    const winter = schema.parse(valid.events);
    expect(winter.start.toISOString()).toBe('2027-01-14T16:30:00.000Z');
    const summer = schema.parse({ ...valid.events, start: '2027-07-01T10:00', end: undefined });
    expect(summer.start.toISOString()).toBe('2027-07-01T08:00:00.000Z');
    const withOffset = schema.parse({ ...valid.events, start: '2027-01-14T17:30+00:00', end: undefined });
    expect(withOffset.start.toISOString()).toBe('2027-01-14T17:30:00.000Z');
  });

  it('reads a quoted date as the same day as an unquoted one', () => {
    const member = schemaOf('members').parse({ ...valid.members, joined: '2019-03-01' });
    expect(member.joined).toEqual(new Date('2019-03-01'));
  });

  it('accepts an online event without venue and a guest post without authors', () => {
    expect(
      schemaOf('events').safeParse(patched(valid.events, { venue: undefined, online_url: 'https://meet.example/x' }))
        .success,
    ).toBe(true);
    const guest = patched(valid.blog, { authors: undefined, guest_author: { name: 'Gæst Gæstesen' } });
    expect(schemaOf('blog').safeParse(guest).success).toBe(true);
  });
});

describe('settings and taxonomy schemas', () => {
  const settings = fileCollections.settings.schema();
  const site = {
    name: 'Mikronet',
    tagline: { da: 'Netværk', en: 'Network' },
    description: { da: 'Et netværk.', en: 'A network.' },
    contact_email: 'kontakt@mikronet.example',
    social: [{ label: 'LinkedIn', url: 'https://linkedin.example/mikronet' }],
    map_region: 'sjaelland',
  };

  it('accepts valid settings and rejects a missing translation, a bad e-mail and an unknown region', () => {
    expect(paths(settings.safeParse(site))).toEqual([]);
    expect(paths(settings.safeParse({ ...site, tagline: { da: 'Netværk' } }))).toContain('tagline.en');
    expect(paths(settings.safeParse({ ...site, contact_email: 'kontakt' }))).toContain('contact_email');
    expect(paths(settings.safeParse({ ...site, map_region: 'fyn' }))).toContain('map_region');
  });

  it('accepts trades and municipalities and rejects bad ids, regions and coordinates', () => {
    const trade = fileCollections.trades.schema();
    expect(trade.safeParse({ id: 'it-data', da: 'IT', en: 'IT' }).success).toBe(true);
    expect(paths(trade.safeParse({ id: 'IT Data', da: 'IT', en: 'IT' }))).toContain('id');
    expect(paths(trade.safeParse({ id: 'it', da: 'IT' }))).toContain('en');
    const mun = fileCollections.municipalities.schema();
    const ok = { id: 'aeroe', name: 'Ærø', region: 'syddanmark', lat: 54.888, lon: 10.412 };
    expect(mun.safeParse(ok).success).toBe(true);
    expect(paths(mun.safeParse({ ...ok, id: 'ærø' }))).toContain('id');
    expect(paths(mun.safeParse({ ...ok, region: 'fyn' }))).toContain('region');
    expect(paths(mun.safeParse({ ...ok, lat: 60 }))).toContain('lat');
  });
});

describe('enum labels', () => {
  const enums = [
    [OPEN_TO, openToLabels],
    [EVENT_STATUS, eventStatusLabels],
    [RECURRENCE_FREQS, recurrenceFreqLabels],
    [MARKET_KINDS, marketKindLabels],
    [GROUP_KINDS, groupKindLabels],
    [NETWORK_KINDS, networkKindLabels],
    [REGIONS, regionLabels],
    [LANGS, langLabels],
  ] as const;

  it('name every value of their enum, in its order, in Danish and in English', () => {
    for (const [values, labels] of enums) {
      expect(Object.keys(labels)).toEqual([...values]);
      for (const [value, label] of Object.entries(labels)) {
        expect(label.da.trim(), value).not.toBe('');
        expect(label.en.trim(), value).not.toBe('');
      }
    }
  });

  it('are what every select field with fixed choices offers, not a copy', () => {
    const exported = new Set<unknown>(enums.map(([, labels]) => labels));
    const offered: string[] = [];
    const walk = (schema: z.ZodType, name: string) => {
      const options = describeField(schema).meta?.options;
      if (options) {
        offered.push(name);
        expect(exported.has(options), name).toBe(true);
      }
      const element = elementOf(schema);
      if (element) walk(element, `${name}[]`);
      for (const [key, field] of Object.entries(shapeOf(schema) ?? {})) walk(field, name ? `${name}.${key}` : key);
    };
    for (const [collection, def] of Object.entries({ ...folderCollections, ...fileCollections }))
      walk(def.schema(tax), collection);
    expect(offered).toEqual(
      expect.arrayContaining([
        'members.open_to',
        'events.status',
        'market.kind',
        'groups.kind',
        'wiki.kind',
        'settings.map_region',
        'blog.lang',
      ]),
    );
  });
});
