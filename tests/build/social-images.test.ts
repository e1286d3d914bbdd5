import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIST } from './global-setup.ts';
import { ROOT } from '../helpers/build.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { cardsFromContent } from '../../src/integrations/social-images.ts';
import { memberImagePath, type SocialCard } from '../../src/site/social-image.ts';

const contentDir = process.env.CONTENT_DIR || path.join(ROOT, 'content');

/** Width and height from a PNG's IHDR chunk (bytes 16–23), and whether the file starts as a PNG does. */
export function pngSize(file: string): { png: boolean; width: number; height: number } {
  const head = Buffer.alloc(24);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, head, 0, 24, 0);
  fs.closeSync(fd);
  return {
    png: head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    width: head.readUInt32BE(16),
    height: head.readUInt32BE(20),
  };
}

let cards: SocialCard[];
let unlisted: string[];
beforeAll(() => {
  const { entries, taxonomies, raw } = validateContent(contentDir);
  cards = cardsFromContent(entries, raw.files.settings!.data as Record<string, unknown>, taxonomies);
  unlisted = entries.filter((e) => e.collection === 'members' && e.data.listed === false).map((e) => e.slug);
});

const pageDirs = (section: string) =>
  fs
    .readdirSync(path.join(TEST_DIST, section), { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(TEST_DIST, section, d.name, 'index.html')))
    .map((d) => d.name)
    .filter((name) => !['side', 'page', 'tidligere', 'past', 'emne', 'forfatter', 'tag', 'author'].includes(name));

describe('link-preview pictures in the sample build', () => {
  it('gives every member, post, event and network page a 1200×630 PNG, in both languages', () => {
    const expected = [
      ...pageDirs('medlemmer').map((s) => `/social/member/${s}.png`),
      ...pageDirs('en/members').map((s) => `/social/member/${s}.png`),
      ...pageDirs('arrangementer').map((s) => `/social/event/${s}-da.png`),
      ...pageDirs('en/events').map((s) => `/social/event/${s}-en.png`),
      ...pageDirs('netvaerk').map((s) => `/social/network/${s}-da.png`),
      ...pageDirs('en/networks').map((s) => `/social/network/${s}-en.png`),
      ...pageDirs('blog').map((s) => `/social/post/${s}.png`),
      ...pageDirs('en/blog').map((s) => `/social/post/${s}.png`),
      '/social/site-da.png',
      '/social/site-en.png',
    ];
    expect(expected.length).toBeGreaterThan(100);
    for (const rel of expected) {
      const file = path.join(TEST_DIST, rel);
      expect(fs.existsSync(file), rel).toBe(true);
      expect(pngSize(file), rel).toEqual({ png: true, width: 1200, height: 630 });
    }
  });

  it('writes exactly the pictures the content calls for, nothing else under /social/', () => {
    const written = fs.readdirSync(path.join(TEST_DIST, 'social'), { recursive: true, withFileTypes: true });
    const files = written.filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
    expect(files.map((f) => `/${path.relative(TEST_DIST, f)}`).sort()).toEqual(cards.map((c) => c.path).sort());
  });

  it('draws no picture of an unlisted member', () => {
    expect(unlisted.length).toBeGreaterThan(0);
    for (const slug of unlisted) expect(fs.existsSync(path.join(TEST_DIST, memberImagePath(slug)))).toBe(false);
  });

  it('says in the build log how many pictures it drew and reused', () => {
    const log = fs.readFileSync(path.join(TEST_DIST, '.build-log.txt'), 'utf8');
    expect(log).toMatch(new RegExp(`Social images: ${cards.length} pictures, ${cards.length} drawn, 0 reused`));
  });
});
