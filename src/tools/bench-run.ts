import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { watchPeakMemory } from './process-memory.ts';

/** One command run by the bench: how long it took, its process tree's peak memory, its output. */
export interface Timed {
  ms: number;
  peakBytes: number;
  code: number;
  log: string;
}

/** Runs a command to its end, timing it and sampling its process tree's memory (Linux /proc). */
export async function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Timed> {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  // Every 50 ms: a Hugo build of a few hundred milliseconds still gets several samples.
  const memory = watchPeakMemory(child.pid!, 50);
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const code = await new Promise<number>((resolve) => {
    child.on('error', () => resolve(127));
    child.on('close', (c) => resolve(c ?? 1));
  });
  const peakBytes = memory.stop();
  return { ms: Math.round(performance.now() - started), peakBytes, code, log };
}

/** Our site's build, exactly as the project runs it, into `outDir` with its own cache. */
export function astroBuild(contentDir: string, outDir: string, cacheDir: string): Promise<Timed> {
  return timed(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
    ...process.env,
    CONTENT_DIR: contentDir,
    OUT_DIR: outDir,
    ASTRO_CACHE_DIR: cacheDir,
    ASTRO_TELEMETRY_DISABLED: '1',
  });
}

const SEARCH_INDEX = pathToFileURL(path.resolve(import.meta.dirname, '../site/search-index.ts')).href;
const INDEX_LINE = pathToFileURL(path.resolve(import.meta.dirname, 'bench-report.ts')).href;

/**
 * Indexes a built folder with the same Pagefind call our build makes, in a process of its own so
 * its memory is measured as a tree like a build's; it prints the same index line our build logs.
 */
export function pagefindIndex(siteDir: string): Promise<Timed> {
  const script = `
    const { buildSearchIndex } = await import(${JSON.stringify(SEARCH_INDEX)});
    const { indexLine } = await import(${JSON.stringify(INDEX_LINE)});
    console.log(indexLine(await buildSearchIndex(process.argv[1])));`;
  return timed(process.execPath, ['--input-type=module', '-e', script, siteDir]);
}

/** HTML files in a built folder. */
export function countHtml(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile() && e.name.endsWith('.html')) n++;
  return n;
}
