/**
 * The pure parts of `npm run bench`: reading the index line of a build's log, medians over
 * rounds, and the side-by-side table. No I/O here, so each can be tested on its own.
 */
// Only the type: bench-search.ts drives a browser, which this module never loads.
import type { SearchBench } from './bench-search.ts';

/** What `Pagefind indexed <n> pages in da, en (<x.y> s)` says. */
export interface IndexLine {
  pages: number;
  languages: string[];
  ms: number;
}

// Colours and cursor codes a logger may wrap around the line.
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/** The last index line in a build's log (a build indexes once), or undefined when there is none. */
export function parseIndexLine(log: string): IndexLine | undefined {
  const lines = [
    ...log.replace(ANSI, '').matchAll(/Pagefind indexed (\d+) pages in ([^()\n]*?) \((\d+(?:\.\d+)?) s\)/g),
  ];
  const last = lines.at(-1);
  if (!last) return undefined;
  return {
    pages: Number(last[1]),
    languages: last[2]
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean),
    ms: Math.round(Number(last[3]) * 1000),
  };
}

/** What `Social images: <n> pictures, <d> drawn, <r> reused, <x> removed (<s> s)` says (src/integrations/social-images.ts). */
export interface SocialLine {
  pictures: number;
  drawn: number;
  reused: number;
  ms: number;
}

/** The social pictures' line of a build's log, or undefined (turned off with SOCIAL_IMAGES=0, or Hugo's). */
export function parseSocialLine(log: string): SocialLine | undefined {
  const last = [
    ...log
      .replace(ANSI, '')
      .matchAll(/Social images: (\d+) pictures, (\d+) drawn, (\d+) reused, \d+ removed \((\d+(?:\.\d+)?) s\)/g),
  ].at(-1);
  if (!last) return undefined;
  return {
    pictures: Number(last[1]),
    drawn: Number(last[2]),
    reused: Number(last[3]),
    ms: Math.round(Number(last[4]) * 1000),
  };
}

