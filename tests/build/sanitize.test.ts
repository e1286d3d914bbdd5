import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { astroBuild } from '../helpers/build.ts';
import { fileFor, htmlFiles } from '../helpers/dist.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { BODY_PAYLOADS, INERT_BODY_IDS, TEXT_PAYLOADS } from '../fixtures/security/catalogue.ts';

/**
 * Builds a small site whose every collection carries the payload catalogue (in bodies and in
 * front matter text), with the real Astro pipeline, and opens every page in Chromium: nothing
 * runs, nothing is fetched from elsewhere, and the markup holds nothing that could run.
 * The security headers are taken away first, so what is tested is the markup itself.
 */

const ORDINARY = '[Et godt link](https://mikronet.dk/) og **fed tekst**.';
const BODY = ['Hej.', ORDINARY, ...BODY_PAYLOADS.map((p) => p.text)].join('\n\n');
const t = (i: number) => JSON.stringify(TEXT_PAYLOADS[i % TEXT_PAYLOADS.length]);

const ENTRIES: Record<string, string> = {
  'members/hanne-hostil.md': `name: ${t(1)}\nbusiness: ${t(0)}\nservices: [${t(2)}, ${t(3)}]\ntrades: [it-data]\nmunicipality: lolland\njoined: 2020-01-01\nlisted: true\nemail: hanne@hostil.example`,
  'wiki/hostilt-netvaerk.md': `name: ${t(4)}\nkind: online\nmunicipalities: [lolland]\naudience: ${t(5)}\nmeets: ${t(6)}\nlast_verified: 2026-01-01`,
  'events/hostilt-moede.md': `title: ${t(7)}\ndescription: ${t(8)}\nstart: 2027-01-01T10:00\nlang: da\nprice: ${t(9)}\nvenue:\n  name: ${t(0)}\n  address: ${t(1)}\n  municipality: lolland`,
  'market/hostilt-opslag.md': `title: ${t(2)}\nkind: offer\nmember: hanne-hostil\ntrades: [it-data]\ndate: 2026-10-01\nexpires: 2030-01-01\nprice: ${t(3)}`,
  'blog/hostilt-indlaeg.md': `title: ${t(4)}\ndescription: ${t(5)}\ndate: 2026-10-01\nlang: da\nauthors: [hanne-hostil]\ntags: [hostil]\ncover: /media/x.png\ncover_alt: ${t(6)}`,
  'groups/hostil-gruppe.md': `name: ${t(7)}\ndescription: ${t(8)}\nkind: niche\nurl: https://grupper.example/hostil\nmeets_physically: false`,
  'pages/hostil-side.md': `title: ${t(9)}\nlang: da\ndescription: ${t(0)}`,
};
const PAGES_WITH_BODY = [
  '/medlemmer/hanne-hostil/',
  '/netvaerk/hostilt-netvaerk/',
  '/arrangementer/hostilt-moede/',
  '/marked/',
  '/blog/hostilt-indlaeg/',
  '/grupper/',
  '/hostil-side/',
];

