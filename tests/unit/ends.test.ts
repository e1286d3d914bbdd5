import { describe, expect, it } from 'vitest';
import { eventEnds, marketEnds } from '../../src/site/ends.ts';
import { isoLocal } from '../../src/lib/dates.ts';
import { parseLocalDateTime } from '../../src/lib/dates.ts';

describe('when a listed thing is over (data-ends)', () => {
  it('writes the instant as Danish wall-clock time with the offset of that day', () => {
    expect(isoLocal(new Date('2026-11-24T19:00:00Z'))).toBe('2026-11-24T20:00:00+01:00');
    expect(isoLocal(new Date('2026-06-20T18:00:00Z'))).toBe('2026-06-20T20:00:00+02:00');
    // Either side of the change to winter time (2026-10-25 03:00 summer time → 02:00).
    expect(isoLocal(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00+02:00');
    expect(isoLocal(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00+01:00');
  });

  it('ends an event at its end, or at its start when it has none', () => {
    const start = parseLocalDateTime('2026-12-03T09:00');
    expect(eventEnds({ start, end: parseLocalDateTime('2026-12-03T10:00') })).toBe('2026-12-03T10:00:00+01:00');
    expect(eventEnds({ start })).toBe('2026-12-03T09:00:00+01:00');
  });

  it('keeps a market entry through its expiry day, to the next Danish midnight', () => {
    expect(marketEnds(new Date('2027-01-31T00:00:00Z'))).toBe('2027-02-01T00:00:00+01:00');
    expect(marketEnds(new Date('2027-06-30T00:00:00Z'))).toBe('2027-07-01T00:00:00+02:00');
    expect(Date.parse(marketEnds(new Date('2026-12-31T00:00:00Z')))).toBe(Date.parse('2026-12-31T23:00:00Z'));
  });
});