/** The line our build logs after indexing; the bench's own index runs (for Hugo) print it too. */
export function indexLine(stats: IndexLine): string {
  return `Pagefind indexed ${stats.pages} pages in ${stats.languages.join(', ')} (${(stats.ms / 1000).toFixed(1)} s)`;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** One cold build and its one-edit rebuild, of one site generator. */
export interface Round {
  /** Wall time of the build minus the index time it reports. */
  buildMs: number;
  indexMs: number;
  /** HTML files written. */
  pages: number;
  /** Pages Pagefind indexed. */
  indexed: number;
  /** Largest resident memory of the process trees of build and index. */
  peakBytes: number;
  /** Wall time of build + index after one member file was edited. */
  rebuildMs: number;
  rebuildPeakBytes: number;
  /** Bytes of the whole output after the cold build, and of its link-preview pictures (/social/). */
  outputBytes?: number;
  socialBytes?: number;
  /** The social pictures' part of the cold build and of the rebuild, from their log line. */
  social?: SocialLine;
  rebuildSocial?: SocialLine;
}

export interface Summary {
  rounds: number;
  buildMs: number;
  indexMs: number;
  /** Median of build + index per round (not the sum of the medians). */
  coldMs: number;
  pages: number;
  indexed: number;
  pagesPerSecond: number;
  peakBytes: number;
  rebuildMs: number;
  rebuildPeakBytes: number;
  outputBytes?: number;
  socialBytes?: number;
  social?: SocialLine;
  rebuildSocial?: SocialLine;
}

/** The median of a figure the rounds may not have (undefined when none has it). */
function medianOf<T>(rounds: readonly T[], f: (r: T) => number | undefined): number | undefined {
  const xs = rounds.map(f).filter((x): x is number => x !== undefined);
  return xs.length ? median(xs) : undefined;
}

function socialMedians(lines: (SocialLine | undefined)[]): SocialLine | undefined {
  const some = lines.filter((l): l is SocialLine => l !== undefined);
  if (!some.length) return undefined;
  return {
    pictures: median(some.map((l) => l.pictures)),
    drawn: median(some.map((l) => l.drawn)),
    reused: median(some.map((l) => l.reused)),
    ms: median(some.map((l) => l.ms)),
  };
}

/** Medians over the rounds of one generator. */
export function summarize(rounds: readonly Round[]): Summary {
  const m = (f: (r: Round) => number) => median(rounds.map(f));
  const buildMs = m((r) => r.buildMs);
  const pages = m((r) => r.pages);
  return {
    rounds: rounds.length,
    buildMs,
    indexMs: m((r) => r.indexMs),
    coldMs: m((r) => r.buildMs + r.indexMs),
    pages,
    indexed: m((r) => r.indexed),
    pagesPerSecond: buildMs > 0 ? pages / (buildMs / 1000) : NaN,
    peakBytes: m((r) => r.peakBytes),
    rebuildMs: m((r) => r.rebuildMs),
    rebuildPeakBytes: m((r) => r.rebuildPeakBytes),
    outputBytes: medianOf(rounds, (r) => r.outputBytes),
    socialBytes: medianOf(rounds, (r) => r.socialBytes),
    social: socialMedians(rounds.map((r) => r.social)),
    rebuildSocial: socialMedians(rounds.map((r) => r.rebuildSocial)),
  };
}

/** What the reader's browser sees on the directory (src/tools/bench-search.ts measures it). */
export type SearchFigures = SearchBench;

export const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MiB`;
export const kb = (bytes: number) => `${Math.round(bytes / 1000).toLocaleString('en')} KB`;
export const msText = (ms: number) => `${Math.round(ms)} ms`;
/** How many times Hugo's figure ours is: 3.8×. */
export const ratio = (ours: number, theirs: number) =>
  theirs > 0 && Number.isFinite(ours) ? `${(ours / theirs).toFixed(1)}×` : '–';

/** A Markdown table, columns padded so it also reads in a terminal. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (c ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/**
 * The report: build, memory and rebuild side by side with Hugo when it ran (ours | hugo | × hugo),
 * then pages per second and what the reader's browser measured.
 */
export function report(
  members: number,
  ours: Summary,
  hugo: Summary | undefined,
  search: SearchFigures | undefined,
): string {
  const head = hugo ? ['', 'this project', 'Hugo + Pagefind', '× Hugo'] : ['', 'this project'];
  const row = (label: string, a: number, b: number | undefined, show: (x: number) => string, detail = '') =>
    hugo && b !== undefined ? [label, show(a) + detail, show(b), ratio(a, b)] : [label, show(a) + detail];
  const n = members.toLocaleString('en');
  const rows = [
    [
      `${n} members: cold build + index`,
      `${sec(ours.buildMs)} + ${sec(ours.indexMs)}`,
      ...(hugo ? [`${sec(hugo.buildMs)} + ${sec(hugo.indexMs)}`, ratio(ours.coldMs, hugo.coldMs)] : []),
    ],
    row(`${n}: peak memory`, ours.peakBytes, hugo?.peakBytes, mib),
    row(`${n}: rebuild after editing one member`, ours.rebuildMs, hugo?.rebuildMs, sec),
    row(`${n}: pages written (indexed)`, ours.pages, hugo?.pages, (x) => x.toLocaleString('en')),
    row(`${n}: pages per second (build only)`, ours.pagesPerSecond, hugo?.pagesPerSecond, (x) => x.toFixed(0)),
  ];
  // The pages column says how many Pagefind indexed too; the ratio is of pages written.
  rows[3][1] += ` (${ours.indexed.toLocaleString('en')})`;
  if (hugo) rows[3][2] += ` (${hugo.indexed.toLocaleString('en')})`;
  const lines = [
    table(head, rows),
    '',
    `Medians of ${ours.rounds} cold round(s)${hugo ? ', ours and Hugo interleaved' : ''}; the ratio of cold build + index is of the per-round sums.`,
  ];
  if (ours.outputBytes !== undefined) {
    const social = ours.social;
    lines.push(
      '',
      social
        ? `Link-preview pictures: ${social.pictures.toLocaleString('en')} drawn in ${sec(social.ms)} of the cold build, ${mib(ours.socialBytes ?? 0)} of ${mib(ours.outputBytes)} output; the rebuild drew ${ours.rebuildSocial?.drawn ?? 0} and reused ${(ours.rebuildSocial?.reused ?? 0).toLocaleString('en')} in ${sec(ours.rebuildSocial?.ms ?? 0)}.`
        : `Link-preview pictures: off (SOCIAL_IMAGES=0); output ${mib(ours.outputBytes)}.`,
    );
  }
  if (search) {
    lines.push(
      '',
      table(
        ['reader (Chromium, directory)', 'this project'],
        [
          ['first load, transferred (gzip)', `${kb(search.firstLoadGzipBytes)} in ${search.requests} requests`],
          ['first results after load', msText(search.firstResultsMs)],
          ['typing → results', msText(search.typingMs)],
          ['submit → results', msText(search.submitMs)],
          ['facet click → results', msText(search.facetMs)],
        ],
      ),
    );
  }
  return lines.join('\n');
}
