import { describe, expect, it } from 'vitest';
import { authorPath, blogIndexPath, directoryPath, postPath, sectionPath, tagPath } from '../../src/i18n/urls.ts';

describe('localized paths', () => {
  it('uses Danish path names at the root and English ones under /en/', () => {
    expect(sectionPath('da', 'members', 'anne-lund')).toBe('/medlemmer/anne-lund/');
    expect(sectionPath('en', 'members', 'anne-lund')).toBe('/en/members/anne-lund/');
    expect(directoryPath('da', 2)).toBe('/medlemmer/side/2/');
    expect(blogIndexPath('en', 3)).toBe('/en/blog/page/3/');
    expect(tagPath('da', 'netvaerk')).toBe('/blog/emne/netvaerk/');
    expect(authorPath('en', 'anne-lund')).toBe('/en/blog/author/anne-lund/');
    expect(tagPath('da', 'prissætning', 2)).toBe('/blog/emne/prissaetning/side/2/');
    expect(authorPath('en', 'anne-lund', 3)).toBe('/en/blog/author/anne-lund/page/3/');
  });
  it('puts a post under its own language only', () => {
    expect(postPath({ id: 'hello', data: { lang: 'en' } })).toBe('/en/blog/hello/');
    expect(postPath({ id: 'hej', data: { lang: 'da' } })).toBe('/blog/hej/');
  });
});
