import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBenchContent, type BenchContent } from '../../src/tools/bench-content.ts';
import { hugoBuildArgs, hugoRunConfig, hugoVersion } from '../../src/tools/bench-hugo.ts';
import { DIRECTORY_PAGE_SIZE } from '../../src/site/routes.ts';

const source = path.resolve(import.meta.dirname, '../../content');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-hugo-'));
let content: BenchContent;
beforeAll(() => {
  content = writeBenchContent(source, path.join(dir, 'content'), 110);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the Hugo site's run config", () => {
  it('mounts the members once per language at the path of our directory, with our page size and segment', () => {
    const config = hugoRunConfig('/tmp/x/content', content.tax);
    expect(config.module.mounts).toEqual([
      { source: '/tmp/x/content/members', target: 'content/medlemmer', lang: 'da' },
      { source: '/tmp/x/content/members', target: 'content/members', lang: 'en' },
    ]);
    expect(config.paginate).toBe(DIRECTORY_PAGE_SIZE);
    expect(config.languages.da.paginatePath).toBe('side');
    expect(config.languages.en.paginatePath).toBe('page');
  });

  it('gives the layouts the words our pages show, in each language, with lower-case keys as Hugo reads them', () => {
    const { da, en } = hugoRunConfig('/c', content.tax).languages;
    expect(da.params.labels).toMatchObject({ type: 'Medlem', back: 'Alle medlemmer', opento: 'Åben for' });
    expect(en.params.labels).toMatchObject({ type: 'Member', back: 'All members', opento: 'Open to' });
    expect(da.params.trades['it-data']).toBe('IT og databehandling');
    expect(en.params.trades['it-data']).toBe('IT and data processing');
    expect(da.params.places.guldborgsund).toBe('Guldborgsund');
    expect(en.params.regions.guldborgsund).toBe('Region Zealand');
    expect(da.params.opento.samarbejde).toBe('Samarbejde');
    expect(da.params.languagenames.en).toBe('engelsk');
    for (const lang of [da, en]) for (const key of Object.keys(lang.params.labels)) expect(key).toBe(key.toLowerCase());
  });
});

describe.skipIf(!hugoVersion())('the Hugo site, built by Hugo', () => {
  const out = path.join(dir, 'public');
  const page = (p: string) => fs.readFileSync(path.join(out, p, 'index.html'), 'utf8');
  beforeAll(() => {
    const config = path.join(dir, 'hugo-run.json');
    fs.writeFileSync(config, JSON.stringify(hugoRunConfig(content.dir, content.tax)));
    const run = spawnSync('hugo', hugoBuildArgs(config, out, path.join(dir, 'cache')), { encoding: 'utf8' });
    expect(run.stderr + run.stdout).toBe('');
    expect(run.status).toBe(0);
  });

  it('builds every listed member at /medlemmer/<slug>/ and /en/members/<slug>/, in its language', () => {
    for (const slug of content.listed) {
      expect(page(`medlemmer/${slug}`)).toMatch(/^<!doctype html>\n<html lang="da">/);
      expect(page(`en/members/${slug}`)).toMatch(/^<!doctype html>\n<html lang="en">/);
    }
  });

  it('builds no page for an unlisted member', () => {
    const unlisted = fs
      .readdirSync(path.join(content.dir, 'members'))
      .map((f) => f.replace(/\.md$/, ''))
      .filter((slug) => !content.listed.includes(slug));
    expect(unlisted.length).toBeGreaterThan(0);
    for (const slug of unlisted) {
      expect(fs.existsSync(path.join(out, 'medlemmer', slug))).toBe(false);
      expect(fs.existsSync(path.join(out, 'en/members', slug))).toBe(false);
    }
  });

  it('marks a member page for Pagefind as ours does: body, type, trade, municipality, region, open to, language', () => {
    const html = page(`en/members/${content.listed[0]}`);
    expect(html).toContain('data-pagefind-body data-pagefind-filter="type:Member"');
    expect(html).toContain('data-pagefind-meta="title" data-pagefind-sort="name"');
    for (const filter of ['trade', 'municipality', 'region', 'open_to', 'language'])
      expect(html).toContain(`data-pagefind-filter="${filter}"`);
  });

  it('pages the directory by our page size, sorted by name, at side/n/ and page/n/', () => {
    const pages = Math.ceil(content.listed.length / DIRECTORY_PAGE_SIZE);
    expect(pages).toBe(3);
    const cards = (html: string) => [...html.matchAll(/<h3><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    const first = cards(page('medlemmer'));
    expect(first).toHaveLength(DIRECTORY_PAGE_SIZE);
    expect(first).toEqual(first.toSorted((a, b) => a.localeCompare(b, 'da')));
    expect(cards(page('medlemmer/side/3'))).toHaveLength(content.listed.length - 2 * DIRECTORY_PAGE_SIZE);
    expect(cards(page('en/members/page/2'))).toHaveLength(DIRECTORY_PAGE_SIZE);
    expect(page('en/members')).toMatch(/<html lang="en">[\s\S]*<h1>Members<\/h1>/);
  });
});
