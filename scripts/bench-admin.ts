#!/usr/bin/env node
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { doing, parseCli, runCli, UsageError, wholeNumber } from '../src/lib/cli.ts';
import { contentDir } from '../src/lib/content/paths.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { bi, enDa } from '../src/schemas/meta.ts';

const HELP = `Usage: npm run bench:admin [-- --runs N] [--dist DIR]

Measures the CMS admin page (/admin/):
  - the page and every JS and CSS file it loads when opened, raw and gzip-compressed;
  - the time until Decap's login button shows, in headless Chromium with a cold cache
    (median of N loads).
Without --dist it first builds the site into a temporary folder, with only the taxonomy
and settings files of the content folder (the admin page needs nothing else).

Options:
  --runs N     page loads to take the median of (default 5)
  --dist DIR   measure an existing build instead of building
  -h, --help   this text

Exit codes: 0 ok, 1 build or page failed (or no built site at --dist), 2 usage error.`;

const ROOT = path.resolve(import.meta.dirname, '..');
const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function build(outDir: string, work: string): Promise<boolean> {
  const content = path.join(work, 'content');
  for (const part of ['taxonomies', 'settings'])
    fs.cpSync(path.join(contentDir(), part), path.join(content, part), { recursive: true });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      env: {
        ...process.env,
        CONTENT_DIR: content,
        OUT_DIR: outDir,
        ASTRO_CACHE_DIR: path.join(work, 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}

interface Asset {
  path: string;
  raw: number;
  gzip: number;
}

async function main(argv: string[]): Promise<number> {
  const args = parseCli(argv, HELP, { runs: { type: 'string', default: '5' }, dist: { type: 'string' } });
  if (!args) return 0;
  const runs = wholeNumber('--runs', args.values.runs, 1, 50);
  if (args.values.dist !== undefined && !args.values.dist.trim())
    throw new UsageError(bi('--dist skal have en mappe', '--dist needs a folder'));

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-admin-'));
  try {
    let dist = args.values.dist ? path.resolve(args.values.dist) : path.join(work, 'dist');
    if (!args.values.dist) {
      console.error(enDa(bi('bygger sitet…', 'Building the site…')));
      doing(bi('byggede sitet', 'building the site'));
      if (!(await build(dist, work))) {
        console.error(
          enDa(bi('bygningen mislykkedes (se beskederne ovenfor)', 'The build failed (its messages are above)')),
        );
        return 1;
      }
    }
    dist = fs.realpathSync(dist);
    if (!fs.existsSync(path.join(dist, 'admin/index.html'))) {
      console.error(
        enDa(
          bi(
            'ingen admin/index.html her; angiv et bygget site',
            `${dist}: no admin/index.html here; give a built site (npm run build)`,
          ),
        ),
      );
      return 1;
    }
    doing(bi('målte admin-siden i Chromium', 'measuring the admin page in Chromium'));

    const server = await serveStatic(dist);
    const browser = await launchChromium();
    try {
      const loaded = new Set<string>();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        // A new context per load: nothing cached.
        const context = await browser.newContext();
        const page = await context.newPage();
        page.on('response', (r) => {
          const url = new URL(r.url());
          if (url.origin === server.url && /\.(js|css|wasm)$/.test(url.pathname)) loaded.add(url.pathname);
        });
        const started = performance.now();
        await page.goto(`${server.url}/admin/`);
        await page.getByRole('button', { name: 'Log ind' }).waitFor({ timeout: 60_000 });
        times.push(performance.now() - started);
        await context.close();
      }
      // The page itself carries the generated CMS config inline.
      const assets: Asset[] = ['/admin/index.html', ...[...loaded].sort()].map((p) => {
        const bytes = fs.readFileSync(path.join(dist, p));
        return { path: p, raw: bytes.length, gzip: gzipSync(bytes).length };
      });
      const raw = assets.reduce((n, a) => n + a.raw, 0);
      const gzip = assets.reduce((n, a) => n + a.gzip, 0);
      console.log('Admin page /admin/ — the page and the files it loads on opening:');
      for (const a of assets) console.log(`  ${a.path}  ${kib(a.raw)} raw, ${kib(a.gzip)} gzip`);
      console.log(`  total: ${assets.length} files, ${kib(raw)} raw, ${kib(gzip)} gzip`);
      console.log(
        `Load time until the login button shows (headless Chromium, cold cache, ${runs} loads): median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
      );
    } finally {
      await browser.close();
      await server.close();
    }
    return 0;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await runCli(HELP, main);
