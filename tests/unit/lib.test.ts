import { describe, expect, it } from 'vitest';
import { dayOf, formatDate, isCalendarDay, isoDay, parseLocalDateTime } from '../../src/lib/dates.ts';
import { dayOption, oneOf, UsageError, wholeNumber } from '../../src/lib/cli.ts';
import { decodeEmail, encodeEmail } from '../../src/lib/email.ts';
import { slugify } from '../../src/lib/slug.ts';
import { fromParams, isEmpty, toPagefindFilters, toParams } from '../../src/site/search-state.ts';
import { rssXml } from '../../src/site/feed.ts';
import { networkRegions, wikiFilterCss } from '../../src/site/wiki.ts';
import { useTranslations, ui } from '../../src/i18n/ui.ts';
import { authorPath, blogIndexPath, directoryPath, postPath, sectionPath, tagPath } from '../../src/i18n/urls.ts';

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
    for (const bad of ['2027-02-29', '2026-02-30', '2026-13-01', '2026-1-5', '1.3.2026', '2026-03-01T10:00', '']) expect(isCalendarDay(bad), bad).toBe(false);
  });
  it('reads the day of a YAML date or of its text, nothing else', () => {
    expect(dayOf(new Date('2026-03-01'))).toBe('2026-03-01');
    expect(dayOf('2026-03-01')).toBe('2026-03-01');
    expect(dayOf('2026-02-30')).toBeUndefined();
    expect(dayOf(new Date('nonsense'))).toBeUndefined();
    expect(dayOf(null)).toBeUndefined();
  });
});

describe('command-line options', () => {
  it('takes an allowed word and names the allowed ones otherwise', () => {
    expect(oneOf('--format', 'json', ['text', 'json'])).toBe('json');
    expect(() => oneOf('--format', 'xml', ['text', 'json', 'github'])).toThrow(new UsageError('--format must be text, json or github, not "xml" — --format skal være text, json eller github'));
  });
  it('takes whole numbers within bounds', () => {
    expect(wholeNumber('--runs', '3', 1, 50)).toBe(3);
    for (const bad of ['0', '51', '2.5', 'x', '', undefined]) expect(() => wholeNumber('--runs', bad, 1, 50), String(bad)).toThrow(UsageError);
    expect(() => wholeNumber('--days', '-1', 0)).toThrow('--days must be a whole number 0 or more, not "-1"');
  });
  it('takes --today as a real day and defaults to today in Denmark', () => {
    expect(dayOption('2026-11-24')).toBe('2026-11-24');
    expect(dayOption(undefined)).toBe(isoDay(new Date()));
    expect(() => dayOption('2026-02-30')).toThrow(UsageError);
  });
});

describe('e-mail protection', () => {
  it('round-trips an address, æøå included, without the address in the encoded form', () => {
    const email = 'søren.ærø@eksempel.dk';
    const encoded = encodeEmail(email);
    expect(encoded).not.toContain('@');
    expect(encoded).not.toContain('eksempel');
    expect(decodeEmail(encoded)).toBe(email);
  });
});

describe('slugify', () => {
  it('transliterates æ, ø and å as the content model says', () => {
    expect(slugify('Søren Ærø Ålund')).toBe('soeren-aeroe-aalund');
    expect(slugify('  Netværk Nord! 2027 ')).toBe('netvaerk-nord-2027');
    expect(slugify('Café Zoë')).toBe('cafe-zoe');
  });
});

describe('search state', () => {
  const state = { query: ' grafisk ', selected: { trade: ['Design', 'Kunst'], municipality: [] } };
  it('ANDs facets, ORs values within one and pins the scope', () => {
    expect(toPagefindFilters(state, 'Medlem')).toEqual({ type: 'Medlem', trade: { any: ['Design', 'Kunst'] } });
  });
  it('survives a round trip through the URL', () => {
    const params = toParams(state);
    expect(params.toString()).toBe('q=grafisk&trade=Design&trade=Kunst');
    expect(fromParams(params, ['trade', 'municipality'])).toEqual({ query: 'grafisk', selected: { trade: ['Design', 'Kunst'], municipality: [] } });
  });
  it('knows when nothing is asked', () => {
    expect(isEmpty({ query: '  ', selected: { trade: [] } })).toBe(true);
    expect(isEmpty(state)).toBe(false);
  });
});

