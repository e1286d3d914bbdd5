import { describe, expect, it } from 'vitest';
import { toCard, type ResultData } from '../../src/components/search/render.ts';
import { bundlePaths } from '../../src/components/search/bundles.ts';

const member: ResultData = {
  url: '/medlemmer/anne-lund/',
  excerpt: 'Grafisk <mark>design</mark> og illustration',
  meta: { title: 'Anne Lund', business: 'Lund Grafik', place: 'Guldborgsund', summary: 'Logoer, Plakater' },
  filters: { type: ['Medlem'], trade: ['Grafisk design', 'Kommunikation'], municipality: ['Guldborgsund'] },
};
const post: ResultData = {
  url: '/blog/2026/traef/',
  excerpt: 'Om <mark>træffet</mark>',
  meta: { title: 'Træffet', summary: 'Tre dage i Nykøbing F.' },
  filters: { type: ['Blogindlæg'] },
};

describe('result cards', () => {
  it('gives a member the parts of the static member card: name, business, municipality, trades as chips', () => {
    expect(toCard(member, { hasQuery: false, memberType: 'Medlem', scoped: true })).toEqual({
      href: '/medlemmer/anne-lund/',
      title: 'Anne Lund',
      business: 'Lund Grafik',
      meta: 'Guldborgsund',
      chips: ['Grafisk design', 'Kommunikation'],
    });
  });

  it('does not repeat the type on each card of a directory, but names it in the site-wide search', () => {
    expect(toCard(member, { hasQuery: false, memberType: 'Medlem', scoped: true }).meta).toBe('Guldborgsund');
    expect(toCard(member, { hasQuery: false, memberType: 'Medlem', scoped: false }).meta).toBe('Medlem · Guldborgsund');
  });

  it('adds the highlighted excerpt to a member card only when there is a query', () => {
    expect(toCard(member, { hasQuery: true, memberType: 'Medlem', scoped: true }).excerptHtml).toBe(member.excerpt);
    expect(toCard(member, { hasQuery: false, memberType: 'Medlem', scoped: true }).excerptHtml).toBeUndefined();
  });

  it('shows other content with its type and its summary, or the excerpt when there is a query', () => {
    expect(toCard(post, { hasQuery: false, memberType: 'Medlem', scoped: false })).toEqual({
      href: '/blog/2026/traef/',
      title: 'Træffet',
      meta: 'Blogindlæg',
      chips: [],
      summary: 'Tre dage i Nykøbing F.',
    });
    expect(toCard(post, { hasQuery: true, memberType: 'Medlem', scoped: false }).excerptHtml).toBe(
      'Om <mark>træffet</mark>',
    );
  });
});

describe('search bundles named by the page', () => {
  it('is the one default bundle when the page names none', () => {
    expect(bundlePaths(undefined)).toEqual(['/pagefind/']);
    expect(bundlePaths('[]')).toEqual(['/pagefind/']);
  });

  it('keeps the order: the first is the primary index, the rest are merged into it', () => {
    expect(bundlePaths('["/pagefind/da/","/pagefind/members/"]')).toEqual(['/pagefind/da/', '/pagefind/members/']);
  });

  it('takes only paths on this site that end in a slash; anything else falls back to the default', () => {
    for (const bad of [
      '["https://evil.example/pagefind/"]',
      '["//evil.example/pagefind/"]',
      '["/\\\\evil.example/"]',
      '["/pagefind"]',
      '["/pagefind/../admin/"]',
      '["/pagefind/?x=1/"]',
      '[1]',
      '{"a":"/pagefind/"}',
      'not json',
    ])
      expect(bundlePaths(bad), bad).toEqual(['/pagefind/']);
  });
});
