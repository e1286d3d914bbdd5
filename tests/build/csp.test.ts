import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIST } from './global-setup.ts';
import { ROOT } from '../helpers/build.ts';
import { launchChromium } from '../helpers/browser.ts';
import { NO_REPORTS, reports, watchedContext, type PolicyWatch } from '../helpers/csp-watch.ts';
import {
  headersFor,
  readHeaderRules,
  serveSite,
  type HeaderRule,
  type SiteServer,
} from '../../src/tools/static-server.ts';
import { validateContent, type ValidEntry } from '../../src/lib/content/validate.ts';
import { slugify } from '../../src/lib/slug.ts';
import { tagPath } from '../../src/i18n/urls.ts';
import { hashSource, pageCode } from '../../src/lib/csp.ts';

/**
 * The built site served as Netlify serves it (with the generated `_headers`), in Chromium: every
 * kind of page works under its Content-Security-Policy, nothing can frame the site or the CMS,
 * and a script in an uploaded SVG does not run.
 */

const contentDir = process.env.CONTENT_DIR || path.join(ROOT, 'content');
let site: SiteServer;
let browser: Browser;
let rules: HeaderRule[];
let entries: ValidEntry[];
let contactEmail: string;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  const content = validateContent(contentDir);
  entries = content.entries;
  contactEmail = String((content.raw.files.settings?.data as { contact_email?: string } | undefined)?.contact_email);
  rules = await readHeaderRules(path.join(TEST_DIST, '_headers'));
  site = await serveSite({ dir: TEST_DIST });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await browser?.close();
  await site?.close();
});

async function watched(options: Parameters<Browser['newContext']>[0] = {}): Promise<PolicyWatch> {
  const w = await watchedContext(browser, options);
  cleanups.push(() => w.context.close());
  return w;
}

const clean = reports;
const NONE = NO_REPORTS;

const of = (c: string) => entries.filter((e) => e.collection === c);
function pageTypes(): Record<string, string> {
  const post = of('blog').find(
    (p) => p.data.lang === 'da' && !p.data.draft && ((p.data.tags as string[] | undefined) ?? []).length > 0,
  )!;
  const enPost = of('blog').find((p) => p.data.lang === 'en' && !p.data.draft)!;
  const member = of('members').find((m) => m.data.listed && m.data.email)!;
  const network = of('wiki').find((n) => n.data.contact_email) ?? of('wiki')[0];
  const event = of('events')[0];
  const freePage = of('pages').find((p) => p.data.lang === 'da')!;
  return {
    'Danish home': '/',
    'English home': '/en/',
    directory: '/medlemmer/',
    'English directory': '/en/members/',
    'member profile': `/medlemmer/${member.slug}/`,
    'blog index': '/blog/',
    'blog post': `/blog/${post.slug}/`,
    'English blog post': `/en/blog/${enPost.slug}/`,
    'tag page': tagPath('da', slugify((post.data.tags as string[])[0])),
    'wiki index (inline style)': '/netvaerk/',
    'wiki entry': `/netvaerk/${network.slug}/`,
    event: `/arrangementer/${event.slug}/`,
    'past events': '/arrangementer/tidligere/',
    groups: '/grupper/',
    market: '/marked/',
    'search page': '/soeg/',
    'free page': `/${freePage.slug}/`,
    'contact page': '/kontakt/',
    'English contact page': '/en/contact/',
    'page not found': '/findes-ikke/',
  };
}

async function visit(w: PolicyWatch, urlPath: string): Promise<Page> {
  const page = await w.context.newPage();
  await page.goto(`${site.url}${urlPath}`, { waitUntil: 'networkidle' });
  return page;
}

