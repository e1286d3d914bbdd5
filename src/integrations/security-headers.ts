import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  adminPolicy,
  formatHeadersFile,
  headerRules,
  mergeCode,
  productionUsesPopups,
  sitePolicy,
  withoutOverlaps,
} from '../lib/csp.ts';
import { collectInlineCode, startCollecting } from './inline-code.ts';

export interface SecurityHeadersReport {
  sitePages: number;
  scriptHashes: number;
  styleHashes: number;
  rules: number;
}

/**
 * Writes `dist/_headers` from the inline code of every page (gathered while the pages were
 * rendered, see src/integrations/inline-code.ts; each page already carries its `<meta>` policy).
 */
export async function writeSecurityHeaders(
  dist: string,
  env: NodeJS.ProcessEnv,
  dirs: { cacheDir: string; publicDir: string },
  pages: string[],
): Promise<SecurityHeadersReport> {
  const target = path.join(dist, '_headers');
  const own = path.join(dirs.publicDir, '_headers');
  if (fs.existsSync(own)) {
    throw new Error(
      `${own} exists: the headers are generated from src/lib/csp.ts; move those rules there and delete ${own} — ` +
        `${own} findes: headerne laves ud fra src/lib/csp.ts; flyt reglerne dertil, og slet filen`,
    );
  }
  const cacheDir = dirs.cacheDir;
  const { site, admin, missing } = collectInlineCode(cacheDir, pages, path.resolve(dist));
  if (missing.length) {
    // A page Astro says it built but whose file is not there: its policy cannot be known.
    throw new Error(
      `The inline code of ${missing.length} page(s) is unknown (${missing.slice(0, 3).join(', ')}): delete the Astro cache folder (${cacheDir}) and build again — ` +
        `${missing.length} side(r)s inline-kode kendes ikke: slet Astros cache-mappe og byg igen`,
    );
  }
  const siteCode = mergeCode(site);
  const policy = sitePolicy(siteCode);
  const entries = fs
    .readdirSync(dist, { withFileTypes: true })
    .map((e) => ({ name: e.name, directory: e.isDirectory() }));
  const rules = await withoutOverlaps([
    ...headerRules(entries, {
      site: policy,
      admin: adminPolicy(env, mergeCode(admin)),
      adminPopups: productionUsesPopups(env),
    }),
    // Open data (src/site/open-data.ts) is for other sites' pages to fetch.
    { for: '/data/*', values: { 'Access-Control-Allow-Origin': '*' } },
    // Calendar files (src/site/calendar.ts) are UTF-8; a host's type for .ics names no charset.
    { for: '/*.ics', values: { 'Content-Type': 'text/calendar; charset=utf-8' } },
  ]);
  fs.writeFileSync(target, formatHeadersFile(rules));
  return {
    sitePages: site.length,
    scriptHashes: new Set(siteCode.scripts).size,
    styleHashes: new Set([...siteCode.styles, ...siteCode.styleAttributes]).size,
    rules: rules.length,
  };
}

/** After the build (and after the search index, so Pagefind's files are covered): `dist/_headers`. */
export function securityHeaders(): AstroIntegration {
  const dirs = { cacheDir: '', publicDir: '' };
  return {
    name: 'mikronet:security-headers',
    hooks: {
      'astro:build:start': () => startCollecting(),
      'astro:config:done': ({ config }) => {
        dirs.cacheDir = fileURLToPath(config.cacheDir);
        dirs.publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const started = performance.now();
        const r = await writeSecurityHeaders(
          fileURLToPath(dir),
          process.env,
          dirs,
          pages.map((p) => p.pathname),
        );
        logger.info(
          `_headers: ${r.rules} rules; the CSP of ${r.sitePages} pages allows ${r.scriptHashes} inline scripts and ${r.styleHashes} inline styles by hash ` +
            `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      },
    },
  };
}
