import { describe, expect, it } from 'vitest';
import {
  BUCKET_CAP,
  MAX_SUGGESTIONS,
  matchmake,
  possessive,
  reasonText,
  serviceWords,
  type MatchContext,
  type MatchMember,
} from '../../src/site/matchmaker.ts';
import { random } from '../../src/tools/synthetic.ts';
import { useTranslations } from '../../src/i18n/ui.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const OLD = new Date('2015-01-01T00:00:00Z');
const RECENT = new Date('2026-02-01T00:00:00Z');

const member = (slug: string, over: Partial<MatchMember> = {}): MatchMember => ({
  slug,
  name: slug.replace(/-/g, ' '),
  trades: ['kunst'],
  municipality: 'bornholm',
  joined: OLD,
  ...over,
});

const ctx: MatchContext = {
  complements: new Map([['reklame-markedsfoering', ['it-data']]]),
  neighbours: new Map([
    ['guldborgsund', ['lolland']],
    ['lolland', ['guldborgsund']],
  ]),
  now: NOW,
};

const taxonomy = {
  trades: new Map([
    [
      'reklame-markedsfoering',
      { id: 'reklame-markedsfoering', da: 'Reklame og markedsføring', en: 'Advertising and marketing' },
    ],
    ['it-data', { id: 'it-data', da: 'IT og databehandling', en: 'IT and data processing' }],
    ['kunst', { id: 'kunst', da: 'Kunst', en: 'Art' }],
  ]),
  municipalities: new Map([
    ['guldborgsund', { id: 'guldborgsund', name: 'Guldborgsund', region: 'sjaelland', lat: 54.8, lon: 11.9 }],
    ['lolland', { id: 'lolland', name: 'Lolland', region: 'sjaelland', lat: 54.8, lon: 11.5 }],
  ]),
  groupsBySlug: new Map([['lolland-falster', { data: { name: 'Lolland-Falster' } }]]),
} as unknown as Parameters<typeof reasonText>[2];

const slugsOf = (result: ReturnType<typeof matchmake>, slug: string) =>
  (result.suggestions.get(slug) ?? []).map((s) => s.slug);

describe('the matchmaker', () => {
  it('pairs complementary trades both ways, even when the taxonomy lists the pair on one side only', () => {
    const result = matchmake(
      [
        member('anne', { trades: ['reklame-markedsfoering'], municipality: 'guldborgsund' }),
        member('ida-kjaer', { trades: ['it-data'], municipality: 'aalborg' }),
      ],
      ctx,
    );
    expect(slugsOf(result, 'anne')).toEqual(['ida-kjaer']);
    expect(slugsOf(result, 'ida-kjaer')).toEqual(['anne']);
    expect(result.suggestions.get('anne')![0].signals[0]).toEqual({
      kind: 'complement',
      mine: 'reklame-markedsfoering',
      theirs: 'it-data',
    });
  });

  it('pairs someone seeking subcontractors with someone open to subcontracting, and mentors with new members', () => {
    const result = matchmake(
      [
        member('seeker', { openTo: ['soeger_underleverandoer'], municipality: 'a' }),
        member('sub', { openTo: ['underleverance'], municipality: 'b' }),
        member('mentor', { openTo: ['mentor'], municipality: 'c' }),
        member('newbie', { joined: RECENT, municipality: 'd' }),
      ],
      ctx,
    );
    expect(slugsOf(result, 'seeker')).toEqual(['sub']);
    expect(slugsOf(result, 'sub')).toEqual(['seeker']);
    expect(slugsOf(result, 'mentor')).toEqual(['newbie']);
    expect(slugsOf(result, 'newbie')).toEqual(['mentor']);
  });

  it('counts the same municipality, a neighbouring one, shared service words and shared groups', () => {
    const result = matchmake(
      [
        member('me', {
          municipality: 'guldborgsund',
          services: ['Hjemmesider til foreninger'],
          groups: ['lolland-falster'],
        }),
        member('same-place', { municipality: 'guldborgsund' }),
        member('next-door-and-words', { municipality: 'lolland', services: ['Billige hjemmeside'] }),
        member('group', { municipality: 'x', groups: ['lolland-falster'] }),
        member('nothing', { municipality: 'y' }),
      ],
      ctx,
    );
    expect(slugsOf(result, 'me')).toEqual(['next-door-and-words', 'same-place', 'group']);
    const kinds = result.suggestions.get('me')!.map((s) => s.signals.map((x) => x.kind));
    expect(kinds).toEqual([['services', 'neighbour'], ['municipality'], ['group']]);
  });

  it('needs more than one weak signal: two members who are only both open to collaboration are not suggested', () => {
    const result = matchmake(
      [
        member('a', { openTo: ['samarbejde'], municipality: 'p' }),
        member('b', { openTo: ['samarbejde'], municipality: 'q' }),
      ],
      ctx,
    );
    expect(slugsOf(result, 'a')).toEqual([]);
  });

  it('never suggests the member themself, gives at most five, each with a signal, best first and ties by slug', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      member(`m-${String(i).padStart(2, '0')}`, { municipality: 'guldborgsund' }),
    );
    const result = matchmake(many, ctx);
    for (const m of many) {
      const list = result.suggestions.get(m.slug)!;
      expect(list.length).toBe(MAX_SUGGESTIONS);
      expect(list.map((s) => s.slug)).not.toContain(m.slug);
      for (const s of list) expect(s.signals.length).toBeGreaterThan(0);
    }
    expect(slugsOf(result, 'm-05')).toEqual(['m-00', 'm-01', 'm-02', 'm-03', 'm-04']);
  });

  it('is deterministic: the same members in another order give the same suggestions', () => {
    const r = random(7);
    const trades = ['it-data', 'reklame-markedsfoering', 'kunst'];
    const places = ['guldborgsund', 'lolland', 'aalborg'];
    const members = Array.from({ length: 200 }, (_, i) =>
      member(`p-${i}`, {
        trades: [trades[Math.floor(r() * 3)]],
        municipality: places[Math.floor(r() * 3)],
        openTo: r() > 0.5 ? ['underleverance'] : ['soeger_underleverandoer'],
        services: [r() > 0.5 ? 'webdesign' : 'regnskab'],
      }),
    );
    const a = matchmake(members, ctx);
    const b = matchmake([...members].reverse(), ctx);
    expect([...b.suggestions].sort()).toEqual([...a.suggestions].sort());
  });

  it('scores only members who share a signal, and at most a capped window of a large bucket', () => {
    const n = 2000;
    const members = Array.from({ length: n }, (_, i) => member(`k-${i}`, { municipality: 'koebenhavn' }));
    const result = matchmake(members, ctx);
    // One bucket (the municipality) of 2,000: each member scores BUCKET_CAP of them, not 1,999.
    expect(result.pairsScored).toBeLessThanOrEqual(n * BUCKET_CAP);
    const loners = matchmake([member('a', { municipality: 'p' }), member('b', { municipality: 'q' })], ctx);
    expect(loners.pairsScored).toBe(0);
    // The window starts at a place set by the slug, so a big bucket's members are all suggested to someone.
    const suggested = new Set([...result.suggestions.values()].flatMap((list) => list.map((s) => s.slug)));
    expect(suggested.size).toBeGreaterThan(n / 2);
  });
});

