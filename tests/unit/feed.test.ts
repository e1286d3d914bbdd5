import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parseJsonFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { absoluteHtml, factsHtml, mediaEnclosure, renderFeed, type FeedSpec } from '../../src/site/feed.ts';
import { pageFeedPath, blogFeedPath, tagFeedPath } from '../../src/i18n/urls.ts';

const spec: FeedSpec = {
  title: 'Blog & co',
  description: '<b>x</b>',
  language: 'da',
  link: 'https://x.dk/blog/',
  self: {
    rss: 'https://x.dk/rss.xml',
    atom: 'https://x.dk/feed/blog/atom.xml',
    json: 'https://x.dk/feed/blog/feed.json',
  },
  updated: new Date('2026-01-03T00:00:00Z'),
  items: [
    {
      title: 'A "quote" & <more>',
      link: 'https://x.dk/blog/a/',
      summary: 'Kort',
      html: '<p>Hele <a href="https://x.dk/om/">teksten</a></p>',
      published: new Date('2026-01-02T00:00:00Z'),
      updated: new Date('2026-01-03T00:00:00Z'),
      authors: [{ name: 'Ida Kjær', link: 'https://x.dk/medlemmer/ida-kjaer/' }, { name: 'Gæst' }],
      categories: ['moms', 'hverdag'],
      image: { url: 'https://x.dk/media/blog/a.jpg', type: 'image/jpeg', length: 1234 },
    },
  ],
};

