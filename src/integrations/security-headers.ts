import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  adminPolicy,
  formatHeadersFile,
  headerRules,
  mergeCode,
  pageCode,
  productionUsesPopups,
  sitePolicy,
  withMetaPolicy,
  withoutOverlaps,
  type InlineCode,
} from '../lib/csp.ts';

/** Every HTML file of the build, relative to it, except uploads (they get the media policy). */
function htmlFiles(dist: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dist, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (!['media', 'pagefind', '_astro'].includes(child)) walk(child);
      } else if (entry.isFile() && entry.name.endsWith('.html')) out.push(child);
    }
  };
  walk('');
  return out;
}

export interface SecurityHeadersReport {
  sitePages: number;
  scriptHashes: number;
  styleHashes: number;
  rules: number;
}

/**
 * Reads the finished site, hashes the inline code it emits, writes `dist/_headers` and puts the
 * site policy into each site page as a <meta> (for hosts that ignore `_headers`).
 */
export async function writeSecurityHeaders(dist: string, env: NodeJS.ProcessEnv): Promise<SecurityHeadersReport> {
  const target = path.join(dist, '_headers');
  if (fs.existsSync(target)) {
    throw new Error(
      `${target} exists (copied from public/_headers?): the headers are generated from src/lib/csp.ts; move those rules there and delete public/_headers — ` +
        `${target} findes allerede (fra public/_headers?): headerne laves ud fra src/lib/csp.ts; flyt reglerne dertil, og slet public/_headers`,
    );
  }
  const admin: InlineCode[] = [];
  const site: InlineCode[] = [];
  const metaAt = new Map<string, number>();
  for (const file of htmlFiles(dist)) {
    const code = pageCode(fs.readFileSync(path.join(dist, file), 'utf8'));
    if (file.startsWith('admin/')) admin.push(code);
    else {
      site.push(code);
      if (code.metaOffset !== undefined) metaAt.set(file, code.metaOffset);
    }
  }
  const siteCode = mergeCode(site);
  const policy = sitePolicy(siteCode);
  const entries = fs
    .readdirSync(dist, { withFileTypes: true })
    .map((e) => ({ name: e.name, directory: e.isDirectory() }));
  const rules = await withoutOverlaps(
    headerRules(entries, {
      site: policy,
      admin: adminPolicy(env, mergeCode(admin)),
      adminPopups: productionUsesPopups(env),
    }),
  );
  for (const [file, offset] of metaAt) {
    const abs = path.join(dist, file);
    fs.writeFileSync(abs, withMetaPolicy(fs.readFileSync(abs, 'utf8'), offset, policy));
  }
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
  return {
    name: 'mikronet:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const r = await writeSecurityHeaders(fileURLToPath(dir), process.env);
        logger.info(
          `_headers: ${r.rules} rules; the CSP of ${r.sitePages} pages allows ${r.scriptHashes} inline scripts and ${r.styleHashes} inline styles by hash ` +
            `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      },
    },
  };
}
