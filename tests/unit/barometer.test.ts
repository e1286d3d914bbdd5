import { describe, expect, it } from 'vitest';
import {
  barometer,
  change,
  suppress,
  yearOf,
  type BarometerInput,
  type MemberFacts,
} from '../../src/site/barometer.ts';

const regionOf = new Map([
  ['lolland', 'sjaelland'],
  ['guldborgsund', 'sjaelland'],
  ['koebenhavn', 'hovedstaden'],
]);
const member = (over: Partial<MemberFacts>): MemberFacts => ({
  trades: ['it'],
  municipality: 'lolland',
  joined: new Date('2025-03-01'),
  listed: true,
  ...over,
});
const input = (members: MemberFacts[], over: Partial<BarometerInput> = {}): BarometerInput => ({
  now: new Date('2026-06-01T12:00:00Z'),
  members,
  networks: [],
  events: [],
  posts: [],
  regionOf,
  trades: ['it', 'kunst', 'jura'],
  regions: ['hovedstaden', 'sjaelland'],
  kinds: ['faglig', 'online'],
  ...over,
});
const many = (n: number, over: Partial<MemberFacts>) => Array.from({ length: n }, () => member(over));

describe('barometer figures', () => {
  it('counts members who joined in a year and members at each year end, per trade, municipality and region', () => {
    const b = barometer(
      input([
        ...many(4, { joined: new Date('2025-02-01') }),
        ...many(3, { joined: new Date('2026-02-01'), municipality: 'koebenhavn', trades: ['it', 'kunst'] }),
      ]),
    );
    expect(b.years.map((y) => y.year)).toEqual([2025, 2026]);
    const [y2025, y2026] = b.years;
    expect(y2025!.partial).toBe(false);
    expect(y2026!.partial).toBe(true);
    expect(y2026!.total.joined).toEqual({ value: 3, suppressed: false });
    expect(y2026!.total.members).toEqual({ value: 7, suppressed: false });
    expect(y2026!.members.trade.map((r) => [r.id, r.members.value])).toEqual([
      ['it', 7],
      ['kunst', 3],
    ]);
    expect(y2026!.members.region.map((r) => [r.id, r.members.value, r.listed])).toEqual([
      ['hovedstaden', 3, 3],
      ['sjaelland', 4, 4],
    ]);
  });

  it('counts a listed member on the site from the first commit of their file, and from joining without one', () => {
    const b = barometer(
      input([
        member({ joined: new Date('2024-05-01'), onSite: new Date('2026-01-10') }),
        member({ joined: new Date('2024-05-01') }),
      ]),
    );
    expect(b.years.map((y) => y.total.listed)).toEqual([1, 1, 2]);
    expect(b.years.map((y) => y.total.members.value)).toEqual([2, 2, 2]);
    expect(b.history).toEqual({ fromGit: 1, fallback: 1 });
  });

  it('suppresses a municipality and a trade where one unlisted member is alone', () => {
    const b = barometer(
      input([
        ...many(5, {}),
        ...many(5, { municipality: 'koebenhavn' }),
        member({ municipality: 'guldborgsund', trades: ['jura'], listed: false }),
      ]),
    );
    const y = b.years.at(-1)!;
    const guldborgsund = y.members.municipality.find((r) => r.id === 'guldborgsund')!;
    expect(guldborgsund.members.suppressed).toBe(true);
    expect(guldborgsund.listed).toBe(0);
    expect(y.members.trade.find((r) => r.id === 'jura')!.members.suppressed).toBe(true);
  });

  it('never lets a suppressed municipality be recomputed from its region or from the years', () => {
    const b = barometer(
      input([
        ...many(5, {}),
        ...many(5, { municipality: 'koebenhavn' }),
        member({ municipality: 'guldborgsund', listed: false }),
      ]),
    );
    for (const y of b.years) {
      const shown = (c: { value: number; suppressed: boolean }) => (c.suppressed ? undefined : c.value);
      const mun = (id: string) => y.members.municipality.find((r) => r.id === id)?.members;
      const region = y.members.region.find((r) => r.id === 'sjaelland')!.members;
      // Sjælland = Lolland + Guldborgsund: with Guldborgsund hidden, Lolland or the region must be hidden too.
      expect(mun('guldborgsund')!.suppressed).toBe(true);
      expect(shown(region) !== undefined && shown(mun('lolland')!) !== undefined).toBe(false);
      // All = Hovedstaden + Sjælland: one of the two hidden is not enough if the whole is shown.
      const all = y.total.members;
      const hovedstaden = y.members.region.find((r) => r.id === 'hovedstaden')!.members;
      const hidden = [all, hovedstaden, region].filter((c) => c.suppressed).length;
      expect(hidden === 0 || hidden >= 2).toBe(true);
    }
  });

  it('shows a figure of three or more even with one unlisted member in it (the rule: cells under 3 that include unlisted members)', () => {
    const b = barometer(input([...many(4, {}), member({ listed: false })]));
    const y = b.years.at(-1)!;
    expect(y.members.municipality[0]!.members).toEqual({ value: 5, suppressed: false });
    expect(y.total.members).toEqual({ value: 5, suppressed: false });
  });

  it('hides the region beside a lone hidden municipality rather than its empty neighbours, which would not help', () => {
    // Sjælland = Lolland (0) + Guldborgsund (1 unlisted, hidden): showing Sjælland and Lolland gives Guldborgsund away,
    // and hiding Lolland's 0 as well would not (Guldborgsund is at least 1), so Sjælland goes.
    const b = barometer(
      input([...many(5, { municipality: 'koebenhavn' }), member({ municipality: 'guldborgsund', listed: false })]),
    );
    const y = b.years.at(-1)!;
    const mun = (id: string) => y.members.municipality.find((r) => r.id === id)?.members;
    expect(mun('guldborgsund')!.suppressed).toBe(true);
    expect(mun('lolland')?.suppressed ?? false).toBe(false);
    expect(y.members.region.find((r) => r.id === 'sjaelland')!.members.suppressed).toBe(true);
  });

  it('keeps figures whose unlisted part is three or more', () => {
    const b = barometer(input([...many(3, { listed: false }), ...many(2, {})]));
    const y = b.years.at(-1)!;
    expect(y.members.municipality[0]!.members).toEqual({ value: 5, suppressed: false });
    expect(y.total.members).toEqual({ value: 5, suppressed: false });
  });

  it('counts networks per region and kind, nationwide ones apart, and those verified in the year', () => {
    const b = barometer(
      input([], {
        networks: [
          {
            kind: 'faglig',
            municipalities: ['lolland', 'koebenhavn'],
            nationwide: false,
            lastVerified: new Date('2026-02-01'),
            verifiedCommits: [new Date('2025-04-01T10:00:00Z')],
            onSite: new Date('2025-01-05T10:00:00Z'),
          },
          {
            kind: 'online',
            municipalities: ['lolland'],
            nationwide: true,
            founded: 2026,
            lastVerified: new Date('2026-03-01'),
            verifiedCommits: [],
          },
        ],
      }),
    );
    const [y2025, y2026] = b.years;
    expect(y2025!.networksTotal).toMatchObject({ total: 1, verified: 1, byKind: { faglig: 1, online: 0 } });
    expect(y2026!.networksTotal).toMatchObject({ total: 2, verified: 2 });
    expect(y2026!.networks.map((r) => [r.region, r.total])).toEqual([
      ['hovedstaden', 1],
      ['sjaelland', 2],
      ['nationwide', 1],
    ]);
  });

  it('counts events held (not cancelled, not still to come) and posts written, per year', () => {
    const b = barometer(
      input([], {
        events: [
          { start: new Date('2026-02-01T18:00:00Z'), cancelled: false },
          { start: new Date('2026-03-01T18:00:00Z'), cancelled: true },
          { start: new Date('2026-09-01T18:00:00Z'), cancelled: false },
        ],
        posts: [
          { date: new Date('2025-12-31'), lang: 'da' },
          { date: new Date('2026-01-02'), lang: 'en' },
        ],
      }),
    );
    expect(b.years.map((y) => [y.year, y.events, y.posts.total])).toEqual([
      [2025, 0, 1],
      [2026, 1, 1],
    ]);
    expect(b.years[1]!.posts.byLang).toEqual({ en: 1 });
  });

  it('reads years in Danish time', () => {
    expect(yearOf(new Date('2025-12-31T23:30:00Z'))).toBe(2026);
    // Against the time-zone database, around every New Year and a summer day, 2000–2040.
    const danishYear = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Copenhagen', year: 'numeric' });
    for (let y = 2000; y <= 2040; y++)
      for (const t of [
        `${y}-12-31T22:59:59Z`,
        `${y}-12-31T23:00:00Z`,
        `${y}-12-31T23:00:01Z`,
        `${y}-07-01T22:30:00Z`,
      ]) {
        const d = new Date(t);
        expect(yearOf(d), t).toBe(Number(danishYear.format(d)));
      }
  });

  it('gives no change where a figure is hidden', () => {
    expect(change({ value: 5, suppressed: false }, { value: 3, suppressed: false })).toBe(2);
    expect(change({ value: 5, suppressed: true }, { value: 3, suppressed: false })).toBeUndefined();
    expect(change(4, undefined)).toBeUndefined();
  });
});

