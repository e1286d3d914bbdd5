import { describe, expect, it } from 'vitest';
import {
  expandRecurring,
  lastPastOccurrence,
  nextOccurrences,
  oneEnd,
  type Recurrence,
} from '../../src/site/recurrence.ts';
import { parseLocalDateTime } from '../../src/lib/dates.ts';
import { eventSchema } from '../../src/schemas/events.ts';
import { checkAgainstSchema } from '../../src/lib/content/validate.ts';

const local = (text: string) => parseLocalDateTime(text);
const iso = (d: Date) => d.toISOString();
const everySixthWeek: Recurrence = { freq: 'weekly', interval: 6 };
const first = { start: local('2026-09-03T18:00'), end: local('2026-09-03T20:00') };

describe('a recurring event on the site', () => {
  it('lists its next dates at 18:00 Danish time on both sides of the change to winter and summer time', () => {
    const next = nextOccurrences(first, everySixthWeek, local('2026-09-01T00:00'), 5);
    // 3 Sep and 15 Oct are summer time (16:00 UTC); 26 Nov, 7 Jan and 18 Feb winter time (17:00 UTC).
    expect(next.map((o) => iso(o.start))).toEqual([
      '2026-09-03T16:00:00.000Z',
      '2026-10-15T16:00:00.000Z',
      '2026-11-26T17:00:00.000Z',
      '2027-01-07T17:00:00.000Z',
      '2027-02-18T17:00:00.000Z',
    ]);
    expect(next.map((o) => (o.end!.getTime() - o.start.getTime()) / 3_600_000)).toEqual([2, 2, 2, 2, 2]);
  });

  it('starts from the first date that has not ended yet', () => {
    // On 26 Nov at 19:00 that evening's meeting is still going on.
    const next = nextOccurrences(first, everySixthWeek, local('2026-11-26T19:00'), 2);
    expect(next.map((o) => iso(o.start))).toEqual(['2026-11-26T17:00:00.000Z', '2027-01-07T17:00:00.000Z']);
  });

  it('stops at `until` (the whole day counts) and after `count` times', () => {
    const until = nextOccurrences(
      first,
      { ...everySixthWeek, until: new Date('2026-11-26T00:00:00Z') },
      first.start,
      10,
    );
    expect(until.map((o) => iso(o.start))).toEqual([
      '2026-09-03T16:00:00.000Z',
      '2026-10-15T16:00:00.000Z',
      '2026-11-26T17:00:00.000Z',
    ]);
    const count = nextOccurrences(first, { freq: 'monthly', interval: 1, count: 2 }, first.start, 10);
    expect(count.map((o) => iso(o.start))).toEqual(['2026-09-03T16:00:00.000Z', '2026-10-03T16:00:00.000Z']);
  });

  it('knows the last date of a series that is over', () => {
    const r = { ...everySixthWeek, count: 3 };
    expect(nextOccurrences(first, r, local('2027-01-01T00:00'))).toEqual([]);
    expect(iso(lastPastOccurrence(first, r, local('2027-01-01T00:00'))!.start)).toBe('2026-11-26T17:00:00.000Z');
  });

  it('shows a series at its next date, keeps other events as they are, and names the dates in the digest', () => {
    const meeting: { id: string; digest: string; data: { start: Date; end?: Date; recurrence?: Recurrence } } = {
      id: 'moede',
      digest: 'abc',
      data: { ...first, recurrence: everySixthWeek },
    };
    const once: typeof meeting = { id: 'traef', digest: 'def', data: { start: local('2027-09-10T09:30') } };
    const now = local('2026-11-01T12:00');
    const { events, series } = expandRecurring([meeting, once], now);
    expect(events[1]).toBe(once);
    expect(iso(events[0].data.start)).toBe('2026-11-26T17:00:00.000Z');
    expect(iso(events[0].data.end!)).toBe('2026-11-26T19:00:00.000Z');
    expect(events[0].data.recurrence).toBe(everySixthWeek);
    expect(series.get('moede')!.entry).toBe(meeting);
    expect(series.get('moede')!.next).toHaveLength(6);
    // A week later the next date is another, and so is the digest a page's cache key counts.
    const later = expandRecurring([meeting], local('2026-11-27T12:00')).events[0];
    expect(later.digest).not.toBe(events[0].digest);
    expect(expandRecurring([meeting], now).events[0].digest).toBe(events[0].digest);
  });

  it('shows a finished series at its last date, so it goes to the archive', () => {
    const meeting = { id: 'moede', data: { ...first, recurrence: { ...everySixthWeek, count: 2 } } };
    const { events, series } = expandRecurring([meeting], local('2027-06-01T12:00'));
    expect(iso(events[0].data.start)).toBe('2026-10-15T16:00:00.000Z');
    expect(series.get('moede')!.next).toEqual([]);
  });
});

describe('the recurrence field', () => {
  const tax = {
    trades: [],
    municipalities: [{ id: 'lolland', name: 'Lolland', region: 'sjaelland', lat: 54.7, lon: 11.4 }],
  };
  const check = (recurrence: unknown) =>
    checkAgainstSchema(
      {
        file: 'events/moede.md',
        schema: eventSchema(tax),
        data: {
          title: 'Lokalgruppen mødes',
          description: 'Hver sjette uge.',
          start: '2026-09-17T18:00',
          lang: 'da',
          online_url: 'https://moede.example',
          recurrence,
        },
      },
      { taxonomyIds: { municipalities: ['lolland'], trades: [] }, contentLabel: 'content' },
    ).issues.map((i) => `${i.field}: ${JSON.stringify(i.message)}`);

  it('takes every sixth week until a day, or a number of times', () => {
    expect(check({ freq: 'weekly', interval: 6, until: new Date('2027-06-30T00:00:00Z') })).toEqual([]);
    expect(check({ freq: 'monthly', interval: 1, count: 10 })).toEqual([]);
  });

  it('refuses an unknown frequency, an interval below 1 and an until before the start', () => {
    const issues = [
      ...check({ freq: 'daily', interval: 1 }),
      ...check({ freq: 'weekly', interval: 0 }),
      ...check({ freq: 'weekly', interval: 6, until: new Date('2026-09-01T00:00:00Z') }),
    ];
    expect(issues).toHaveLength(3);
    expect(issues[0]).toMatch(/^recurrence\.freq: .*is not one of weekly, monthly/);
    expect(issues[1]).toMatch(/^recurrence\.interval: .*is below 1/);
    expect(issues[2]).toMatch(/^recurrence\.until: .*the last time cannot be before the first/);
  });

  it('ends a series with both until and count at whichever comes first, and keeps only that one for the calendar', () => {
    expect(check({ freq: 'weekly', interval: 6, until: new Date('2027-06-30T00:00:00Z'), count: 3 })).toEqual([]);
    const start = local('2026-09-17T18:00');
    const until = new Date('2026-12-31T00:00:00Z');
    // Every sixth week from 17 Sep: 29 Oct and 10 Dec fall before the last day, a fourth time would not.
    expect(oneEnd(start, { freq: 'weekly', interval: 6, until, count: 3 })).toEqual({
      freq: 'weekly',
      interval: 6,
      count: 3,
    });
    expect(oneEnd(start, { freq: 'weekly', interval: 6, until, count: 4 })).toEqual({
      freq: 'weekly',
      interval: 6,
      until,
    });
    expect(nextOccurrences({ start }, { freq: 'weekly', interval: 6, until, count: 4 }, start, 10)).toHaveLength(3);
  });
});
