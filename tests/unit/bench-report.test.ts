import { describe, expect, it } from 'vitest';
import {
  indexLine,
  median,
  parseIndexLine,
  parseSocialLine,
  report,
  summarize,
  table,
  type Round,
} from '../../src/tools/bench-report.ts';

const round = (over: Partial<Round> = {}): Round => ({
  buildMs: 10_000,
  indexMs: 2_000,
  pages: 2_000,
  indexed: 1_900,
  peakBytes: 1024 ** 3,
  rebuildMs: 5_000,
  rebuildPeakBytes: 512 * 1024 ** 2,
  ...over,
});

describe('the social pictures in a build log and the report', () => {
  const line = (drawn: number, reused: number, s: string) =>
    `11:23:44 [mikronet:social-images] Social images: ${drawn + reused} pictures, ${drawn} drawn, ${reused} reused, 0 removed (${s} s)\n`;

  it('reads the pictures, how many were drawn and reused, and their time', () => {
    expect(parseSocialLine(`12:00 [build] ok\n${line(163, 0, '5.7')}`)).toEqual({
      pictures: 163,
      drawn: 163,
      reused: 0,
      ms: 5700,
    });
    expect(parseSocialLine('12:00 [build] ok\n')).toBeUndefined();
  });

  it('reports their share of the cold build and the output, and what the rebuild redrew', () => {
    const rounds = [
      round({
        outputBytes: 300 * 1024 ** 2,
        socialBytes: 60 * 1024 ** 2,
        social: parseSocialLine(line(10_000, 0, '80.0')),
        rebuildSocial: parseSocialLine(line(1, 9_999, '0.9')),
      }),
    ];
    expect(report(10_000, summarize(rounds), undefined, undefined)).toContain(
      'Link-preview pictures: 10,000 drawn in 80.0 s of the cold build, 60 MiB of 300 MiB output; the rebuild drew 1 and reused 9,999 in 0.9 s.',
    );
    expect(report(10_000, summarize([round({ outputBytes: 200 * 1024 ** 2 })]), undefined, undefined)).toContain(
      'Link-preview pictures: off (SOCIAL_IMAGES=0); output 200 MiB.',
    );
  });
});

describe('the index line of a build log', () => {
  it('reads pages, languages and seconds from the line our build logs', () => {
    const log =
      '12:00:01 [build] 2232 page(s) built\n12:00:03 [search-index] Pagefind indexed 2232 pages in da, en (1.7 s)\n';
    expect(parseIndexLine(log)).toEqual({ pages: 2232, languages: ['da', 'en'], ms: 1700 });
  });

  it('reads it through the colours a terminal logger adds', () => {
    const log = '\x1b[2m12:00:03\x1b[22m \x1b[34m[search-index]\x1b[39m Pagefind indexed 5 pages in da (0.0 s)';
    expect(parseIndexLine(log)).toEqual({ pages: 5, languages: ['da'], ms: 0 });
  });

  it('takes the last line when a log has two, and nothing when it has none', () => {
    expect(
      parseIndexLine('Pagefind indexed 1 pages in da (9.0 s)\nPagefind indexed 2 pages in da, en (1.5 s)')?.ms,
    ).toBe(1500);
    expect(parseIndexLine('[build] Complete!')).toBeUndefined();
    expect(parseIndexLine('Pagefind indexed many pages in da (1 s)')).toBeUndefined();
  });

  it('is what indexLine prints, so the bench reads its own index runs the same way', () => {
    const stats = { pages: 20_612, languages: ['da', 'en'], ms: 11_100 };
    expect(indexLine(stats)).toBe('Pagefind indexed 20612 pages in da, en (11.1 s)');
    expect(parseIndexLine(indexLine(stats))).toEqual(stats);
  });
});

describe('medians over rounds', () => {
  it('is the middle value, or the mean of the two middle ones, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });

  it('summarizes each figure by its own median, and cold build + index by the median of the sums', () => {
    const s = summarize([
      round({ buildMs: 10_000, indexMs: 5_000 }),
      round({ buildMs: 20_000, indexMs: 1_000 }),
      round({ buildMs: 30_000, indexMs: 2_000 }),
    ]);
    expect(s).toMatchObject({ rounds: 3, buildMs: 20_000, indexMs: 2_000, coldMs: 21_000, pagesPerSecond: 100 });
  });
});

describe('the report', () => {
  it('puts ours beside Hugo with the ratio of each, when Hugo ran', () => {
    const ours = summarize([round({ buildMs: 15_500, indexMs: 1_700, rebuildMs: 22_100 })]);
    const hugo = summarize([
      round({ buildMs: 2_500, indexMs: 2_600, peakBytes: 125 * 1024 ** 2, rebuildMs: 2_500, pages: 2_056 }),
    ]);
    const text = report(1000, ours, hugo, undefined);
    expect(text).toMatch(
      /\| 1,000 members: cold build \+ index +\| 15\.5 s \+ 1\.7 s +\| 2\.5 s \+ 2\.6 s +\| 3\.4× +\|/,
    );
    expect(text).toMatch(/\| 1,000: peak memory +\| 1,024 MiB +\| 125 MiB +\| 8\.2× +\|/);
    expect(text).toMatch(/\| 1,000: rebuild after editing one member +\| 22\.1 s +\| 2\.5 s +\| 8\.8× +\|/);
    expect(text).toMatch(/\| 1,000: pages written \(indexed\) +\| 2,000 \(1,900\) +\| 2,056 \(1,900\) +\|/);
    expect(text).not.toMatch(/reader/);
  });

  it("has one column without Hugo, and the reader's figures when they were measured", () => {
    const text = report(10, summarize([round()]), undefined, {
      firstLoadGzipBytes: 148_600,
      requests: 12,
      firstResultsMs: 95.4,
      typingMs: 80,
      submitMs: 40,
      facetMs: 35,
    });
    expect(text).not.toMatch(/Hugo/);
    expect(text.split('\n')[0].split('|').length).toBe(4);
    expect(text).toMatch(/first load, transferred \(gzip\) +\| 149 KB in 12 requests/);
    expect(text).toMatch(/first results after load +\| 95 ms/);
    expect(text).toMatch(/facet click → results +\| 35 ms/);
  });

  it('pads a table so its columns line up', () => {
    expect(table(['a', 'bb'], [['ccc', 'd']])).toBe('| a   | bb |\n| --- | -- |\n| ccc | d  |');
  });
});
