import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIST } from './global-setup.ts';
import { fileFor, htmlFiles } from '../helpers/dist.ts';

interface Img {
  page: string;
  attrs: Record<string, string>;
  /** The <source> elements of its <picture>, if it is in one. */
  sources: Record<string, string>[];
}

const attrsOf = (tag: string) =>
  Object.fromEntries([...tag.matchAll(/\s([\w-]+)(?:="([^"]*)")?/g)].map((m) => [m[1], m[2] ?? '']));
const unescape = (s: string) => s.replace(/&amp;/g, '&');

let imgs: Img[];
beforeAll(() => {
  imgs = htmlFiles(TEST_DIST)
    .filter(([file]) => !file.startsWith('admin/'))
    .flatMap(([file, html]) => {
      const body = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<template[\s\S]*?<\/template>/g, '');
      const pictures = [...body.matchAll(/<picture[\s\S]*?<\/picture>/g)].map((m) => m[0]);
      return [...body.matchAll(/<img\b[^>]*>/g)].map((m) => {
        const picture = pictures.find((p) => p.includes(m[0]));
        const sources = picture ? [...picture.matchAll(/<source\b[^>]*>/g)].map((s) => attrsOf(s[0])) : [];
        return { page: file, attrs: attrsOf(m[0]), sources };
      });
    });
});

const sizeOf = async (src: string) => {
  const meta = await sharp(fs.readFileSync(fileFor(TEST_DIST, unescape(src)))).metadata();
  return { width: meta.width!, height: meta.height! };
};
const candidates = (srcset: string) =>
  srcset.split(',').map((c) => {
    const [url, descriptor] = c.trim().split(/\s+/);
    return { url, width: Number(descriptor.replace(/w$/, '')) };
  });

describe('pictures on the built pages', () => {
  it('are there: the photo post and member photos', () => {
    expect(imgs.some((i) => i.page.startsWith('blog/sommertur-til-bogoe/') && i.sources.length > 0)).toBe(true);
    expect(imgs.some((i) => i.attrs.class?.includes('avatar'))).toBe(true);
  });

  it('every <img> has a width and height of the shape of the file it shows', async () => {
    const checked = new Map<string, string>();
    for (const { page, attrs } of imgs) {
      const where = `${page}: <img src="${attrs.src}">`;
      expect(Number(attrs.width), where).toBeGreaterThan(0);
      expect(Number(attrs.height), where).toBeGreaterThan(0);
      if (checked.has(attrs.src + attrs.width)) continue;
      checked.set(attrs.src + attrs.width, where);
      const file = await sizeOf(attrs.src);
      // A drawing may be shown at another size than it is written at; its shape is what counts.
      expect(Math.abs(file.width / file.height - Number(attrs.width) / Number(attrs.height)), where).toBeLessThan(0.02);
      if (!attrs.src.endsWith('.svg'))
        expect(file, where).toEqual({ width: Number(attrs.width), height: Number(attrs.height) });
    }
  });

  it('photos come as AVIF and WebP beside the fallback, each candidate as wide as it says', async () => {
    const photos = imgs.filter((i) => i.sources.length > 0);
    expect(photos.length).toBeGreaterThan(0);
    for (const { page, attrs, sources } of photos) {
      expect(sources.map((s) => s.type).sort(), page).toEqual(['image/avif', 'image/webp']);
      for (const set of [attrs.srcset, ...sources.map((s) => s.srcset)].filter(Boolean)) {
        for (const c of candidates(set)) expect((await sizeOf(c.url)).width, `${page}: ${c.url}`).toBe(c.width);
      }
      if (attrs.srcset) expect(attrs.sizes, page).toBeTruthy();
    }
  });
});

describe('the photo post', () => {
  const html = () => fs.readFileSync(fileFor(TEST_DIST, '/blog/sommertur-til-bogoe/'), 'utf8');

  it('shows its gallery as a headed list of figures with captions and alt text', () => {
    const gallery = /<section aria-labelledby="gallery-title"[\s\S]*?<\/section>/.exec(html())?.[0] ?? '';
    expect(gallery).toMatch(/<h2 id="gallery-title">Billeder<\/h2>/);
    const items = [...gallery.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]);
    expect(items).toHaveLength(5);
    for (const item of items) {
      expect(item).toMatch(/<figure>[\s\S]*<figcaption>[^<]+<\/figcaption>\s*<\/figure>/);
      expect(attrsOf(/<img\b[^>]*>/.exec(item)![0]).alt.length).toBeGreaterThan(10);
    }
  });

  it('links each picture to its full-size file, which is there, with no script needed', () => {
    const links = [...html().matchAll(/<a class="gallery__full" href="([^"]+)">[\s\S]*?<\/a>/g)];
    expect(links).toHaveLength(5);
    for (const [link, href] of links) {
      expect(href).toMatch(/^\/media\/blog\/sommertur-til-bogoe-[a-z]+\.(jpg|png|svg)$/);
      expect(fs.existsSync(fileFor(TEST_DIST, href))).toBe(true);
      expect(link).toContain('(vis billedet i fuld størrelse)');
    }
  });
});
