import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild } from '../helpers/build.ts';
import { fileFor } from '../helpers/dist.ts';

/**
 * Builds a small site whose member, wiki, event and market bodies carry hostile HTML, with the
 * real Astro pipeline, and checks what reaches the pages.
 */
const HOSTILE = [
  'Hej.',
  '',
  '<script>document.title = "pwned"</script>',
  '',
  '<img src="/media/x.png" alt="x" onerror="alert(1)">',
  '',
  '<p onclick="alert(2)" onmouseover="alert(3)">Klik her</p>',
  '',
  '[Mit link](javascript:alert(4)) og <a href="javascript:alert(5)">et andet</a> og <a href="JaVaScRiPt:alert(6)">et tredje</a>',
  '',
  '<iframe src="https://evil.example/"></iframe>',
  '',
  '<object data="evil.swf"></object><embed src="evil.swf"><style>body{display:none}</style>',
  '',
  '<form action="https://evil.example/"><input name="pw"></form>',
  '',
  '[Et godt link](https://mikronet.dk/) og **fed tekst**.',
].join('\n');

let workDir: string;
let dist: string;

function write(rel: string, frontMatter: string) {
  const file = path.join(workDir, 'content', rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `---\n${frontMatter.trim()}\n---\n${HOSTILE}\n`);
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-sanitize-'));
  dist = path.join(workDir, 'dist');
  fs.cpSync(path.join(import.meta.dirname, 'fixtures/minimal'), path.join(workDir, 'content'), { recursive: true });
  write('members/hanne-hostil.md', 'name: Hanne Hostil\ntrades: [it-data]\nmunicipality: lolland\njoined: 2020-01-01\nlisted: true');
  write('wiki/hostilt-netvaerk.md', 'name: Hostilt netværk\nkind: online\nmunicipalities: [lolland]\naudience: Alle\nlast_verified: 2026-01-01');
  write('events/hostilt-moede.md', 'title: Hostilt møde\ndescription: Et møde.\nstart: 2027-01-01T10:00\nlang: da\nonline_url: https://meet.example/x');
  write('market/hostilt-opslag.md', 'title: Hostilt opslag\nkind: offer\nmember: hanne-hostil\ntrades: [it-data]\ndate: 2026-10-01\nexpires: 2030-01-01');
  const { code, output } = await astroBuild({ CONTENT_DIR: path.join(workDir, 'content'), OUT_DIR: dist, BUILD_NOW: '2026-11-24T12:00:00Z' });
  if (code !== 0) throw new Error(output.slice(-3000));
});

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

const pages = ['/medlemmer/hanne-hostil/', '/netvaerk/hostilt-netvaerk/', '/arrangementer/hostilt-moede/', '/marked/'];
const prose = (p: string) => {
  const html = fs.readFileSync(fileFor(dist, p), 'utf8');
  const bodies = [...html.matchAll(/<div class="prose"[^>]*>([\s\S]*?)<\/div>/g)].map((m) => m[1]);
  expect(bodies.length, p).toBeGreaterThan(0);
  return bodies.join('\n');
};

describe('untrusted Markdown bodies', () => {
  it.each(pages)('%s: keep ordinary Markdown (links, bold)', (p) => {
    const html = prose(p);
    expect(html).toContain('<a href="https://mikronet.dk/">Et godt link</a>');
    expect(html).toContain('<strong>fed tekst</strong>');
  });

  it.each(pages)('%s: lose <script> and <style> elements', (p) => {
    expect(prose(p)).not.toMatch(/<script|<style/i);
  });

  it.each(pages)('%s: lose event-handler attributes', (p) => {
    expect(prose(p)).not.toMatch(/\son\w+\s*=/i);
  });

  it.each(pages)('%s: lose javascript: URLs in any spelling', (p) => {
    expect(prose(p)).not.toMatch(/javascript:/i);
  });

  it.each(pages)('%s: lose iframes, objects, embeds and forms', (p) => {
    expect(prose(p)).not.toMatch(/<(iframe|object|embed|form|input)\b/i);
  });
});
