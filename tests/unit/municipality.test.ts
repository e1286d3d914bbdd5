import { describe, expect, it } from 'vitest';
import {
  municipalitiesByRegion,
  municipalitiesWithContent,
  municipalityPage,
  shortUrl,
  type MunicipalitySource,
} from '../../src/site/municipality.ts';

const day = (d: string) => new Date(`${d}T10:00:00Z`);

/** Three municipalities in a row (a – b – c), one far away (d) and one without anything (e). */
function source(): MunicipalitySource {
  const municipalities = new Map([
    ['a', { name: 'Aby', region: 'r1' }],
    ['b', { name: 'Bby', region: 'r1' }],
    ['c', { name: 'Cby', region: 'r2' }],
    ['d', { name: 'Dby', region: 'r2' }],
    ['e', { name: 'Eby', region: 'r2' }],
  ]);
  const neighbours = new Map<string, string[]>([
    ['a', ['b']],
    ['b', ['a', 'c']],
    ['c', ['b']],
    ['d', []],
    ['e', []],
  ]);
  const member = (id: string, municipality: string, trades: string[], groups?: string[]) => ({
    id,
    data: { name: id.toUpperCase(), municipality, trades, groups },
  });
  const event = (id: string, start: string, municipality?: string) => ({
    id,
    data: { start: day(start), venue: municipality ? { municipality } : undefined },
  });
  const upcoming = [
    event('here', '2027-01-01', 'b'),
    event('next-door', '2027-01-02', 'a'),
    event('far', '2027-01-03', 'd'),
    event('online', '2027-01-04'),
  ];
  return {
    members: [
      member('ann', 'b', ['it', 'design'], ['lokal']),
      member('bo', 'b', ['design']),
      member('cy', 'b', ['it']),
      member('dan', 'a', ['it'], ['fag']),
    ],
    networks: [
      { id: 'local', data: { name: 'Local', kind: 'forening', municipalities: ['b', 'c'] } },
      { id: 'national', data: { name: 'National', kind: 'faglig', municipalities: ['d'], nationwide: true } },
      { id: 'online', data: { name: 'Online', kind: 'online', municipalities: ['d'] } },
      { id: 'elsewhere', data: { name: 'Elsewhere', kind: 'forening', municipalities: ['d'] } },
    ],
    events: [...upcoming, event('past', '2020-01-01', 'c')],
    upcoming,
    groups: [
      { id: 'main', data: { name: 'Main', kind: 'main', contacts: ['dan'] } },
      { id: 'fag', data: { name: 'Fag', kind: 'niche' } },
      { id: 'lokal', data: { name: 'Lokal', kind: 'regional' } },
      { id: 'kontakt', data: { name: 'Kontakt', kind: 'niche', contacts: ['bo'] } },
    ],
    market: [
      { id: 'offer-bo', data: { member: 'bo' } },
      { id: 'offer-dan', data: { member: 'dan' } },
    ],
    municipalities,
    neighbours,
  };
}

describe('which municipalities get a page', () => {
  it('are those with a listed member, a network that names them or an event, past ones too, by name', () => {
    expect(municipalitiesWithContent(source())).toEqual(['a', 'b', 'c', 'd']);
  });

  it('leaves out a municipality that only a nationwide or online network covers', () => {
    const src = source();
    src.networks = src.networks.filter((n) => n.id !== 'elsewhere');
    src.upcoming = src.events = src.events.filter((e) => e.id !== 'far');
    // d is still named by the nationwide and online networks' own lists.
    expect(municipalitiesWithContent(src)).toContain('d');
    src.networks = src.networks.map((n) => ({ ...n, data: { ...n.data, municipalities: ['b'] } }));
    expect(municipalitiesWithContent(src)).not.toContain('d');
    expect(municipalitiesWithContent(src)).not.toContain('e');
  });

  it('ignores ids the taxonomy does not have', () => {
    const src = source();
    src.members.push({ id: 'x', data: { name: 'X', municipality: 'nowhere', trades: ['it'] } });
    expect(municipalitiesWithContent(src)).not.toContain('nowhere');
  });
});

describe('a municipality page', () => {
  const page = municipalityPage(source(), 'b');

  it('lists exactly the members based there, grouped by their main trade', () => {
    expect(page.members.map((m) => m.id)).toEqual(['ann', 'bo', 'cy']);
    expect(page.byTrade.map((g) => [g.trade, g.members.map((m) => m.id)])).toEqual([
      ['it', ['ann', 'cy']],
      ['design', ['bo']],
    ]);
  });

  it('shows the networks that name it, and the nationwide and online ones apart', () => {
    expect(page.local.map((n) => n.id)).toEqual(['local']);
    expect(page.covering.map((n) => n.id)).toEqual(['national', 'online']);
  });

  it('shows coming events there, next door and online, not far away', () => {
    expect(page.events.map((e) => [e.event.id, e.where])).toEqual([
      ['here', 'here'],
      ['next-door', 'near'],
      ['online', 'online'],
    ]);
  });

  it("shows the groups of its members and those they are contacts of, regional first, and its members' market entries", () => {
    expect(page.groups.map((g) => g.id)).toEqual(['lokal', 'kontakt']);
    expect(page.market.map((e) => e.id)).toEqual(['offer-bo']);
  });

  it('names its neighbours', () => {
    expect(page.neighbours).toEqual(['a', 'c']);
    expect(municipalityPage(source(), 'd').neighbours).toEqual([]);
  });

  it('a municipality with a network but no members has an empty member list', () => {
    const c = municipalityPage(source(), 'c');
    expect(c.members).toEqual([]);
    expect(c.byTrade).toEqual([]);
    expect(c.local.map((n) => n.id)).toEqual(['local']);
  });
});

describe('the index', () => {
  it('groups the municipalities with a page by region, with their counts', () => {
    expect(municipalitiesByRegion(source(), ['r2', 'r1', 'r3'])).toEqual([
      {
        region: 'r2',
        municipalities: [
          { id: 'c', members: 0, networks: 1, events: 0 },
          { id: 'd', members: 0, networks: 3, events: 1 },
        ],
      },
      {
        region: 'r1',
        municipalities: [
          { id: 'a', members: 1, networks: 0, events: 1 },
          { id: 'b', members: 3, networks: 1, events: 1 },
        ],
      },
    ]);
  });
});

describe('short URLs for print', () => {
  it('drop the scheme, www. and the trailing slash', () => {
    expect(shortUrl('https://www.example.dk/')).toBe('example.dk');
    expect(shortUrl('https://mikronet.dk/kommuner/lolland/')).toBe('mikronet.dk/kommuner/lolland');
  });
});
