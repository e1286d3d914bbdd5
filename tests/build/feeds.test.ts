import fs from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parseJsonFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIST } from './global-setup.ts';
import { ROOT } from '../helpers/build.ts';
import { fileFor, hreflangLinks, htmlFiles } from '../helpers/dist.ts';
import { validateContent, type ValidEntry } from '../../src/lib/content/validate.ts';
import { slugify } from '../../src/lib/slug.ts';
import {
  authorFeedPath,
  blogFeedPath,
  eventsFeedPath,
  FEED_FORMATS,
  newMembersFeedPath,
  tagFeedPath,
  type FeedFormat,
} from '../../src/i18n/urls.ts';

/** The feeds, sitemap and robots.txt of the sample build, read back with real parsers. */

const SITE = 'https://mikronet.dk';
const contentDir = process.env.CONTENT_DIR || path.join(ROOT, 'content');
let entries: ValidEntry[];
const of = (c: string) => entries.filter((e) => e.collection === c);
const read = (urlPath: string) => fs.readFileSync(fileFor(TEST_DIST, urlPath), 'utf8');
const posts = (lang: string) =>
  of('blog')
    .filter((p) => !p.data.draft && p.data.lang === lang)
    .sort((a, b) => (b.data.date as Date).getTime() - (a.data.date as Date).getTime() || a.slug.localeCompare(b.slug));

