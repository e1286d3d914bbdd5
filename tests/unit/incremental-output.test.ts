import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageFile, staleFiles } from '../../src/integrations/incremental-output.ts';
import { filesUnder } from '../../src/lib/files-under.ts';

describe('the files a build writes', () => {
  it('names the file of a page, as Astro lists it or as a request asks for it', () => {
    expect(pageFile('')).toBe('index.html');
    expect(pageFile('/')).toBe('index.html');
    expect(pageFile('medlemmer/anne-lund/')).toBe('medlemmer/anne-lund/index.html');
    expect(pageFile('/en/members/anne-lund/')).toBe('en/members/anne-lund/index.html');
    expect(pageFile('medlemmer/anne-lund')).toBe('medlemmer/anne-lund/index.html');
    expect(pageFile('rss.xml')).toBe('rss.xml');
    // Astro's error pages are files of their own in a directory-format build.
    expect(pageFile('404')).toBe('404.html');
    expect(pageFile('/404/')).toBe('404.html');
    expect(pageFile('500')).toBe('500.html');
    expect(pageFile('4044/')).toBe('4044/index.html');
  });

  it('removes what the previous build wrote and this one did not, and nothing after a first build', () => {
    const now = { pages: ['index.html', 'a/index.html'], public: ['media/x.png'] };
    expect(staleFiles(undefined, now)).toEqual([]);
    const before = {
      version: 1 as const,
      pages: ['index.html', 'b/index.html'],
      public: ['media/x.png', 'media/y.png'],
    };
    expect(staleFiles(before, now)).toEqual(['b/index.html', 'media/y.png']);
  });

  it('lists a folder’s files by relative paths, sorted, and nothing for a folder that is not there', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'files-under-'));
    fs.mkdirSync(path.join(dir, 'b/c'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'b/c/z.html'), '');
    fs.writeFileSync(path.join(dir, 'a.txt'), '');
    expect(filesUnder(dir)).toEqual(['a.txt', 'b/c/z.html']);
    expect(filesUnder(path.join(dir, 'missing'))).toEqual([]);
    fs.rmSync(dir, { recursive: true });
  });
});
