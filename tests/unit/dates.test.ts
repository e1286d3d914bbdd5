import { describe, expect, it } from 'vitest';
import { dayOf, formatDate, isCalendarDay, isoDay, parseLocalDateTime } from '../../src/lib/dates.ts';

describe('event times', () => {
  it('reads a time without offset as Copenhagen winter time', () => {
    expect(parseLocalDateTime('2027-01-14T17:30').toISOString()).toBe('2027-01-14T16:30:00.000Z');
  });
  it('reads a time without offset as Copenhagen summer time', () => {
    expect(parseLocalDateTime('2027-06-14T17:30').toISOString()).toBe('2027-06-14T15:30:00.000Z');
  });
  it('respects an explicit offset', () => {
    expect(parseLocalDateTime('2027-06-14T17:30+00:00').toISOString()).toBe('2027-06-14T17:30:00.000Z');
    expect(parseLocalDateTime('2027-06-14T17:30:00Z').toISOString()).toBe('2027-06-14T17:30:00.000Z');
  });
  it('rejects what is not a date and time', () => {
    expect(Number.isNaN(parseLocalDateTime('i morgen').getTime())).toBe(true);
  });
  it('formats dates in the reader’s language and in Danish time', () => {
    expect(formatDate(new Date('2026-11-24T23:30:00Z'), 'da')).toBe('25. november 2026');
    expect(formatDate(new Date('2026-11-24T12:00:00Z'), 'en')).toBe('24 November 2026');
    expect(isoDay(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
  });
});

describe('calendar days', () => {
  it('accepts only days that exist, written YYYY-MM-DD', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    for (const bad of ['2027-02-29', '2026-02-30', '2026-13-01', '2026-1-5', '1.3.2026', '2026-03-01T10:00', ''])
      expect(isCalendarDay(bad), bad).toBe(false);
  });
  it('reads the day of a YAML date or of its text, nothing else', () => {
    expect(dayOf(new Date('2026-03-01'))).toBe('2026-03-01');
    expect(dayOf('2026-03-01')).toBe('2026-03-01');
    expect(dayOf('2026-02-30')).toBeUndefined();
    expect(dayOf(new Date('nonsense'))).toBeUndefined();
    expect(dayOf(null)).toBeUndefined();
  });
});
