import { describe, expect, it } from 'vitest';
import { rssXml } from '../../src/site/feed.ts';

describe('RSS', () => {
  it('escapes text and carries language and a self link', () => {
    const xml = rssXml({
      title: 'Blog & co',
      description: '<b>x</b>',
      link: 'https://x.dk/blog/',
      self: 'https://x.dk/rss.xml',
      language: 'da',
      items: [
        {
          title: 'A "quote"',
          link: 'https://x.dk/blog/a/',
          description: 'd',
          date: new Date('2026-01-02T00:00:00Z'),
          categories: ['netvaerk'],
        },
      ],
    });
    expect(xml).toContain('<title>Blog &amp; co</title>');
    expect(xml).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(xml).toContain('<title>A &quot;quote&quot;</title>');
    expect(xml).toContain('<pubDate>Fri, 02 Jan 2026 00:00:00 GMT</pubDate>');
    expect(xml).toContain('<atom:link href="https://x.dk/rss.xml" rel="self"');
  });
});
