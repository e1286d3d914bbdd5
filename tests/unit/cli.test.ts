import { describe, expect, it } from 'vitest';
import { dayOption, oneOf, UsageError, wholeNumber } from '../../src/lib/cli.ts';
import { isoDay } from '../../src/lib/dates.ts';
import { bi, enDa } from '../../src/schemas/meta.ts';

describe('command-line options', () => {
  it('takes an allowed word and names the allowed ones otherwise', () => {
    expect(oneOf('--format', 'json', ['text', 'json'])).toBe('json');
    const xml = () => oneOf('--format', 'xml', ['text', 'json', 'github']);
    expect(xml).toThrow(UsageError);
    expect(xml).toThrow(
      /^--format must be text, json or github, not "xml" — --format skal være text, json eller github$/,
    );
  });
  it('takes whole numbers within bounds', () => {
    expect(wholeNumber('--runs', '3', 1, 50)).toBe(3);
    for (const bad of ['0', '51', '2.5', 'x', '', undefined])
      expect(() => wholeNumber('--runs', bad, 1, 50), String(bad)).toThrow(UsageError);
    expect(() => wholeNumber('--days', '-1', 0)).toThrow('--days must be a whole number 0 or more, not "-1"');
  });
  it('takes --today as a real day and defaults to today in Denmark', () => {
    expect(dayOption('2026-11-24')).toBe('2026-11-24');
    expect(dayOption(undefined)).toBe(isoDay(new Date()));
    expect(() => dayOption('2026-02-30')).toThrow(UsageError);
  });
  it('prints bilingual text English first, on one line, as every command has', () => {
    expect(enDa(bi('angiv højst én mappe', 'Give at most one folder'))).toBe(
      'Give at most one folder — angiv højst én mappe',
    );
    expect(new UsageError(bi('angiv højst én mappe', 'Give at most one folder')).message).toBe(
      'Give at most one folder — angiv højst én mappe',
    );
  });
});
