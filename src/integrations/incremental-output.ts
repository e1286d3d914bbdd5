import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { filesUnder } from '../lib/files-under.ts';

/**
 * Keeps the output folder in step with an incremental build. Astro's incremental build
 * (`experimental.incrementalBuild`) leaves a page it does not render again where it is, so the
 * output folder is no longer emptied first (`vite.build.emptyOutDir: false`; emptying 22,000
 * files took 6–33 s at 10,000 members). What the previous build wrote and this one did not is
 * removed here, before the search index and the headers read the folder:
 * - pages no longer built (a deleted member), by the list of pages kept in the cache folder;
 * - files no longer in `public/` (a deleted picture), by the list of public files kept there;
 * - scripts and styles of an earlier build in `_astro/` (Vite writes all of them on every build,
 *   so what it did not write this time is older than the build).
 */

const MANIFEST = 'mikronet-output.json';

interface Manifest {
  version: 1;
  pages: string[];
  public: string[];
}

/** A page's name as Astro gives it (`medlemmer/x/`, ``, `404`, `rss.xml`) or its path (`/404/`) → the file it writes. */
export function pageFile(pathname: string): string {
  const p = pathname.replace(/^\/+/, '');
  // Astro writes its error pages as 404.html and 500.html whatever the build format.
  const error = /^(404|500)\/?$/.exec(p);
  if (error) return `${error[1]}.html`;
  if (p === '' || p.endsWith('/')) return `${p}index.html`;
  return /\.[a-z0-9]+$/i.test(p) ? p : `${p}/index.html`;
}

/** Removes a file and then each folder above it that became empty, up to (not including) `root`. */
function removeWithEmptyParents(root: string, rel: string): boolean {
  const abs = path.join(root, rel);
  if (!abs.startsWith(root + path.sep) || !fs.existsSync(abs)) return false;
  fs.rmSync(abs, { force: true });
  for (let dir = path.dirname(abs); dir.startsWith(root + path.sep); dir = path.dirname(dir)) {
    try {
      fs.rmdirSync(dir);
    } catch {
      break; // not empty
    }
  }
  return true;
}

/** What to remove from the output after a build, given what this and the previous build produced. */
export function staleFiles(before: Manifest | undefined, now: Omit<Manifest, 'version'>): string[] {
  if (!before) return [];
  const produced = new Set([...now.pages, ...now.public]);
  return [...before.pages, ...before.public].filter((f) => !produced.has(f));
}

export function incrementalOutput(): AstroIntegration {
  const dirs = { cache: '', public: '', out: '' };
  let started = 0;
  return {
    name: 'mikronet:incremental-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        dirs.cache = fileURLToPath(config.cacheDir);
        dirs.public = fileURLToPath(config.publicDir);
        dirs.out = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        started = Date.now();
        // Without a record of the previous build (a new or deleted cache folder) nothing can be
        // told stale later, and Astro renders every page anyway: start from an empty folder, as
        // a build without incremental output would.
        if (!fs.existsSync(path.join(dirs.cache, MANIFEST)) && dirs.out) {
          for (const entry of fs.existsSync(dirs.out) ? fs.readdirSync(dirs.out) : [])
            if (entry !== '.git') fs.rmSync(path.join(dirs.out, entry), { recursive: true, force: true });
        }
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const dist = path.resolve(fileURLToPath(dir));
        const manifestFile = path.join(dirs.cache, MANIFEST);
        let before: Manifest | undefined;
        try {
          const read = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
          if (read.version === 1) before = read;
        } catch {
          // First build with this cache folder.
        }
        const now = { pages: pages.map((p) => pageFile(p.pathname)), public: filesUnder(dirs.public) };
        let removed = 0;
        for (const rel of staleFiles(before, now)) if (removeWithEmptyParents(dist, rel)) removed++;
        // Vite wrote every current asset during this build; older ones belong to earlier builds.
        const assets = path.join(dist, '_astro');
        for (const rel of filesUnder(assets)) {
          if (
            fs.statSync(path.join(assets, rel)).mtimeMs < started - 1000 &&
            removeWithEmptyParents(dist, `_astro/${rel}`)
          )
            removed++;
        }
        fs.mkdirSync(dirs.cache, { recursive: true });
        fs.writeFileSync(manifestFile, JSON.stringify({ version: 1, ...now } satisfies Manifest));
        if (removed) logger.info(`removed ${removed} file(s) an earlier build wrote and this one did not`);
      },
    },
  };
}
