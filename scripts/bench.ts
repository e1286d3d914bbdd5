#!/usr/bin/env node
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentFolder, doing, parseCli, runCli, wholeNumber } from '../src/lib/cli.ts';
import { readTaxonomies } from '../src/lib/content/taxonomies.ts';
import { syntheticContent } from '../src/tools/synthetic.ts';
import { buildSearchIndex } from '../src/site/search-index.ts';
import { watchPeakMemory } from '../src/tools/process-memory.ts';
import { bi, enDa } from '../src/schemas/meta.ts';

const HELP = `Usage: npm run bench -- --members N [--runs R] [--keep]

Generates N synthetic members (plus N/20 posts, N/30 wiki entries, N/50 events and
N/50 market entries) in a temporary folder — never in content/ — then builds the site
and its Pagefind index from there, cold, and prints:
  cold build time, index time, pages per second and peak memory (build process tree).
With --runs R it repeats the cold build R times and reports medians.

Options:
  --members N   number of members (required, 1–100000)
  --runs R      repetitions, default 1 (at most 50)
  --keep        keep the temporary folder and print its path
  -h, --help    this text

Exit codes: 0 ok, 1 build failed (or the content folder could not be read), 2 usage error.`;

/** The site did not build: its log is the message, printed as it is. */
class BuildFailed extends Error {}

interface Run {
  buildMs: number;
  indexMs: number;
  pages: number;
  peakBuildBytes: number;
  peakIndexBytes: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function countHtml(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile() && e.name.endsWith('.html')) n++;
  return n;
}

async function coldBuild(work: string, run: number): Promise<Run> {
  const outDir = path.join(work, `dist-${run}`);
  const cacheDir = path.join(work, `cache-${run}`);
  const started = performance.now();
  const child = spawn(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
    env: {
      ...process.env,
      CONTENT_DIR: path.join(work, 'content'),
      OUT_DIR: outDir,
      ASTRO_CACHE_DIR: cacheDir,
      SKIP_SEARCH_INDEX: '1',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const memory = watchPeakMemory(child.pid!);
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const peakBuildBytes = memory.stop();
  const buildMs = performance.now() - started;
  if (code !== 0) throw new BuildFailed(`${enDa(bi('bygningen mislykkedes', 'build failed'))}:\n${log.slice(-3000)}`);
  const indexMemory = watchPeakMemory(process.pid);
  const index = await buildSearchIndex(outDir);
  const peakIndexBytes = indexMemory.stop();
  return { buildMs, indexMs: index.ms, pages: countHtml(outDir), peakBuildBytes, peakIndexBytes };
}

async function main(argv: string[]): Promise<number> {
  const args = parseCli(argv, HELP, {
    members: { type: 'string' },
    runs: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  });
  if (!args) return 0;
  const n = wholeNumber('--members', args.values.members, 1, 100_000);
  const runs = wholeNumber('--runs', args.values.runs, 1, 50);
  const source = contentFolder(undefined, 'bench');
  doing(bi('lavede det syntetiske indhold', 'generating the synthetic content'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `mikronet-bench-${n}-`));
  try {
    const content = path.join(work, 'content');
    // The real taxonomies, settings, groups and pages; everything else synthetic.
    for (const dir of ['taxonomies', 'settings', 'groups', 'pages']) {
      fs.cpSync(path.join(source, dir), path.join(content, dir), { recursive: true });
    }
    const tax = readTaxonomies(source);
    // Groups may name sample members as contacts; the synthetic members replace them.
    for (const f of fs.readdirSync(path.join(content, 'groups'))) {
      const file = path.join(content, 'groups', f);
      fs.writeFileSync(
        file,
        fs
          .readFileSync(file, 'utf8')
          .replace(/^contacts:\n(?:\s+- .*\n)*/m, '')
          .replace(/^contacts: \[.*\]\n/m, ''),
      );
    }
    const files = syntheticContent(n, tax);
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(content, f.path)), { recursive: true });
      fs.writeFileSync(path.join(content, f.path), f.text);
    }
    console.log(`Generated ${files.length} files (${n} members) in ${work}`);
    const results: Run[] = [];
    doing(bi('byggede sitet', 'building the site'));
    for (let i = 1; i <= runs; i++) {
      console.log(`Cold build ${i}/${runs} …`);
      const r = await coldBuild(work, i);
      results.push(r);
      console.log(
        `  build ${sec(r.buildMs)}, index ${sec(r.indexMs)}, ${r.pages} pages, peak ${mib(r.peakBuildBytes)}`,
      );
    }
    const m = (f: (r: Run) => number) => median(results.map(f));
    const buildMs = m((r) => r.buildMs);
    console.log(`
members            ${n}
pages              ${results[0].pages}
cold build         ${sec(buildMs)}   (median of ${runs})
search index       ${sec(m((r) => r.indexMs))}
pages per second   ${(results[0].pages / (buildMs / 1000)).toFixed(0)}   (build only)
peak memory        ${mib(m((r) => r.peakBuildBytes))} build, ${mib(m((r) => r.peakIndexBytes))} index (process trees)`);
    return 0;
  } catch (err) {
    if (!(err instanceof BuildFailed)) throw err;
    console.error(err.message);
    return 1;
  } finally {
    if (args.values.keep) console.log(`Kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

await runCli(HELP, main);
