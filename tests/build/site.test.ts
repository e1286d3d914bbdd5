import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIST } from './global-setup.ts';
import { ROOT } from '../helpers/build.ts';
import { fileFor, hreflangLinks, htmlFiles } from '../helpers/dist.ts';
import { validateContent, type ValidEntry } from '../../src/lib/content/validate.ts';
import { slugify } from '../../src/lib/slug.ts';
import { authorPath, sectionPath, tagPath } from '../../src/i18n/urls.ts';

const contentDir = process.env.CONTENT_DIR || path.join(ROOT, 'content');
let entries: ValidEntry[];
let pages: [string, string][];
const of = (c: string) => entries.filter((e) => e.collection === c);
const exists = (urlPath: string) => fs.existsSync(fileFor(TEST_DIST, urlPath));

beforeAll(() => {
  const result = validateContent(contentDir);
  expect(result.issues).toEqual([]);
  entries = result.entries;
  // The site's pages; the CMS at /admin/ is a tool, not a page of the site (tested in tests/e2e).
  pages = htmlFiles(TEST_DIST).filter(([file]) => !file.startsWith('admin/'));
});

describe('the build of the sample content', () => {
  it('finishes without warnings', () => {
    const log = fs.readFileSync(path.join(TEST_DIST, '.build-log.txt'), 'utf8');
    expect(log).toContain('Complete!');
    expect(log.split('\n').filter((l) => /\bwarn(ing)?\b/i.test(l) && !/npm warn/i.test(l))).toEqual([]);
  });

  it('has a page per listed member in both languages', () => {
    const listed = of('members').filter((m) => m.data.listed);
    expect(listed.length).toBeGreaterThan(0);
    for (const m of listed) {
      expect(exists(`/medlemmer/${m.slug}/`), m.slug).toBe(true);
      expect(exists(`/en/members/${m.slug}/`), m.slug).toBe(true);
    }
  });

  it('has no page, link or mention of an unlisted member', () => {
    const unlisted = of('members').filter((m) => !m.data.listed);
    expect(unlisted.length).toBeGreaterThan(0);
    for (const m of unlisted) {
      expect(exists(`/medlemmer/${m.slug}/`)).toBe(false);
      expect(exists(`/en/members/${m.slug}/`)).toBe(false);
      const name = String(m.data.name);
      const leaks = pages.filter(([, html]) => html.includes(`/${m.slug}/`) || html.includes(name)).map(([f]) => f);
      expect(leaks, `${m.slug} appears in`).toEqual([]);
    }
  });

  it('lists every tag and author in pages of ten, each post on exactly one page', () => {
    const posts = of('blog').filter((p) => !p.data.draft);
    const postUrl = (p: ValidEntry) => sectionPath(p.data.lang as 'da' | 'en', 'blog', p.slug);
    // [what, the posts it must list, the path of its page n]
    const lists: [string, string[], (page: number) => string][] = [];
    for (const lang of ['da', 'en'] as const) {
      const byTag = new Map<string, string[]>();
      for (const p of posts.filter((p) => p.data.lang === lang))
        for (const tag of new Set(((p.data.tags as string[] | undefined) ?? []).map(slugify)))
          byTag.set(tag, [...(byTag.get(tag) ?? []), postUrl(p)]);
      for (const [tag, urls] of byTag) lists.push([`${lang} tag ${tag}`, urls, (n) => tagPath(lang, tag, n)]);
      const byAuthor = new Map<string, string[]>();
      for (const p of posts)
        for (const a of (p.data.authors as string[] | undefined) ?? [])
          byAuthor.set(a, [...(byAuthor.get(a) ?? []), postUrl(p)]);
      for (const [author, urls] of byAuthor)
        lists.push([`${lang} author ${author}`, urls, (n) => authorPath(lang, author, n)]);
    }
    let paginated = 0;
    for (const [what, expected, pathOf] of lists) {
      const pageCount = Math.ceil(expected.length / 10);
      const found: string[] = [];
      for (let n = 1; n <= pageCount; n++) {
        expect(exists(pathOf(n)), `${what} page ${n}`).toBe(true);
        const html = fs.readFileSync(fileFor(TEST_DIST, pathOf(n)), 'utf8');
        const cards = [...html.matchAll(/<li class="card"[^>]*><h[23]><a href="([^"]+)"/g)].map((m) => m[1]);
        expect(cards.length, `${what} page ${n}`).toBeLessThanOrEqual(10);
        if (n < pageCount) expect(html, `${what} page ${n} links on`).toContain(`href="${pathOf(n + 1)}" rel="next"`);
        found.push(...cards);
      }
      expect(exists(pathOf(pageCount + 1)), `${what} has no page ${pageCount + 1}`).toBe(false);
      expect(found.sort(), what).toEqual(expected.sort());
      if (pageCount > 1) paginated++;
    }
    // The sample content has a tag with more than ten posts, so pagination is exercised.
    expect(paginated).toBeGreaterThan(0);
  });

  it('has a page per wiki entry and event in both languages', () => {
    for (const n of of('wiki')) {
      expect(exists(`/netvaerk/${n.slug}/`), n.slug).toBe(true);
      expect(exists(`/en/networks/${n.slug}/`), n.slug).toBe(true);
    }
    for (const e of of('events')) {
      expect(exists(`/arrangementer/${e.slug}/`), e.slug).toBe(true);
      expect(exists(`/en/events/${e.slug}/`), e.slug).toBe(true);
    }
  });

  it('builds each published post in its own language only, and never a draft', () => {
    for (const p of of('blog')) {
      const da = exists(`/blog/${p.slug}/`);
      const en = exists(`/en/blog/${p.slug}/`);
      if (p.data.draft) expect([da, en]).toEqual([false, false]);
      else expect([da, en]).toEqual([p.data.lang === 'da', p.data.lang === 'en']);
    }
  });

  it('links a translated post to its translation, both ways', () => {
    const pairs = of('blog').filter((p) => p.data.translation_of && !p.data.draft);
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) {
      const other = of('blog').find((o) => o.slug === p.data.translation_of)!;
      const here = fs.readFileSync(fileFor(TEST_DIST, `${p.data.lang === 'en' ? '/en' : ''}/blog/${p.slug}/`), 'utf8');
      expect(here).toContain(`href="${other.data.lang === 'en' ? '/en' : ''}/blog/${other.slug}/"`);
      expect(hreflangLinks(here)[String(other.data.lang)]).toMatch(new RegExp(`/blog/${other.slug}/$`));
    }
  });

  it('marks content written in the other language with its lang attribute', () => {
    const english = of('blog').find((p) => p.data.lang === 'en' && !p.data.draft);
    expect(english).toBeDefined();
    const daIndex = fs.readFileSync(fileFor(TEST_DIST, '/'), 'utf8');
    const enPost = fs.readFileSync(fileFor(TEST_DIST, `/en/blog/${english!.slug}/`), 'utf8');
    expect(enPost).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(daIndex).toMatch(/^<!DOCTYPE html><html lang="da">/);
    const enEvent = of('events').find((e) => e.data.lang === 'en');
    if (enEvent) {
      const daPage = fs.readFileSync(fileFor(TEST_DIST, `/arrangementer/${enEvent.slug}/`), 'utf8');
      expect(daPage).toMatch(/<div class="prose" lang="en">/);
    }
  });

  it('pairs every page with hreflang links that point at existing pages and back', () => {
    let pairs = 0;
    for (const [file, html] of pages) {
      const links = hreflangLinks(html);
      if (!links.da || !links.en) continue;
      pairs++;
      for (const href of [links.da, links.en]) {
        const target = fileFor(TEST_DIST, new URL(href).pathname);
        expect(fs.existsSync(target), `${file} → ${href}`).toBe(true);
        const back = hreflangLinks(fs.readFileSync(target, 'utf8'));
        expect(back, `${href} links back`).toEqual(links);
      }
    }
    expect(pairs).toBeGreaterThan(of('members').length);
  });

  it('serves no e-mail address as plain text or mailto: link', () => {
    const addresses = new Set(
      entries.flatMap((e) => [e.data.email, e.data.contact_email].filter((v): v is string => typeof v === 'string')),
    );
    expect(addresses.size).toBeGreaterThan(0);
    for (const [file, html] of pages) {
      expect(html, file).not.toMatch(/mailto:[\w.%+-]+@/i);
      expect(html.match(/[\w.+-]+@[\w-]+(\.[\w-]+)*\.[a-z]{2,}/gi) ?? [], file).toEqual([]);
    }
    // Nor does the CMS page carry anybody's address: it loads content through the backend.
    for (const [file, html] of htmlFiles(TEST_DIST).filter(([f]) => f.startsWith('admin/'))) {
      for (const address of addresses) expect(html, file).not.toContain(address);
    }
  });

  it('hides expired market entries', () => {
    const market = fs.readFileSync(fileFor(TEST_DIST, '/marked/'), 'utf8');
    const now = new Date('2026-11-24');
    const expired = of('market').filter((m) => (m.data.expires as Date) < now);
    const active = of('market').filter((m) => (m.data.expires as Date) >= now);
    expect(expired.length).toBeGreaterThan(0);
    for (const m of expired) expect(market).not.toContain(`id="${m.slug}"`);
    for (const m of active) expect(market).toContain(`id="${m.slug}"`);
  });

  it('marks cancelled events clearly', () => {
    const cancelled = of('events').filter((e) => e.data.status === 'cancelled');
    expect(cancelled.length).toBeGreaterThan(0);
    for (const e of cancelled) {
      const da = fs.readFileSync(fileFor(TEST_DIST, `/arrangementer/${e.slug}/`), 'utf8');
      const en = fs.readFileSync(fileFor(TEST_DIST, `/en/events/${e.slug}/`), 'utf8');
      expect(da).toContain('Dette arrangement er aflyst.');
      expect(en).toContain('This event has been cancelled.');
    }
  });

  // The feeds are tests/build/feeds.test.ts's.
  it('has a 404 page in both languages', () => {
    const notFound = fs.readFileSync(path.join(TEST_DIST, '404.html'), 'utf8');
    expect(notFound).toContain('Siden findes ikke');
    expect(notFound).toContain('Page not found');
  });

  it('gives every page a language, one main landmark, one h1, a skip link and alt text on every image', () => {
    for (const [file, html] of pages) {
      expect(html, file).toMatch(/^<!DOCTYPE html><html lang="(da|en)">/);
      expect(html.match(/<main\b/g)?.length, file).toBe(1);
      expect(html.match(/<h1\b/g)?.length, file).toBe(1);
      expect(html, file).toContain('href="#main"');
      for (const img of html.match(/<img\b[^>]*>/g) ?? []) expect(img, file).toMatch(/\salt="[^"]+"/);
    }
  });

  // The home page and the events page carry only the script that hides events once over (tests/build/time.test.ts).
  it('ships no JavaScript on pages without search, a filter, an e-mail address or a list of what is coming', () => {
    for (const p of ['/blog/', '/grupper/', '/om/', '/en/about/']) {
      const html = fs.readFileSync(fileFor(TEST_DIST, p), 'utf8');
      // A JSON-LD block is data, not JavaScript.
      expect(
        (html.match(/<script\b[^>]*>/g) ?? []).filter((s) => !s.includes('application/ld+json')),
        p,
      ).toEqual([]);
    }
  });

  it('gives the wiki index only its small scripts: the filter in the address, the language switch keeping it', () => {
    for (const p of ['/netvaerk/', '/en/networks/']) {
      const html = fs.readFileSync(fileFor(TEST_DIST, p), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
        ([, attrs]) => !attrs.includes('application/ld+json'),
      );
      expect(scripts.map(([, attrs]) => attrs).join(''), p).not.toContain('src=');
      expect(
        scripts.reduce((n, [, , code]) => n + code.length, 0),
        p,
      ).toBeLessThan(1000);
    }
  });

  it('has the small e-mail reveal script exactly on the pages with an address', () => {
    const withAddress = pages.filter(([, html]) => html.includes('data-email='));
    // Profiles with an e-mail, wiki entries with one, and the contact page, in both languages.
    expect(withAddress.map(([f]) => f)).toEqual(
      expect.arrayContaining(['kontakt/index.html', 'en/contact/index.html']),
    );
    expect(withAddress.some(([f]) => f.startsWith('medlemmer/'))).toBe(true);
    expect(withAddress.some(([f]) => f.startsWith('netvaerk/'))).toBe(true);
    for (const [file, html] of pages) {
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      const reveal = scripts.filter(([, , code]) => code.includes('button[data-email]'));
      expect(reveal.length, file).toBe(html.includes('data-email=') ? 1 : 0);
      for (const [, attrs, code] of reveal) {
        expect(attrs, file).not.toContain('src=');
        expect(code.length, file).toBeLessThan(600);
      }
    }
  });

  it('links every page’s footer to the contact page, which has no address in the footer', () => {
    for (const [file, html] of pages) {
      const footer = html.slice(html.indexOf('<footer'));
      const lang = html.match(/^<!DOCTYPE html><html lang="(da|en)">/)?.[1];
      expect(footer, file).toContain(
        lang === 'en' ? '<a href="/en/contact/">Contact</a>' : '<a href="/kontakt/">Kontakt</a>',
      );
      expect(footer, file).not.toContain('data-email');
    }
  });
});
