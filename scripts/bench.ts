#!/usr/bin/env node
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentFolder, doing, oneOf, parseCli, runCli, UsageError, wholeNumber } from '../src/lib/cli.ts';
import type { Lang } from '../src/i18n/locale.ts';
import { ROUTES } from '../src/site/routes.ts';
import { bi, enDa, type Bilingual } from '../src/schemas/meta.ts';
import { editServices, writeBenchContent } from '../src/tools/bench-content.ts';
import { hugoBuildArgs, hugoRunConfig, hugoVersion } from '../src/tools/bench-hugo.ts';
import {
  parseIndexLine,
  parseSocialLine,
  report,
  summarize,
  type Round,
  type SearchFigures,
  type Summary,
} from '../src/tools/bench-report.ts';
import { astroBuild, countHtml, pagefindIndex, timed, type Timed } from '../src/tools/bench-run.ts';
import { serveSite } from '../src/tools/static-server.ts';
import { filesUnder } from '../src/lib/files-under.ts';

const HELP = `Usage: npm run bench -- --members N [--runs R] [--compare hugo] [--json] [--keep]

Generates N synthetic members (plus N/20 posts, N/30 wiki entries, N/50 events and
N/50 market entries) in a temporary folder — never in content/ — and measures:
  - a cold build with its search index (fresh output and cache folders), build and
    index time apart, pages per second and peak memory of the build's process tree;
  - the rebuild after editing one member file (the same command, the same output and
    cache folders), checked on the member's built page;
  - the directory in headless Chromium: what its first load transfers (gzip) and how
    long search takes (src/tools/bench-search.ts; skipped when that module is missing).
With --compare hugo it builds the same members with a minimal Hugo site (bench/hugo/:
the member pages and the paginated directory in both languages, indexed by the same
Pagefind) in rounds interleaved with ours, and prints the two side by side with ratios.
Figures are medians over the rounds. Hugo 0.111 comes from the system's package manager
(apt-get install hugo); without it --compare hugo says so and measures ours only.

Options:
  --members N      number of members (required, 1–200000; Denmark has about 163,000 self-employed)
  --runs R         rounds, default 1 (at most 50); each round is a cold build and a
                   one-edit rebuild, of ours and then of Hugo's
  --compare hugo   measure Hugo + Pagefind on the same content too
  --json           print the result as JSON (progress goes to stderr)
  --keep           keep the temporary folder (content and last builds) and print its path
  -h, --help       this text

Exit codes: 0 ok, 1 a build failed or an edit did not reach its page (or the content
folder could not be read), 2 usage error.`;

/** A build failed or did not do what it must: its message (and the log's end) is printed as it is. */
class BuildFailed extends Error {}

const DIRECTORY = ROUTES.members.path as Record<Lang, string>;

function fail(what: Bilingual, log = ''): never {
  throw new BuildFailed(`${enDa(what)}${log ? `:\n${log.slice(-3000)}` : ''}`);
}

/** The member's built Danish page must show the edit; a rebuild that left it out failed. */
function checkEdit(outDir: string, slug: string, word: string, who: string) {
  const page = path.join(outDir, DIRECTORY.da, slug, 'index.html');
  const html = fs.existsSync(page) ? fs.readFileSync(page, 'utf8') : '';
  if (!html.includes(word))
    fail(
      bi(
        `${who}: efter ændringen af ${slug}.md viser ${page} ikke den nye ydelse "${word}"; genopbygningen tog ikke ændringen med`,
        `${who}: after ${slug}.md was edited, ${page} does not show the new service "${word}"; the rebuild missed the change`,
      ),
    );
}

/** Edits one member file, runs `rebuild`, checks the edit reached the page, and puts the file back. */
async function withEdit(
  contentDir: string,
  slug: string,
  word: string,
  rebuild: () => Promise<{ outDir: string; run: Timed }>,
  who: string,
) {
  const file = path.join(contentDir, 'members', `${slug}.md`);
  const original = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, editServices(original, word));
  try {
    const { outDir, run } = await rebuild();
    checkEdit(outDir, slug, word, who);
    return run;
  } finally {
    fs.writeFileSync(file, original);
  }
}

const indexOf = (run: Timed, who: string) =>
  parseIndexLine(run.log) ??
  fail(
    bi(
      `${who}: loggen har ingen linje "Pagefind indexed … pages in … (… s)"; søgeindekset blev ikke bygget`,
      `${who}: the log has no line "Pagefind indexed … pages in … (… s)"; the search index was not built`,
    ),
    run.log,
  );