/** Every feed file of the build: the two blog RSS files and everything under feed/ and en/feed/. */
function feedFiles(): string[] {
  const under = (dir: string) =>
    fs
      .readdirSync(path.join(TEST_DIST, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `/${path.relative(TEST_DIST, path.join(e.parentPath, e.name))}`);
  return ['/rss.xml', '/en/rss.xml', ...under('feed'), ...under('en/feed')];
}

interface Item {
  title: string;
  url: string;
  content: string;
  authors: { name: string; url?: string | null | undefined }[];
  categories: string[];
}

/** A feed file, parsed by what it is: @rowanmanning/feed-parser for RSS and Atom, feedsmith for JSON Feed. */
function items(urlPath: string): Item[] {
  const text = read(urlPath);
  if (urlPath.endsWith('.json')) {
    const feed = parseJsonFeed(text);
    return (feed.items ?? []).map((i) => ({
      title: i.title ?? '',
      url: i.url ?? '',
      content: i.content_html ?? '',
      authors: (i.authors ?? []).map((a) => ({ name: a.name ?? '', url: a.url })),
      categories: i.tags ?? [],
    }));
  }
  const feed = parseFeed(text);
  return feed.items.map((i) => ({
    title: i.title ?? '',
    url: i.url ?? '',
    content: i.content ?? '',
    authors: i.authors.map((a) => ({ name: a.name ?? '', url: a.url })),
    categories: i.categories.map((c) => c.term ?? c.label ?? ''),
  }));
}

beforeAll(() => {
  const result = validateContent(contentDir);
  expect(result.issues).toEqual([]);
  entries = result.entries;
});

describe('the blog feeds', () => {
  it('keep RSS at /rss.xml and /en/rss.xml, beside Atom and JSON Feed, each with its language', () => {
    expect(parseFeed(read('/rss.xml')).language).toBe('da');
    expect(parseFeed(read('/en/rss.xml')).language).toBe('en');
    expect(parseFeed(read('/feed/blog/atom.xml')).meta.type).toBe('atom');
    expect(parseJsonFeed(read('/en/feed/blog/feed.json')).language).toBe('en');
  });

  it("carry the language's posts, newest first, with their pages' addresses", () => {
    for (const lang of ['da', 'en'] as const) {
      const expected = posts(lang)
        .slice(0, 30)
        .map((p) => `${SITE}${lang === 'da' ? '' : '/en'}/blog/${p.slug}/`);
      for (const format of FEED_FORMATS) expect(items(blogFeedPath(lang, format)).map((i) => i.url)).toEqual(expected);
    }
  });

  it('carry the whole post as the site renders it, with absolute links and nothing that runs', () => {
    for (const lang of ['da', 'en'] as const)
      for (const format of FEED_FORMATS)
        for (const item of items(blogFeedPath(lang, format))) {
          const page = read(new URL(item.url).pathname);
          // The first paragraph of the body is on the post's page too.
          const firstParagraph = /<p>(.*?)<\/p>/s.exec(item.content)?.[1] ?? '';
          expect(firstParagraph.length, item.url).toBeGreaterThan(20);
          expect(page, item.url).toContain(firstParagraph.replace(/https:\/\/mikronet\.dk\//g, '/'));
          expect(item.content).not.toMatch(/<script|<style|\son\w+\s*=/i);
          expect(item.content).not.toMatch(/\s(href|src)="\/(?!\/)/);
        }
  });

  it('name members with their page and guest authors by name, and carry tags as categories', () => {
    const members = new Map(of('members').map((m) => [m.slug, m]));
    for (const lang of ['da', 'en'] as const) {
      const bySlug = new Map(posts(lang).map((p) => [p.slug, p]));
      for (const format of FEED_FORMATS)
        for (const item of items(blogFeedPath(lang, format))) {
          const post = bySlug.get(item.url.split('/').at(-2)!)!;
          const expected = [
            ...((post.data.authors as string[] | undefined) ?? []).map((slug) => ({
              name: String(members.get(slug)!.data.name),
              url: `${SITE}${lang === 'da' ? '/medlemmer' : '/en/members'}/${slug}/`,
            })),
            ...(post.data.guest_author ? [{ name: (post.data.guest_author as { name: string }).name }] : []),
          ];
          expect(item.authors.map((a) => a.name)).toEqual(expected.map((a) => a.name));
          // RSS has no place for an author's address; Atom and JSON Feed have.
          if (format !== 'rss')
            for (const [i, a] of expected.entries()) if ('url' in a) expect(item.authors[i]!.url).toBe(a.url);
          expect(item.categories).toEqual((post.data.tags as string[] | undefined) ?? []);
        }
    }
    const guest = of('blog').find((p) => p.data.guest_author && !p.data.draft);
    expect(guest, 'the sample has a guest post').toBeTruthy();
  });

  it("enclose a post's cover with its type and its size in bytes", () => {
    const post = posts('da').find((p) => p.data.cover)!;
    const cover = String(post.data.cover);
    const size = fs.statSync(path.join(ROOT, 'public', cover)).size;
    for (const format of ['rss', 'atom'] as const) {
      const item = parseFeed(read(blogFeedPath('da', format))).items.find((i) => i.url?.endsWith(`/${post.slug}/`))!;
      expect(item.media[0]).toMatchObject({ url: `${SITE}${cover}`, length: size });
      expect(item.media[0]!.mimeType).toMatch(/^image\/(jpeg|png|webp|avif|gif|svg\+xml)$/);
    }
  });
});

describe('the tag and author feeds', () => {
  it("hold only the tag's posts, in every format", () => {
    let checked = 0;
    for (const lang of ['da', 'en'] as const) {
      const tags = new Set(posts(lang).flatMap((p) => ((p.data.tags as string[] | undefined) ?? []).map(slugify)));
      for (const tag of tags) {
        const expected = posts(lang)
          .filter((p) => ((p.data.tags as string[] | undefined) ?? []).some((t) => slugify(t) === tag))
          .slice(0, 30)
          .map((p) => p.slug);
        for (const format of FEED_FORMATS) {
          const list = items(tagFeedPath(lang, tag, format));
          expect(list.map((i) => i.url.split('/').at(-2))).toEqual(expected);
          for (const i of list) expect(i.categories.map(slugify)).toContain(tag);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it("hold the author's posts in both languages, like the author's page", () => {
    const author = of('blog').find((p) => (p.data.authors as string[] | undefined)?.length && !p.data.draft)!;
    const slug = (author.data.authors as string[])[0]!;
    const theirs = of('blog').filter((p) => !p.data.draft && (p.data.authors as string[] | undefined)?.includes(slug));
    for (const lang of ['da', 'en'] as const)
      for (const format of FEED_FORMATS)
        expect(new Set(items(authorFeedPath(lang, slug, format)).map((i) => i.url.split('/').at(-2)))).toEqual(
          new Set(theirs.map((p) => p.slug)),
        );
  });
});

describe('the events and new members feeds', () => {
  it('list the coming events as the events page does, a cancelled one said to be', () => {
    const events = new Map(of('events').map((e) => [e.slug, e]));
    const listed = (page: string, root: string) => [
      ...new Set(
        [...read(page).matchAll(new RegExp(`href="${root}([a-z0-9-]+)/"`, 'g'))]
          .map((m) => m[1]!)
          .filter((slug) => events.has(slug)),
      ),
    ];
    const coming = listed('/arrangementer/', '/arrangementer/');
    expect(coming.length).toBeGreaterThan(0);
    for (const format of FEED_FORMATS) {
      const list = items(eventsFeedPath('da', format));
      expect(list.map((i) => i.url)).toEqual(coming.map((slug) => `${SITE}/arrangementer/${slug}/`));
      for (const [i, slug] of coming.entries())
        if (events.get(slug)!.data.status === 'cancelled')
          expect(list[i]!.title).toBe(`Aflyst: ${events.get(slug)!.data.title}`);
      expect(list.every((i) => i.content.includes('<dl>'))).toBe(true);
    }
    expect(items(eventsFeedPath('en', 'atom')).map((i) => i.url)).toEqual(
      listed('/en/events/', '/en/events/').map((slug) => `${SITE}/en/events/${slug}/`),
    );
  });

  it('list listed members, the newest first', () => {
    const listed = of('members')
      .filter((m) => m.data.listed)
      .sort(
        (a, b) => (b.data.joined as Date).getTime() - (a.data.joined as Date).getTime() || a.slug.localeCompare(b.slug),
      )
      .slice(0, 30);
    for (const format of FEED_FORMATS)
      expect(items(newMembersFeedPath('da', format)).map((i) => i.url)).toEqual(
        listed.map((m) => `${SITE}/medlemmer/${m.slug}/`),
      );
  });

  it('leave an unlisted member out of every feed: no slug, no name', () => {
    const unlisted = of('members').filter((m) => !m.data.listed);
    expect(unlisted.length).toBeGreaterThan(0);
    const files = feedFiles();
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = read(file);
      for (const m of unlisted) {
        expect(text, file).not.toContain(m.slug);
        expect(text, file).not.toContain(String(m.data.name));
      }
    }
  });

  it('are all well-formed in their format', () => {
    for (const file of feedFiles()) {
      if (file.endsWith('.json')) expect(() => parseJsonFeed(read(file)), file).not.toThrow();
      else expect(['rss', 'atom'], file).toContain(parseFeed(read(file)).meta.type);
    }
  });
});

describe('autodiscovery', () => {
  const feedLinks = (html: string) =>
    [
      ...html.matchAll(
        /<link rel="alternate" type="application\/(?:rss\+xml|atom\+xml|feed\+json)" title="[^"]*" href="([^"]+)"/g,
      ),
    ].map((m) => m[1]!);

  it('gives every page its feeds, and every link points at a file of the build', () => {
    const pages = htmlFiles(TEST_DIST).filter(([f]) => !f.startsWith('admin/'));
    const seen = new Set<string>();
    for (const [file, html] of pages) {
      const links = feedLinks(html);
      expect(links.length, file).toBeGreaterThanOrEqual(3);
      for (const href of links) seen.add(href);
    }
    for (const href of seen) expect(fs.existsSync(fileFor(TEST_DIST, href)), href).toBe(true);
  });

  it("announces a tag page's, an author page's, the events' and the directory's own feeds", () => {
    const post = posts('da').find((p) => (p.data.tags as string[] | undefined)?.length && p.data.authors)!;
    const tag = slugify((post.data.tags as string[])[0]!);
    const author = (post.data.authors as string[])[0]!;
    const expect3 = (page: string, feed: (f: FeedFormat) => string) =>
      expect(feedLinks(read(page)), page).toEqual(expect.arrayContaining(FEED_FORMATS.map(feed)));
    expect3(`/blog/emne/${tag}/`, (f) => tagFeedPath('da', tag, f));
    expect3(`/blog/forfatter/${author}/`, (f) => authorFeedPath('da', author, f));
    expect3(`/en/blog/author/${author}/`, (f) => authorFeedPath('en', author, f));
    expect3('/arrangementer/', (f) => eventsFeedPath('da', f));
    expect3('/en/events/past/', (f) => eventsFeedPath('en', f));
    expect3('/medlemmer/', (f) => newMembersFeedPath('da', f));
    expect3('/om/', (f) => blogFeedPath('da', f));
    expect(feedLinks(read('/om/'))).not.toContain(eventsFeedPath('da', 'rss'));
  });

  it('lists the feeds to subscribe to in the footer', () => {
    const html = read('/');
    expect(html).toContain('Abonnér');
    for (const f of FEED_FORMATS) {
      expect(html).toContain(`href="${blogFeedPath('da', f)}"`);
      expect(html).toContain(`href="${eventsFeedPath('da', f)}"`);
      expect(html).toContain(`href="${newMembersFeedPath('da', f)}"`);
    }
    expect(read('/en/')).toContain('Subscribe');
  });
});

describe('the sitemap', () => {
  interface UrlEntry {
    loc: string;
    lastmod?: string;
    links: Record<string, string>;
  }
  let urls: UrlEntry[];
  beforeAll(() => {
    const index = fs.readFileSync(path.join(TEST_DIST, 'sitemap-index.xml'), 'utf8');
    const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(maps.length).toBeGreaterThan(0);
    urls = maps.flatMap((p) =>
      [...read(p).matchAll(/<url>(.*?)<\/url>/gs)].map(([, block]) => ({
        loc: /<loc>([^<]+)<\/loc>/.exec(block!)![1]!,
        lastmod: /<lastmod>([^<]+)<\/lastmod>/.exec(block!)?.[1],
        links: Object.fromEntries(
          [...block!.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [
            m[1]!,
            m[2]!,
          ]),
        ),
      })),
    );
  });

  it('lists every public page of the build exactly once, and nothing else', () => {
    const excluded = (file: string, html: string) =>
      file.startsWith('admin/') ||
      file.startsWith('soeg/') ||
      file.startsWith('en/search/') ||
      /<meta name="robots" content="noindex/.test(html);
    const pages = htmlFiles(TEST_DIST)
      .filter(([file, html]) => !excluded(file, html))
      .map(([file]) => `${SITE}/${file.replace(/index\.html$/, '')}`)
      .sort();
    const locs = urls.map((u) => u.loc);
    expect(new Set(locs).size).toBe(locs.length);
    expect([...locs].sort()).toEqual(pages);
    expect(locs).not.toContain(`${SITE}/soeg/`);
    expect(locs).not.toContain(`${SITE}/admin/`);
  });

  it("gives each page the alternates its own head gives, a translated post's other slug too", () => {
    let withAlternate = 0;
    for (const u of urls) {
      // A page names itself in its head even without another language; the sitemap then says nothing.
      const head = hreflangLinks(read(new URL(u.loc).pathname));
      const alternates = Object.keys(head).length > 1 ? head : {};
      expect(u.links, u.loc).toEqual(alternates);
      if (Object.keys(alternates).length) withAlternate++;
    }
    expect(withAlternate).toBeGreaterThan(urls.length / 2);
    const translated = of('blog').find((p) => p.data.translation_of && !p.data.draft)!;
    const entry = urls.find((u) => u.loc.endsWith(`/blog/${translated.slug}/`))!;
    expect(Object.values(entry.links).some((l) => l.endsWith(`/blog/${translated.data.translation_of}/`))).toBe(true);
  });

  it('dates a post by its update or publication, a member by joining, a list by its newest item', () => {
    const at = (p: string) => urls.find((u) => u.loc === `${SITE}${p}`)!;
    const post = posts('da')[0]!;
    const day = (d: unknown) => (d as Date).toISOString();
    expect(at(`/blog/${post.slug}/`).lastmod).toBe(day(post.data.updated ?? post.data.date));
    expect(at('/blog/').lastmod).toBe(
      day(
        new Date(
          Math.max(
            ...posts('da')
              .slice(0, 10)
              .map((p) => ((p.data.updated ?? p.data.date) as Date).getTime()),
          ),
        ),
      ),
    );
    const member = of('members').find((m) => m.data.listed)!;
    expect(at(`/medlemmer/${member.slug}/`).lastmod).toBe(day(member.data.joined));
    expect(at('/kontakt/').lastmod).toBeUndefined();
  });
});

describe('robots.txt', () => {
  it('allows the site, keeps crawlers out of the CMS and the search results, and names the sitemap', () => {
    const text = fs.readFileSync(path.join(TEST_DIST, 'robots.txt'), 'utf8');
    expect(text).toContain('User-agent: *\nAllow: /\n');
    for (const p of ['/admin/', '/soeg/', '/en/search/']) expect(text).toContain(`Disallow: ${p}\n`);
    expect(text).toContain(`Sitemap: ${SITE}/sitemap-index.xml\n`);
    expect(fs.existsSync(path.join(TEST_DIST, 'sitemap-index.xml'))).toBe(true);
  });
});