let workDir: string;
let dist: string;
let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-sanitize-'));
  dist = path.join(workDir, 'dist');
  const content = path.join(workDir, 'content');
  fs.cpSync(path.join(import.meta.dirname, '../fixtures/empty-site'), content, { recursive: true });
  const settings = path.join(content, 'settings/site.yml');
  fs.writeFileSync(
    settings,
    fs.readFileSync(settings, 'utf8').replace(/^name: .*$/m, `name: ${JSON.stringify(`Mikronet ${TEXT_PAYLOADS[3]}`)}`),
  );
  for (const [rel, frontMatter] of Object.entries(ENTRIES)) {
    fs.mkdirSync(path.dirname(path.join(content, rel)), { recursive: true });
    fs.writeFileSync(path.join(content, rel), `---\n${frontMatter}\n---\n${BODY}\n`);
  }
  const { code, output } = await astroBuild({ CONTENT_DIR: content, OUT_DIR: dist, BUILD_NOW: '2026-11-24T12:00:00Z' });
  if (code !== 0) throw new Error(output.slice(-3000));
  // Without the CSP (header and meta), only the markup stands between a payload and the reader.
  fs.rmSync(path.join(dist, '_headers'), { force: true });
  for (const [rel, html] of htmlFiles(dist)) {
    fs.writeFileSync(path.join(dist, rel), html.replace(/<meta http-equiv="content-security-policy"[^>]*>/gi, ''));
  }
  site = await serveStatic(dist);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('untrusted Markdown bodies on the built site', () => {
  it.each(PAGES_WITH_BODY)('%s keeps ordinary Markdown (links, bold)', (p) => {
    const html = fs.readFileSync(fileFor(dist, p), 'utf8');
    expect(html).toContain('<a href="https://mikronet.dk/">Et godt link</a>');
    expect(html).toContain('<strong>fed tekst</strong>');
  });

  it.each(PAGES_WITH_BODY)('%s shows the payloads the check lets through, as text', (p) => {
    const html = fs.readFileSync(fileFor(dist, p), 'utf8');
    for (const id of INERT_BODY_IDS) expect(html, `payload ${id}`).toContain(`__x(${id})`);
  });

  it.each(PAGES_WITH_BODY)('%s holds no picture from elsewhere', (p) => {
    const html = fs.readFileSync(fileFor(dist, p), 'utf8');
    expect(html).toContain('<img');
    expect(html).not.toMatch(/<img[^>]+src="(?!\/media\/)/);
  });
});

describe('every page of a site full of payloads, in Chromium', () => {
  it('runs none of them, fetches nothing from elsewhere and has no markup that could run', async () => {
    const pages = htmlFiles(dist)
      .map(([rel]) => `/${rel.replace(/index\.html$/, '')}`)
      .filter((p) => !p.startsWith('/admin/'));
    expect(pages.length).toBeGreaterThan(20);
    expect(pages).toEqual(expect.arrayContaining(PAGES_WITH_BODY));
    const ran: string[] = [];
    const outside: string[] = [];
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const w = window as unknown as { __ran: unknown[]; __x: (n: unknown) => void };
      w.__ran = [];
      w.__x = (n) => w.__ran.push(n);
    });
    const page = await context.newPage();
    page.on('dialog', (d) => {
      ran.push(`dialog on ${page.url()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(site.url) && !r.url().startsWith('data:')) outside.push(`${page.url()} → ${r.url()}`);
    });
    const markup: string[] = [];
    for (const p of pages) {
      await page.goto(`${site.url}${p}`, { waitUntil: 'load' });
      const found = await page.evaluate(() => {
        const bad: string[] = [];
        for (const el of document.querySelectorAll('*')) {
          for (const a of el.attributes) {
            if (/^on/i.test(a.name)) bad.push(`${el.tagName} ${a.name}`);
            if (
              /^(href|src|action|formaction|xlink:href|data|srcdoc|background|poster|srcset)$/i.test(a.name) &&
              /^\s*(javascript|vbscript|data):/i.test(a.value)
            )
              bad.push(`${el.tagName} ${a.name}=${a.value}`);
          }
        }
        // The site's own forms and styles are in main; what a body renders is in .prose.
        const active = [
          'iframe',
          'object',
          'embed',
          'form',
          'input:not([type="checkbox"][disabled])',
          'style',
          'link',
          'meta',
          'base',
          'svg',
          'math',
          'script',
          'template',
        ]
          .map((tag) => `.prose ${tag}`)
          .concat('base', 'meta[http-equiv="refresh" i]')
          .join(', ');
        for (const el of document.querySelectorAll(active)) bad.push(`<${el.tagName.toLowerCase()}>`);
        for (const s of document.querySelectorAll('script')) {
          // JSON-LD is data the browser never runs: it may quote a hostile title, as long as it
          // stays JSON inside its element (its "<" are escaped, so none can close it).
          if (s.type === 'application/ld+json') {
            try {
              JSON.parse(s.textContent ?? '');
            } catch {
              bad.push('a JSON-LD block that is not JSON');
            }
            continue;
          }
          if (s.textContent?.includes('__x')) bad.push('a script with a payload');
        }
        if (typeof document.getElementById !== 'function') bad.push('document.getElementById clobbered');
        return { bad, ran: (window as unknown as { __ran: unknown[] }).__ran };
      });
      markup.push(...found.bad.map((b) => `${p}: ${b}`));
      ran.push(...found.ran.map((n) => `${p}: __x(${String(n)})`));
    }
    await context.close();
    expect(ran).toEqual([]);
    expect(outside).toEqual([]);
    expect(markup).toEqual([]);
  });
});

describe('a front matter that would run code', () => {
  it('stops the build before anything runs it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-jsfence-'));
    const marker = path.join(dir, 'marker');
    try {
      fs.cpSync(path.join(import.meta.dirname, '../fixtures/empty-site'), path.join(dir, 'content'), {
        recursive: true,
      });
      fs.mkdirSync(path.join(dir, 'content/wiki'));
      const js = `{ name: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'), 'Netværk'), kind: 'online', municipalities: ['lolland'], audience: 'Alle', last_verified: '2026-01-01' }`;
      fs.writeFileSync(path.join(dir, 'content/wiki/js-netvaerk.md'), `---js\n${js}\n---\nTekst\n`);
      const { code, output } = await astroBuild({
        CONTENT_DIR: path.join(dir, 'content'),
        OUT_DIR: path.join(dir, 'dist'),
      });
      expect(code).not.toBe(0);
      expect(output).toMatch(/wiki\/js-netvaerk\.md:1: the front matter starts with "---js"/);
      expect(fs.existsSync(marker)).toBe(false);
      expect(fs.existsSync(path.join(dir, 'dist/index.html'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
