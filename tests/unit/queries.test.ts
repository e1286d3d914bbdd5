import { describe, expect, it } from 'vitest';
import {
  activeMarketEntries,
  countValues,
  groupByMany,
  isStale,
  listedMembers,
  newestMembers,
  paginate,
  pastEvents,
  publishedPosts,
  upcomingEvents,
} from '../../src/site/queries.ts';

const d = (s: string) => new Date(s);
const member = (id: string, listed: boolean, name: string, joined = '2020-01-01') => ({
  id,
  data: { listed, name, joined: d(joined) },
});

describe('member queries', () => {
  it('hides unlisted members from the directory and sorts by Danish name order', () => {
    const list = listedMembers([
      member('b', true, 'Åse'),
      member('a', false, 'Anna'),
      member('c', true, 'Øjvind'),
      member('d', true, 'Zenia'),
    ]);
    expect(list.map((m) => m.id)).toEqual(['d', 'c', 'b']);
  });

  it('lists the newest listed members first', () => {
    const list = newestMembers(
      [
        member('a', true, 'A', '2019-01-01'),
        member('b', false, 'B', '2026-01-01'),
        member('c', true, 'C', '2025-01-01'),
      ],
      5,
    );
    expect(list.map((m) => m.id)).toEqual(['c', 'a']);
  });
});

describe('posts', () => {
  it('never publishes drafts and puts the newest first', () => {
    const posts = [
      { id: 'old', data: { date: d('2024-01-01') } },
      { id: 'draft', data: { date: d('2026-01-01'), draft: true } },
      { id: 'new', data: { date: d('2025-01-01'), draft: false } },
    ];
    expect(publishedPosts(posts).map((p) => p.id)).toEqual(['new', 'old']);
  });
});

describe('events', () => {
  const now = d('2026-11-24T12:00:00Z');
  const events = [
    { id: 'past', data: { start: d('2025-12-12T18:00:00Z') } },
    { id: 'running', data: { start: d('2026-11-23T09:00:00Z'), end: d('2026-11-25T16:00:00Z') } },
    { id: 'later', data: { start: d('2027-03-01T09:00:00Z') } },
    { id: 'soon', data: { start: d('2026-12-01T09:00:00Z') } },
  ];

  it('treats an event as upcoming until it has ended, soonest first', () => {
    expect(upcomingEvents(events, now).map((e) => e.id)).toEqual(['running', 'soon', 'later']);
  });

  it('keeps ended events in the archive, most recent first', () => {
    expect(pastEvents(events, now).map((e) => e.id)).toEqual(['past']);
  });
});

describe('market', () => {
  it('hides entries whose expiry date has passed but keeps those expiring today', () => {
    const now = d('2026-11-24T15:00:00Z');
    const entries = [
      { id: 'expired', data: { date: d('2026-01-01'), expires: d('2026-06-30') } },
      { id: 'today', data: { date: d('2026-02-01'), expires: d('2026-11-24') } },
      { id: 'open', data: { date: d('2026-03-01'), expires: d('2027-06-30') } },
    ];
    expect(activeMarketEntries(entries, now).map((e) => e.id)).toEqual(['open', 'today']);
  });

  it('goes by the Danish day: just after Danish midnight, yesterday’s entries are gone although UTC still has it', () => {
    const entries = [{ id: 'yesterday', data: { date: d('2026-01-01'), expires: d('2026-06-30') } }];
    // 2026-06-30 23:30 UTC is 01:30 on 1 July in Copenhagen (summer time); 21:30 UTC is 23:30 on 30 June.
    expect(activeMarketEntries(entries, d('2026-06-30T23:30:00Z'))).toEqual([]);
    expect(activeMarketEntries(entries, d('2026-06-30T21:30:00Z')).map((e) => e.id)).toEqual(['yesterday']);
  });
});

describe('wiki freshness', () => {
  it('calls an entry stale when it was last verified more than a year ago', () => {
    const now = d('2026-11-24');
    expect(isStale(d('2025-11-23'), now)).toBe(true);
    expect(isStale(d('2025-11-25'), now)).toBe(false);
  });
});

describe('paginate', () => {
  it('splits into pages and keeps one empty page for an empty list', () => {
    expect(paginate([1, 2, 3, 4, 5], 2).map((p) => [p.page, p.pages, p.items])).toEqual([
      [1, 3, [1, 2]],
      [2, 3, [3, 4]],
      [3, 3, [5]],
    ]);
    expect(paginate([], 10)).toEqual([{ items: [], page: 1, pages: 1 }]);
  });
});

describe('grouping and counting', () => {
  it('files an item under each of its keys', () => {
    const g = groupByMany([{ t: ['a', 'b'] }, { t: ['b'] }, { t: undefined }], (x) => x.t);
    expect([...g].map(([k, v]) => [k, v.length])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('counts each value once per item, most frequent first', () => {
    const c = countValues([['x', 'x', 'y'], ['y'], ['z']], (v) => v);
    expect([...c]).toEqual([
      ['y', 2],
      ['x', 1],
      ['z', 1],
    ]);
  });
});