async function ourRound(work: string, contentDir: string, round: number, slug: string): Promise<Round> {
  const outDir = path.join(work, `ours-${round}`, 'dist');
  const cacheDir = path.join(work, `ours-${round}`, 'cache');
  const build = async () => {
    const run = await astroBuild(contentDir, outDir, cacheDir);
    if (run.code !== 0) fail(bi('vores bygning mislykkedes', 'our build failed'), run.log);
    return { outDir, run };
  };
  const { run: cold } = await build();
  const index = indexOf(cold, 'astro build');
  const rebuild = await withEdit(contentDir, slug, `benchmark${round}a`, build, 'astro build');
  indexOf(rebuild, 'astro build');
  const bytesUnder = (dir: string) => filesUnder(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
  return {
    // After the rebuild, which changed one member: the same size as the cold build's output to a few bytes.
    outputBytes: bytesUnder(outDir),
    socialBytes: bytesUnder(path.join(outDir, 'social')),
    social: parseSocialLine(cold.log),
    rebuildSocial: parseSocialLine(rebuild.log),
    buildMs: cold.ms - index.ms,
    indexMs: index.ms,
    pages: countHtml(outDir),
    indexed: index.pages,
    peakBytes: cold.peakBytes,
    rebuildMs: rebuild.ms,
    rebuildPeakBytes: rebuild.peakBytes,
  };
}

async function hugoRound(work: string, contentDir: string, round: number, slug: string): Promise<Round> {
  const outDir = path.join(work, `hugo-${round}`, 'public');
  const cacheDir = path.join(work, `hugo-${round}`, 'cache');
  const config = path.join(work, 'hugo-run.json');
  // Hugo has no incremental static build: a rebuild is Hugo again and the index again.
  const build = async () => {
    const hugo = await timed('hugo', hugoBuildArgs(config, outDir, cacheDir));
    if (hugo.code !== 0) fail(bi('Hugos bygning mislykkedes', "Hugo's build failed"), hugo.log);
    const index = await pagefindIndex(outDir);
    if (index.code !== 0) fail(bi('Pagefind mislykkedes på Hugos site', "Pagefind failed on Hugo's site"), index.log);
    return {
      outDir,
      hugo,
      index,
      run: { ...index, ms: hugo.ms + index.ms, peakBytes: Math.max(hugo.peakBytes, index.peakBytes) },
    };
  };
  const cold = await build();
  const index = indexOf(cold.index, 'Pagefind (Hugo)');
  const rebuild = await withEdit(contentDir, slug, `benchmark${round}b`, build, 'Hugo');
  return {
    buildMs: cold.hugo.ms,
    // The index process's wall time (Node's start included), as in the rebuild: a little more
    // than the time the index line reports, so Hugo's side is not flattered.
    indexMs: cold.index.ms,
    pages: countHtml(outDir),
    indexed: index.pages,
    peakBytes: cold.run.peakBytes,
    rebuildMs: rebuild.ms,
    rebuildPeakBytes: rebuild.peakBytes,
  };
}

type BenchSearch = (options: { url: string; path: string }) => Promise<SearchFigures>;

/** The reader's side, measured by src/tools/bench-search.ts when it is there (checked when run). */
async function loadBenchSearch(): Promise<BenchSearch | undefined> {
  const file = path.resolve(import.meta.dirname, '../src/tools/bench-search.ts');
  if (!fs.existsSync(file)) return undefined;
  const mod = (await import(pathToFileURL(file).href)) as { benchSearch?: BenchSearch };
  return mod.benchSearch;
}

async function measureReader(outDir: string, say: (line: string) => void): Promise<SearchFigures | undefined> {
  const benchSearch = await loadBenchSearch();
  if (!benchSearch) {
    say(
      enDa(
        bi(
          'Søgningen i browseren måles ikke: src/tools/bench-search.ts (benchSearch) findes ikke',
          'Search in the browser not measured: src/tools/bench-search.ts (benchSearch) does not exist',
        ),
      ),
    );
    return undefined;
  }
  const server = await serveSite({ dir: outDir });
  try {
    return await benchSearch({ url: server.url, path: `/${DIRECTORY.da}/` });
  } catch (err) {
    // The build figures are measured already; a browser that fails must not lose them.
    const message = err instanceof Error ? err.message : String(err);
    say(
      enDa(
        bi(
          `Søgningen i browseren kunne ikke måles: ${message}`,
          `Search in the browser could not be measured: ${message}`,
        ),
      ),
    );
    return undefined;
  } finally {
    await server.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const args = parseCli(argv, HELP, {
    members: { type: 'string' },
    runs: { type: 'string', default: '1' },
    compare: { type: 'string' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  });
  if (!args) return 0;
  const n = wholeNumber('--members', args.values.members, 1, 200_000);
  const runs = wholeNumber('--runs', args.values.runs, 1, 50);
  const compare = args.values.compare === undefined ? undefined : oneOf('--compare', args.values.compare, ['hugo']);
  const json = args.values.json;
  // With --json, stdout holds the result only.
  const say = (line: string) => (json ? console.error(line) : console.log(line));
  const source = contentFolder(undefined, 'bench');

  let hugo: string | undefined;
  if (compare === 'hugo') {
    hugo = hugoVersion();
    say(
      hugo ??
        enDa(
          bi(
            'Hugo er ikke installeret (intet "hugo" på PATH), så der sammenlignes ikke: installér det med apt-get install hugo. Vores tal måles alligevel',
            'Hugo is not installed (no "hugo" on the PATH), so there is no comparison: install it with apt-get install hugo. Our figures are measured all the same',
          ),
        ),
    );
  }

  doing(bi('lavede det syntetiske indhold', 'generating the synthetic content'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `mikronet-bench-${n}-`));
  try {
    const content = writeBenchContent(source, path.join(work, 'content'), n);
    say(`Generated ${content.files} files (${n} members, ${content.listed.length} listed) in ${work}`);
    // A listed member from the middle: its page exists in both sites.
    const slug = content.listed[Math.floor(content.listed.length / 2)];
    if (!slug)
      throw new UsageError(
        bi(
          'ingen af de syntetiske medlemmer er offentlige, så der er intet at ændre; vælg flere medlemmer',
          'None of the synthetic members is listed, so there is nothing to edit; choose more members',
        ),
      );
    if (hugo)
      fs.writeFileSync(path.join(work, 'hugo-run.json'), JSON.stringify(hugoRunConfig(content.dir, content.tax)));

    const ours: Round[] = [];
    const theirs: Round[] = [];
    let search: SearchFigures | undefined;
    for (let i = 1; i <= runs; i++) {
      doing(bi('byggede sitet', 'building the site'));
      say(`Round ${i}/${runs}: this project, cold build and one-edit rebuild …`);
      const r = await ourRound(work, content.dir, i, slug);
      ours.push(r);
      say(
        `  build ${(r.buildMs / 1000).toFixed(1)} s + index ${(r.indexMs / 1000).toFixed(1)} s, ${r.pages} pages, peak ${Math.round(r.peakBytes / 2 ** 20)} MiB; rebuild ${(r.rebuildMs / 1000).toFixed(1)} s`,
      );
      if (i === 1) {
        doing(bi('målte søgningen i browseren', 'measuring search in the browser'));
        search = await measureReader(path.join(work, `ours-${i}`, 'dist'), say);
      }
      if (hugo) {
        doing(bi('byggede Hugo-sitet', "building Hugo's site"));
        say(`Round ${i}/${runs}: Hugo, cold build and one-edit rebuild …`);
        const h = await hugoRound(work, content.dir, i, slug);
        theirs.push(h);
        say(
          `  build ${(h.buildMs / 1000).toFixed(1)} s + index ${(h.indexMs / 1000).toFixed(1)} s, ${h.pages} pages, peak ${Math.round(h.peakBytes / 2 ** 20)} MiB; rebuild ${(h.rebuildMs / 1000).toFixed(1)} s`,
        );
      }
      // Only the last round's builds are kept (--keep); 100,000 members make gigabytes.
      if (i < runs)
        for (const dir of [`ours-${i}`, `hugo-${i}`]) fs.rmSync(path.join(work, dir), { recursive: true, force: true });
    }

    const oursSummary: Summary = summarize(ours);
    const hugoSummary = hugo ? summarize(theirs) : undefined;
    if (json) {
      const result = {
        members: n,
        rounds: runs,
        ours: { ...oursSummary, runs: ours },
        ...(hugo && { hugo: { version: hugo, ...hugoSummary, runs: theirs } }),
        search: search ?? null,
      };
      console.log(JSON.stringify(result, null, 2));
    } else {
      console.log(`\n${report(n, oursSummary, hugoSummary, search)}`);
    }
    return 0;
  } catch (err) {
    if (!(err instanceof BuildFailed)) throw err;
    console.error(err.message);
    return 1;
  } finally {
    if (args.values.keep) say(`Kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

await runCli(HELP, main);