describe('RSS', () => {
  it('escapes text and carries language and a self link', () => {
    const xml = rssXml({
      title: 'Blog & co',
      description: '<b>x</b>',
      link: 'https://x.dk/blog/',
      self: 'https://x.dk/rss.xml',
      language: 'da',
      items: [{ title: 'A "quote"', link: 'https://x.dk/blog/a/', description: 'd', date: new Date('2026-01-02T00:00:00Z'), categories: ['netvaerk'] }],
    });
    expect(xml).toContain('<title>Blog &amp; co</title>');
    expect(xml).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(xml).toContain('<title>A &quot;quote&quot;</title>');
    expect(xml).toContain('<pubDate>Fri, 02 Jan 2026 00:00:00 GMT</pubDate>');
    expect(xml).toContain('<atom:link href="https://x.dk/rss.xml" rel="self"');
  });
});

describe('wiki filters', () => {
  const m = new Map([
    ['lolland', { region: 'sjaelland' }],
    ['odense', { region: 'syddanmark' }],
  ]);
  it('places a network in the regions of its municipalities, or everywhere when nationwide', () => {
    expect(networkRegions({ municipalities: ['lolland', 'odense', 'lolland'] }, m)).toEqual(['sjaelland', 'syddanmark']);
    expect(networkRegions({ municipalities: ['lolland'], nationwide: true }, m)).toHaveLength(5);
  });
  it('writes one hiding rule per kind and region', () => {
    const css = wikiFilterCss(['online'], ['sjaelland']);
    expect(css).toContain('.wiki:has(#kind-online:checked) .grid > li:not([data-kind="online"])');
    expect(css).toContain('.wiki:has(#region-sjaelland:checked) .grid > li:not([data-regions~="sjaelland"])');
  });
});

describe('UI strings', () => {
  it('exist in Danish and English for every key, never empty', () => {
    expect(Object.keys(ui.en).sort()).toEqual(Object.keys(ui.da).sort());
    for (const lang of ['da', 'en'] as const) for (const [k, v] of Object.entries(ui[lang])) expect(v.trim(), `${lang} ${k}`).not.toBe('');
  });
  it('fill placeholders', () => {
    expect(useTranslations('da')('members.count', { n: 42 })).toBe('42 medlemmer');
    expect(useTranslations('en')('blog.pageOf', { page: 2, pages: 5 })).toBe('Page 2 of 5');
  });
});

describe('localized paths', () => {
  it('uses Danish path names at the root and English ones under /en/', () => {
    expect(sectionPath('da', 'members', 'anne-lund')).toBe('/medlemmer/anne-lund/');
    expect(sectionPath('en', 'members', 'anne-lund')).toBe('/en/members/anne-lund/');
    expect(directoryPath('da', 2)).toBe('/medlemmer/side/2/');
    expect(blogIndexPath('en', 3)).toBe('/en/blog/page/3/');
    expect(tagPath('da', 'netvaerk')).toBe('/blog/emne/netvaerk/');
    expect(authorPath('en', 'anne-lund')).toBe('/en/blog/author/anne-lund/');
    expect(tagPath('da', 'prissætning', 2)).toBe('/blog/emne/prissaetning/side/2/');
    expect(authorPath('en', 'anne-lund', 3)).toBe('/en/blog/author/anne-lund/page/3/');
  });
  it('puts a post under its own language only', () => {
    expect(postPath({ id: 'hello', data: { lang: 'en' } })).toBe('/en/blog/hello/');
    expect(postPath({ id: 'hej', data: { lang: 'da' } })).toBe('/blog/hej/');
  });
});