describe('suppression', () => {
  const fig = (all: number, unlisted: number, primary = false) => ({ all, unlisted, suppressed: primary, primary });

  it('hides a second part when one hidden part could be found by subtraction from the total', () => {
    const figures = new Map([
      ['t', fig(30, 7)],
      ['a', fig(1, 1, true)],
      ['b', fig(9, 3)],
      ['c', fig(20, 3)],
    ]);
    suppress(figures, [{ total: 't', parts: ['a', 'b', 'c'] }]);
    expect(figures.get('b')!.suppressed).toBe(true);
    expect(figures.get('c')!.suppressed).toBe(false);
  });

  it('hides the total when the hidden part would follow from it (one unlisted member in all)', () => {
    const figures = new Map([
      ['t', fig(20, 1)],
      ['a', fig(1, 1, true)],
      ['b', fig(19, 0)],
    ]);
    suppress(figures, [{ total: 't', parts: ['a', 'b'] }]);
    expect(figures.get('t')!.suppressed).toBe(true);
  });

  it('hides the total when every part but the hidden one is gone', () => {
    const figures = new Map([
      ['t', fig(2, 2)],
      ['a', fig(2, 2, true)],
    ]);
    suppress(figures, [{ total: 't', parts: ['a'] }]);
    expect(figures.get('t')!.suppressed).toBe(true);
  });

  it('leaves a relation with nothing hidden alone', () => {
    const figures = new Map([
      ['t', fig(3, 0)],
      ['a', fig(3, 0)],
    ]);
    suppress(figures, [{ total: 't', parts: ['a'] }]);
    expect([...figures.values()].some((f) => f.suppressed)).toBe(false);
  });
});