describe('the headers file', () => {
  /** Every file of the build with the paths it is served at. */
  function served(): [string, string[]][] {
    const out: [string, string[]][] = [];
    const walk = (rel: string) => {
      for (const e of fs.readdirSync(path.join(TEST_DIST, rel), { withFileTypes: true })) {
        const child = path.posix.join(rel, e.name);
        if (e.isDirectory()) walk(child);
        else if (!e.name.startsWith('.') && child !== '_headers') {
          out.push([child, e.name === 'index.html' ? [`/${child}`, `/${rel}${rel ? '/' : ''}`] : [`/${child}`]]);
        }
      }
    };
    walk('');
    return out;
  }

  it('sets each header of each file by one rule at most, and gives every HTML page exactly one policy', () => {
    const files = served();
    expect(files.length).toBeGreaterThan(300);
    const doubled: string[] = [];
    for (const [file, paths] of files) {
      for (const p of paths) {
        const count = new Map<string, number>();
        for (const r of rules.filter((r) => r.forRegExp.test(p)))
          for (const h of Object.keys(r.values)) count.set(h.toLowerCase(), (count.get(h.toLowerCase()) ?? 0) + 1);
        for (const [h, n] of count) if (n > 1) doubled.push(`${p} (${file}): ${h} × ${n}`);
        if (file.endsWith('.html')) expect(count.get('content-security-policy'), p).toBe(1);
      }
    }
    expect(doubled).toEqual([]);
  });

  it('gives the CMS and uploads their own policies, and the site’s pages the strict one', () => {
    const csp = (p: string) => headersFor(rules, p)['Content-Security-Policy'];
    expect(csp('/admin/')).toMatch(/script-src 'self' 'unsafe-eval'.*frame-ancestors 'none'/);
    expect(csp('/media/members/x.svg')).toMatch(/^default-src 'none'.*sandbox$/);
    for (const p of ['/', '/medlemmer/', '/en/', '/404.html', '/pagefind/pagefind-worker.js']) {
      expect(csp(p), p).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      expect(csp(p), p).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    }
    const all = headersFor(rules, '/medlemmer/');
    expect(all).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    expect(all['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}$/);
    expect(headersFor(rules, '/_astro/x.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
  });

  it('is what the server sends', async () => {
    const res = await fetch(`${site.url}/medlemmer/`);
    expect(res.headers.get('content-security-policy')).toBe(
      headersFor(rules, '/medlemmer/')['Content-Security-Policy'],
    );
    expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\), .*microphone=\(\)/);
    expect((await fetch(`${site.url}/_headers`)).status).toBe(404);
  });

  it("puts the site policy, without frame-ancestors and narrowed to the page's own inline code, into every site page as <meta>, and none into the CMS", () => {
    const header = parsePolicy(headersFor(rules, '/')['Content-Security-Policy']);
    delete header['frame-ancestors'];
    for (const file of ['index.html', 'medlemmer/index.html', '404.html', 'en/contact/index.html', 'blog/index.html']) {
      const html = fs.readFileSync(path.join(TEST_DIST, file), 'utf8');
      const found =
        /^<!DOCTYPE html><html[^>]*><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">/i.exec(
          html,
        );
      expect(found, file).not.toBeNull();
      const meta = parsePolicy(found![1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
      const own = pageCode(html.replace(found![0].slice(found![0].indexOf('<meta http-equiv')), ''));
      const ownHashes = new Set([...own.scripts, ...own.styles, ...own.styleAttributes].map(hashSource));
      expect(Object.keys(meta), file).toEqual(Object.keys(header));
      for (const [directive, sources] of Object.entries(header)) {
        // Everything but hashes is the header's; the hashes are exactly those of this page's code.
        const plain = (list: string[]) => list.filter((s) => !s.startsWith("'sha256-"));
        expect(plain(meta[directive]), `${file} ${directive}`).toEqual(plain(sources));
        for (const hash of meta[directive].filter((s) => s.startsWith("'sha256-"))) {
          expect(sources, `${file} ${directive}`).toContain(hash);
          expect(ownHashes.has(hash), `${file} ${directive} ${hash}`).toBe(true);
        }
      }
      const metaHashes = new Set(
        Object.values(meta)
          .flat()
          .filter((s) => s.startsWith("'sha256-")),
      );
      expect(metaHashes, file).toEqual(ownHashes);
    }
    expect(fs.readFileSync(path.join(TEST_DIST, 'admin/index.html'), 'utf8')).not.toContain(
      'http-equiv="Content-Security-Policy"',
    );
  });
});

function parsePolicy(text: string): Record<string, string[]> {
  return Object.fromEntries(
    text
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('the site under its policy, in Chromium', () => {
  it('notices a violation: an injected inline script is blocked and reported (the check below can fail)', async () => {
    const w = await watched();
    const page = await visit(w, '/blog/');
    await page.evaluate(
      `(() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.append(s); })()`,
    );
    // Reported once by the header's policy and once by the <meta> copy: both are enforced.
    await expect.poll(() => w.violations.length).toBe(2);
    for (const v of w.violations) expect(v).toMatch(/^script-src-elem blocked inline on \/blog\//);
    expect(await page.evaluate('window.injected')).toBeUndefined();
  });

  it('loads every kind of page without a single violation', async () => {
    const w = await watched();
    const types = pageTypes();
    for (const [what, urlPath] of Object.entries(types)) {
      const page = await visit(w, urlPath);
      expect(await page.locator('h1').count(), `${what} ${urlPath}`).toBe(1);
      await page.close();
    }
    expect(clean(w)).toEqual(NONE);
  });

  it('finds members in the directory by a typed search, under the policy (Pagefind’s worker and WebAssembly)', async () => {
    const w = await watched();
    const member = of('members').find((m) => m.data.listed && String(m.data.name).includes(' '))!;
    const surname = String(member.data.name).split(' ').at(-1)!;
    for (const [dir, urlPath] of [
      ['/medlemmer/', '/medlemmer/'],
      ['/en/members/', '/en/members/'],
    ]) {
      const page = await visit(w, urlPath);
      await page.locator('#search-q').fill(surname);
      await expect
        .poll(() => page.locator('[data-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
        .toContain(`${dir}${member.slug}/`);
    }
    const search = await visit(w, `/soeg/?q=${encodeURIComponent(surname)}`);
    await expect
      .poll(() => search.locator('[data-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      .toContain(`/medlemmer/${member.slug}/`);
    expect(clean(w)).toEqual(NONE);
  });

  it('reveals a member’s and the network’s address on a click', async () => {
    const w = await watched();
    const member = of('members').find((m) => m.data.listed && m.data.email)!;
    for (const [urlPath, address, label] of [
      [`/medlemmer/${member.slug}/`, String(member.data.email), 'Vis e-mailadresse'],
      ['/en/contact/', contactEmail, 'Show e-mail address'],
    ]) {
      const page = await visit(w, urlPath);
      await page.getByRole('button', { name: label }).click();
      const link = page.getByRole('link', { name: address });
      expect(await link.getAttribute('href'), urlPath).toBe(`mailto:${address}`);
    }
    expect(clean(w)).toEqual(NONE);
  });

  it('filters the wiki by kind with its inline style (allowed by hash)', async () => {
    const w = await watched();
    const page = await visit(w, '/netvaerk/');
    const kinds = await page
      .locator('.wiki .grid > li')
      .evaluateAll((lis) => [...new Set(lis.map((li) => li.getAttribute('data-kind')))]);
    expect(kinds.length).toBeGreaterThan(1);
    await page.locator(`#kind-${kinds[0]}`).check();
    expect(await page.locator(`.wiki .grid > li[data-kind="${kinds[1]}"]`).first().isHidden()).toBe(true);
    expect(await page.locator(`.wiki .grid > li[data-kind="${kinds[0]}"]`).first().isVisible()).toBe(true);
    expect(clean(w)).toEqual(NONE);
  });

  it('opens the CMS up to its login button without a violation', async () => {
    const w = await watched();
    const page = await visit(w, '/admin/');
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
    expect(clean(w)).toEqual(NONE);
  });

  it('blocks injected script by the <meta> policy alone, on a host that ignores _headers', async () => {
    const plain = http.createServer(sirv(TEST_DIST, { dev: true }));
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => plain.close(() => r())));
    const url = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
    const w = await watched();
    const page = await w.context.newPage();
    const res = await page.goto(`${url}/medlemmer/`, { waitUntil: 'networkidle' });
    expect(res!.headers()['content-security-policy']).toBeUndefined();
    await page.evaluate(
      `(() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.append(s); })()`,
    );
    await expect.poll(() => w.violations.length).toBe(1);
    expect(await page.evaluate('window.injected')).toBeUndefined();
  });
});

describe('framing', () => {
  it('refuses to be framed by another origin: the CMS and the site', async () => {
    const framer = http.createServer((req, res) => {
      if (req.url === '/own.html')
        return void res.writeHead(200, { 'content-type': 'text/html' }).end('<title>own</title><h1>Framed fine</h1>');
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<title>framer</title><iframe name="admin" src="${site.url}/admin/"></iframe><iframe name="home" src="${site.url}/"></iframe>` +
            `<iframe name="member" src="${site.url}/medlemmer/"></iframe><iframe name="own" src="/own.html"></iframe>`,
        );
    });
    await new Promise<void>((r) => framer.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => framer.close(() => r())));
    // localhost and 127.0.0.1 are different origins.
    const framerUrl = `http://localhost:${(framer.address() as AddressInfo).port}/`;
    const w = await watched();
    const page = await w.context.newPage();
    await page.goto(framerUrl, { waitUntil: 'networkidle' });
    const shows = async (name: string, text: string) => {
      const frame = page.frame({ name });
      if (!frame) return false;
      return frame
        .locator(`text=${text}`)
        .count()
        .then((n) => n > 0)
        .catch(() => false);
    };
    // The control: a frame the browser does show, found the same way.
    expect(await shows('own', 'Framed fine')).toBe(true);
    expect(await shows('admin', 'Redigering kræver JavaScript')).toBe(false);
    expect(await shows('home', 'Mikronet')).toBe(false);
    expect(await shows('member', 'Medlemmer')).toBe(false);
    for (const name of ['admin', 'home', 'member']) expect(page.frame({ name })?.url(), name).not.toContain(site.url);
    expect(w.policyMessages.some((m) => /frame-ancestors|X-Frame-Options/.test(m))).toBe(true);
  });
});

describe('uploads', () => {
  it('does not run a script in an SVG opened from /media/ (the same file elsewhere would)', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-dist-'));
    cleanups.push(() => fs.rmSync(copy, { recursive: true, force: true }));
    fs.cpSync(TEST_DIST, copy, { recursive: true });
    // What the issue reproduced: a script that reads the editor's CMS login and sends it away.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/>
<script>new Image().src = '/stolen?' + encodeURIComponent(String(localStorage.getItem('decap-cms-user')));</script></svg>`;
    fs.mkdirSync(path.join(copy, 'media/members'), { recursive: true });
    fs.writeFileSync(path.join(copy, 'media/members/evil.svg'), svg);
    // The control: outside /media/ no rule sandboxes it.
    fs.writeFileSync(path.join(copy, 'evil.svg'), svg);
    const server = await serveSite({ dir: copy });
    cleanups.push(() => server.close());

    const w = await watched();
    const stolen: string[] = [];
    w.context.on('request', (r) => {
      if (r.url().includes('/stolen')) stolen.push(r.url());
    });
    const page = await w.context.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(`localStorage.setItem('decap-cms-user', '{"token":"secret"}')`);

    const res = await page.goto(`${server.url}/media/members/evil.svg`, { waitUntil: 'networkidle' });
    expect(res!.headers()['content-security-policy']).toMatch(/sandbox/);
    expect(res!.headers()['x-content-type-options']).toBe('nosniff');
    await page.waitForTimeout(300);
    expect(stolen).toEqual([]);

    await page.goto(`${server.url}/evil.svg`, { waitUntil: 'networkidle' });
    await expect.poll(() => stolen.length).toBe(1);
    expect(stolen[0]).toContain('secret');
  });
});
