import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, ROOT } from '../helpers/build.ts';

/**
 * An incremental build (the same output and cache folder as the build before it) must give
 * exactly the site a build from scratch gives for the same content: every page, feed, header
 * file and search index file, byte for byte. The edits touch what other pages show (a member
 * who wrote posts, an event, a new and a deleted member), so a row whose `inputs` forgot
 * something its view reads would leave a stale page and fail here.
 */

const BUILD_NOW = '2026-11-20T12:00:00+01:00';
const work = fs.mkdtempSync(path.join(ROOT, '.tmp', 'incremental-'));
const content = fs.mkdtempSync(path.join(os.tmpdir(), 'incremental-content-'));
const incremental = { OUT_DIR: path.join(work, 'site'), ASTRO_CACHE_DIR: path.join(work, 'cache') };

const build = async (env: Record<string, string>) => {
  const r = await astroBuild({ CONTENT_DIR: content, BUILD_NOW, ...env });
  if (r.code !== 0) throw new Error(`build failed:\n${r.output.slice(-3000)}`);
  return r.output;
};

/** Every file of a built site but Vite's hashed assets, as relative path → bytes. */
function siteFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const rel = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
    if (rel.startsWith('.prerender/')) continue;
    out.set(rel, fs.readFileSync(path.join(dir, rel)));
  }
  return out;
}

const file = (rel: string) => path.join(content, rel);
const edit = (rel: string, from: RegExp, to: string) => {
  const text = fs.readFileSync(file(rel), 'utf8');
  expect(text, rel).toMatch(from);
  fs.writeFileSync(file(rel), text.replace(from, to));
};

let rebuildLog = '';

beforeAll(async () => {
  fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  await build(incremental);
  // A member who wrote posts changes name: their page, their posts' bylines, blog lists, the directory.
  edit('members/ida-kjaer.md', /^name: .*$/m, 'name: Ida Kjær Holm');
  // An event changes title: its page, the events list, the home page, its network's page.
  const event = fs.readdirSync(file('events')).find((f) => f.endsWith('.md'))!;
  edit(`events/${event}`, /^title: .*$/m, 'title: Et nyt navn til arrangementet');
  // A new member, and one nobody refers to is deleted.
  fs.writeFileSync(
    file('members/zenia-test-nyt-medlem.md'),
    fs.readFileSync(file('members/aase-thomsen.md'), 'utf8').replace(/^name: .*$/m, 'name: Zenia Nyt-Medlem'),
  );
  const others = fs
    .readdirSync(content, { recursive: true })
    .map(String)
    .filter((f) => !f.startsWith('members/') && f.endsWith('.md'))
    .map((f) => fs.readFileSync(file(f), 'utf8'))
    .join('\n');
  const unreferenced = fs
    .readdirSync(file('members'))
    .map((f) => f.replace(/\.md$/, ''))
    .find((slug) => !others.includes(slug) && slug !== 'zenia-test-nyt-medlem' && slug !== 'ida-kjaer')!;
  expect(unreferenced).toBeTruthy();
  fs.rmSync(file(`members/${unreferenced}.md`));
  rebuildLog = await build(incremental);
  await build({ OUT_DIR: path.join(work, 'scratch'), ASTRO_CACHE_DIR: path.join(work, 'scratch-cache') });
}, 240_000);

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(content, { recursive: true, force: true });
});

describe('an incremental build', () => {
  it('renders only some pages again and keeps the rest (so the comparison below means something)', () => {
    // Astro logs each page's file ("├─ /medlemmer/x/index.html"), then "(cached)"/"(restored)" or
    // its render time; with several pages in flight the two need not meet on one line, so the
    // pages are counted apart. Endpoints (feeds, calendars, data files) are rendered every build
    // and are not pages: only .html files count.
    const kept = rebuildLog.match(/\(cached\)|\(restored\)/g)?.length ?? 0;
    const pages = rebuildLog.match(/├─ \S+\.html\b/g)?.length ?? 0;
    const rendered = pages - kept;
    expect(kept).toBeGreaterThan(100);
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(kept);
  });

  it('gives byte for byte the site a build from scratch gives: pages, feeds, headers, search index', () => {
    expectSameSite(incremental.OUT_DIR, path.join(work, 'scratch'));
  });

  it('restores the same site from its cache folder when the output folder is gone (a host that keeps only the cache)', async () => {
    fs.rmSync(incremental.OUT_DIR, { recursive: true, force: true });
    // Without the record of the pages' inline code too: it is read again from the restored pages.
    fs.rmSync(path.join(incremental.ASTRO_CACHE_DIR, 'mikronet-inline-code.json'));
    const log = await build(incremental);
    expect(log.match(/\(restored\)/g)?.length ?? 0).toBeGreaterThan(100);
    expectSameSite(incremental.OUT_DIR, path.join(work, 'scratch'));
  }, 120_000);
});

function expectSameSite(dir: string, reference: string) {
  const a = siteFiles(dir);
  const b = siteFiles(reference);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  const differ = [...a].filter(([rel, bytes]) => !bytes.equals(b.get(rel)!)).map(([rel]) => rel);
  expect(differ).toEqual([]);
}
