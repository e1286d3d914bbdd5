import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIST } from './global-setup.ts';
import { headersFor, readHeaderRules, type HeaderRule } from '../../src/tools/static-server.ts';

/**
 * The CMS script is not part of Astro's client build: it is built apart (and cached) and copied
 * into the site under /admin/assets/, where Decap's header rule covers it.
 */

let html: string;
let script: string;
let rules: HeaderRule[];

beforeAll(async () => {
  html = fs.readFileSync(path.join(TEST_DIST, 'admin/index.html'), 'utf8');
  script = /<script type="module" src="([^"]+)"><\/script>/.exec(html)?.[1] ?? '';
  rules = await readHeaderRules(path.join(TEST_DIST, '_headers'));
});

describe('the admin bundle in the built site', () => {
  it('the admin page loads one prebuilt module script from /admin/assets/, and the file is there', () => {
    expect(script).toMatch(/^\/admin\/assets\/admin\.[\w-]+\.js$/);
    expect(fs.statSync(path.join(TEST_DIST, script)).size).toBeGreaterThan(1_000_000);
    // The generated config is still inlined as data, with no other script on the page.
    expect(html).toContain('<script type="application/json" id="cms-setup">');
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('every chunk the admin script imports is in the site', () => {
    const dir = path.join(TEST_DIST, 'admin/assets');
    const files = new Set(fs.readdirSync(dir));
    const main = fs.readFileSync(path.join(TEST_DIST, script), 'utf8');
    // Dynamic imports (`./x.js`) and the preload list (base-relative "assets/x.js").
    const imported = [...main.matchAll(/["'`](?:\.\/|assets\/)([\w.-]+\.(?:js|css|wasm))["'`]/g)].map((m) => m[1]);
    expect(imported.some((f) => f.startsWith('save.'))).toBe(true);
    expect(imported.filter((f) => !files.has(f))).toEqual([]);
  });

  it("Astro's own client build holds only the site's small files: Decap is not in /_astro/", () => {
    const astro = path.join(TEST_DIST, '_astro');
    const files = fs.existsSync(astro) ? fs.readdirSync(astro) : [];
    const big = files.filter((f) => fs.statSync(path.join(astro, f)).size > 50_000);
    expect(big).toEqual([]);
    expect(files.filter((f) => /decap|save\./i.test(f))).toEqual([]);
  });

  it("the admin bundle's files are served under Decap's policy, not the site's", () => {
    const csp = (p: string) => headersFor(rules, p)['Content-Security-Policy'] ?? '';
    expect(csp(script)).toBe(csp('/admin/'));
    expect(csp(script)).toContain("'unsafe-eval'");
  });
});