describe('service words', () => {
  it('drop stop words and short words, and meet across a plural or definite ending', () => {
    expect([...serviceWords(['Hjemmesider og webshops til små foreninger']).values()]).toEqual([
      'hjemmesider',
      'webshops',
      'foreninger',
    ]);
    const a = serviceWords(['hjemmesider']);
    const b = serviceWords(['En hjemmeside']);
    expect([...a.keys()].filter((k) => b.has(k))).toHaveLength(1);
  });
});

describe('the reason', () => {
  const them = { name: 'Ida Kjær' };
  it('names the strongest one or two signals in the page language, the place first, and the person by name', () => {
    const s = {
      slug: 'ida-kjaer',
      score: 8,
      signals: [
        { kind: 'complement', mine: 'reklame-markedsfoering', theirs: 'it-data' },
        { kind: 'municipality', municipality: 'guldborgsund' },
        { kind: 'collaboration' },
      ],
    } as const;
    const suggestion = { ...s, signals: [...s.signals] };
    expect(reasonText(suggestion, them, taxonomy, 'da', useTranslations('da'))).toBe(
      'også i Guldborgsund · reklame og markedsføring hos dig passer til IT og databehandling hos Ida Kjær',
    );
    expect(reasonText(suggestion, them, taxonomy, 'en', useTranslations('en'))).toBe(
      "also in Guldborgsund · your advertising and marketing fits Ida Kjær's IT and data processing",
    );
  });
  it('names groups and service words', () => {
    const suggestion = {
      slug: 'x',
      score: 4,
      signals: [
        { kind: 'services' as const, words: ['hjemmesider'] },
        { kind: 'group' as const, group: 'lolland-falster' },
      ],
    };
    expect(reasonText(suggestion, them, taxonomy, 'da', useTranslations('da'))).toBe(
      'I tilbyder begge »hjemmesider« · begge i Lolland-Falster',
    );
  });
  it('makes possessives without a pronoun', () => {
    expect(possessive('Ida Kjær', 'da')).toBe('Ida Kjærs');
    expect(possessive('Lars Jens', 'da')).toBe("Lars Jens'");
    expect(possessive('Thomas', 'en')).toBe("Thomas'");
  });
});