describe('a feed in three formats', () => {
  it('writes RSS 2.0 that a feed parser reads back: title, link, date, authors, categories, full content, enclosure', () => {
    const feed = parseFeed(renderFeed(spec, 'rss'));
    expect(feed.meta.type).toBe('rss');
    expect(feed.title).toBe('Blog & co');
    expect(feed.language).toBe('da');
    const [item] = feed.items;
    expect(item!.title).toBe('A "quote" & <more>');
    expect(item!.url).toBe('https://x.dk/blog/a/');
    expect(item!.published?.toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(item!.content).toContain('<a href="https://x.dk/om/">teksten</a>');
    expect(item!.authors.map((a) => a.name)).toEqual(['Ida Kjær', 'Gæst']);
    expect(item!.categories.map((c) => c.label)).toEqual(['moms', 'hverdag']);
    expect(item!.media[0]).toMatchObject({
      url: 'https://x.dk/media/blog/a.jpg',
      mimeType: 'image/jpeg',
      length: 1234,
    });
    expect(renderFeed(spec, 'rss')).toContain('<atom:link href="https://x.dk/rss.xml" rel="self"');
  });

  it('writes Atom 1.0 with the same entry, the member author linking to their page', () => {
    const feed = parseFeed(renderFeed(spec, 'atom'));
    expect(feed.meta.type).toBe('atom');
    const [item] = feed.items;
    expect(item!.updated?.toISOString()).toBe('2026-01-03T00:00:00.000Z');
    expect(item!.authors[0]).toMatchObject({ name: 'Ida Kjær', url: 'https://x.dk/medlemmer/ida-kjaer/' });
    expect(item!.content).toContain('Hele');
    expect(item!.categories.map((c) => c.term)).toEqual(['moms', 'hverdag']);
    // The picture's own type, not one made from its extension (image/jpg).
    expect(item!.media[0]).toMatchObject({
      url: 'https://x.dk/media/blog/a.jpg',
      mimeType: 'image/jpeg',
      length: 1234,
    });
  });

  it('writes JSON Feed 1.1 with every author and the language', () => {
    const feed = parseJsonFeed(renderFeed(spec, 'json'));
    expect(feed.language).toBe('da');
    expect(feed.feed_url).toBe('https://x.dk/feed/blog/feed.json');
    const [item] = feed.items!;
    expect(item!.content_html).toContain('teksten');
    expect(item!.authors?.map((a) => a.name)).toEqual(['Ida Kjær', 'Gæst']);
    expect(item!.tags).toEqual(['moms', 'hverdag']);
    expect(item!.date_published).toBe('2026-01-02T00:00:00.000Z');
  });

  it('gives the same bytes for the same feed (no clock inside)', () => {
    for (const f of ['rss', 'atom', 'json'] as const) expect(renderFeed(spec, f)).toBe(renderFeed(spec, f));
  });
});

describe('absoluteHtml', () => {
  it('makes links and pictures absolute against the entry and keeps the rest as it was', () => {
    const html =
      '<p>Se <a href="/medlemmer/x/">x</a> og <a href="#user-content-fn-1">1</a> &amp; <code>&lt;b&gt;</code></p><img src="/media/blog/a.png" alt="A &quot;b&quot;"><!-- c --><ul><li><input type="checkbox" checked disabled> ok</li></ul>';
    expect(absoluteHtml(html, 'https://x.dk/blog/a/')).toBe(
      '<p>Se <a href="https://x.dk/medlemmer/x/">x</a> og <a href="https://x.dk/blog/a/#user-content-fn-1">1</a> &amp; <code>&lt;b&gt;</code></p><img src="https://x.dk/media/blog/a.png" alt="A &quot;b&quot;"><ul><li><input type="checkbox" checked="" disabled=""> ok</li></ul>',
    );
  });
});

describe('factsHtml', () => {
  it('lists facts as a definition list and never an e-mail address', () => {
    const html = factsHtml(
      [
        { key: 'where', label: 'Sted', value: { kind: 'text', text: 'Bio & café' } },
        { key: 'mail', label: 'E-mail', value: { kind: 'email', address: 'a@b.dk' } },
      ],
      'https://x.dk/',
    );
    expect(html).toBe('<dl><dt>Sted</dt><dd>Bio &amp; café</dd></dl>');
  });
});

describe('mediaEnclosure', () => {
  const pub = fs.mkdtempSync(path.join(os.tmpdir(), 'feed-public-'));
  fs.mkdirSync(path.join(pub, 'media/blog'), { recursive: true });
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
  fs.writeFileSync(path.join(pub, 'media/blog/a.svg'), svg);
  fs.writeFileSync(path.join(pub, 'secret.png'), 'x');
  fs.symlinkSync(path.join(pub, 'secret.png'), path.join(pub, 'media/blog/link.png'));
  const site = new URL('https://x.dk/');

  it('gives a media picture its absolute URL, type and size in bytes', () => {
    expect(mediaEnclosure('/media/blog/a.svg', pub, site)).toEqual({
      url: 'https://x.dk/media/blog/a.svg',
      type: 'image/svg+xml',
      length: Buffer.byteLength(svg),
    });
  });

  it('gives nothing outside the media folder, through a link, or for a missing file', () => {
    expect(mediaEnclosure('/media/../secret.png', pub, site)).toBeUndefined();
    expect(mediaEnclosure('https://evil.example/media/x.png', pub, site)).toBeUndefined();
    expect(mediaEnclosure('/media/blog/link.png', pub, site)).toBeUndefined();
    expect(mediaEnclosure('/media/blog/none.png', pub, site)).toBeUndefined();
  });
});

describe('feed paths', () => {
  it('puts a page’s feeds under /feed/ at the page’s path, and keeps the blog’s RSS at /rss.xml', () => {
    expect(blogFeedPath('da', 'rss')).toBe('/rss.xml');
    expect(blogFeedPath('en', 'rss')).toBe('/en/rss.xml');
    expect(blogFeedPath('da', 'atom')).toBe('/feed/blog/atom.xml');
    expect(blogFeedPath('en', 'json')).toBe('/en/feed/blog/feed.json');
    expect(tagFeedPath('da', 'prissætning', 'rss')).toBe('/feed/blog/emne/prissaetning/rss.xml');
    expect(pageFeedPath('en', '/en/events/', 'atom')).toBe('/en/feed/events/atom.xml');
  });
});
