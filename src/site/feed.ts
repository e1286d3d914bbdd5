import fs from 'node:fs';
import path from 'node:path';
import { Feed, type Author, type Enclosure } from 'feed';
import { Parser } from 'htmlparser2';
import { isMediaPath } from '../lib/sanitize.ts';
import type { FeedFormat } from '../i18n/urls.ts';
import type { Fact } from './facts.ts';

/**
 * One feed, written as RSS 2.0, Atom 1.0 or JSON Feed by the `feed` library. Everything here is
 * pure but the picture's size (read from public/): the site's feeds are assembled in
 * src/site/feeds.ts.
 */

export interface FeedPerson {
  name: string;
  /** A member's page, a guest author's website. Never an e-mail address. */
  link?: string | undefined;
}

export interface FeedEntry {
  title: string;
  /** Absolute URL of the entry's page; also its id. */
  link: string;
  summary: string;
  /** The body as the site renders it (sanitized), with absolute links (absoluteHtml). */
  html?: string | undefined;
  published: Date;
  updated: Date;
  authors: FeedPerson[];
  categories: string[];
  image?: Enclosure | undefined;
}

export interface FeedSpec {
  title: string;
  description: string;
  language: string;
  /** Absolute URL of the page the feed follows (its id too). */
  link: string;
  /** Absolute URLs of the feed's three files. */
  self: Record<FeedFormat, string>;
  /** The newest entry's date; the build's "now" for an empty feed, so that the bytes follow the content. */
  updated: Date;
  favicon?: string;
  items: FeedEntry[];
}

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/** The feed in one format, as text. */
export function renderFeed(spec: FeedSpec, format: FeedFormat): string {
  const feed = new Feed({
    title: spec.title,
    description: spec.description,
    id: spec.link,
    link: spec.link,
    language: spec.language,
    updated: spec.updated,
    ...(spec.favicon && { favicon: spec.favicon }),
    feedLinks: spec.self,
  });
  for (const item of spec.items) {
    feed.addItem({
      title: item.title,
      id: item.link,
      link: item.link,
      description: item.summary,
      ...(item.html && { content: item.html }),
      date: item.updated,
      published: item.published,
      // feed's JSON Feed reads the first author without looking: no list rather than an empty one.
      ...(item.authors.length && { author: item.authors.map(person) }),
      ...(item.categories.length && { category: item.categories.map((c) => ({ name: c, term: c })) }),
      ...(item.image && { image: item.image }),
    });
  }
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return atomEnclosureTypes(feed.atom1(), spec);
  return jsonFeed11(feed.json1(), spec);
}

/**
 * `feed` gives an Atom enclosure the type "image/" + the file's extension whatever the item says
 * (image/jpg, image/svg); the item's own type is put back.
 */
function atomEnclosureTypes(xml: string, spec: FeedSpec): string {
  let out = xml;
  for (const { image } of spec.items) {
    if (!image?.type) continue;
    const href = `href="${escapeAttr(image.url)}" type="`;
    out = out.replace(new RegExp(`${escapeRegExp(href)}image/[^"]*"`, 'g'), `${href}${image.type}"`);
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const person = (p: FeedPerson): Author => ({ name: p.name, ...(p.link && { link: p.link }) });

/**
 * `feed` writes JSON Feed 1.0, which has one author per item and no language. 1.1 adds both
 * (`authors`, `language`) and keeps 1.0's fields, so readers of either version get what they know.
 */
function jsonFeed11(json: string, spec: FeedSpec): string {
  const doc = JSON.parse(json) as { version: string; language?: string; items: Record<string, unknown>[] };
  doc.version = 'https://jsonfeed.org/version/1.1';
  doc.language = spec.language;
  doc.items.forEach((item, i) => {
    const authors = spec.items[i]!.authors;
    if (authors.length) item.authors = authors.map((a) => ({ name: a.name, ...(a.link && { url: a.link }) }));
  });
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function feedResponse(spec: FeedSpec, format: FeedFormat): Response {
  return new Response(renderFeed(spec, format), {
    headers: { 'Content-Type': `${FEED_TYPES[format]}; charset=utf-8` },
  });
}

const VOID = new Set(['area', 'br', 'col', 'hr', 'img', 'input', 'wbr', 'source', 'track']);
const escapeText = (s: string) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
const escapeAttr = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function absolute(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/**
 * A rendered body with every `href` and `src` made absolute against `base` (the entry's page), since
 * a feed reader shows it away from the site. The input is the site's sanitized HTML: this only
 * writes it out again, element by element, with comments dropped and text and attributes escaped.
 */
export function absoluteHtml(html: string, base: string): string {
  let out = '';
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        out += `<${name}`;
        for (const [key, value] of Object.entries(attribs))
          out += ` ${key}="${escapeAttr(key === 'href' || key === 'src' ? absolute(value, base) : value)}"`;
        out += '>';
      },
      ontext(text) {
        out += escapeText(text);
      },
      onclosetag(name) {
        if (!VOID.has(name)) out += `</${name}>`;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out;
}

/** Facts (src/site/facts.ts) as a definition list, for an entry whose page shows them. E-mail addresses are left out. */
export function factsHtml(facts: Fact[], base: string): string {
  const value = (f: Fact): string | undefined => {
    const v = f.value;
    switch (v.kind) {
      case 'text':
        return escapeText(v.text);
      case 'terms':
      case 'chips':
        return escapeText(v.items.join(', '));
      case 'links':
        return v.items
          .map((l) =>
            l.href ? `<a href="${escapeAttr(absolute(l.href, base))}">${escapeText(l.text)}</a>` : escapeText(l.text),
          )
          .join(', ');
      case 'times':
        return v.items.map((t) => `<time datetime="${escapeAttr(t.datetime)}">${escapeText(t.text)}</time>`).join('–');
      case 'email':
        return undefined;
    }
  };
  const rows = facts.flatMap((f) => {
    const v = value(f);
    return v === undefined ? [] : [`<dt>${escapeText(f.label)}</dt><dd>${v}</dd>`];
  });
  return rows.length ? `<dl>${rows.join('')}</dl>` : '';
}

/** Pictures as `<figure>`s (a photo post's gallery), from the site's media folder only. */
export function figuresHtml(
  images: { src: string; alt: string; caption?: string | undefined }[],
  base: string,
): string {
  return images
    .filter((img) => isMediaPath(img.src))
    .map(
      (img) =>
        `<figure><img src="${escapeAttr(absolute(img.src, base))}" alt="${escapeAttr(img.alt)}">${
          img.caption ? `<figcaption>${escapeText(img.caption)}</figcaption>` : ''
        }</figure>`,
    )
    .join('');
}

const MEDIA_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  svg: 'image/svg+xml',
};

/**
 * A picture of the media folder as an enclosure: its absolute URL, type and size in bytes (what RSS
 * requires). Only `/media/…` paths, and only a regular file there (never through a link); none else.
 */
export function mediaEnclosure(src: string | undefined, publicDir: string, site: URL): Enclosure | undefined {
  if (!src || !isMediaPath(src)) return undefined;
  const pathname = new URL(src, site).pathname;
  const type = MEDIA_TYPES[path.extname(pathname).slice(1).toLowerCase()];
  if (!type) return undefined;
  const root = path.resolve(publicDir, 'media');
  const file = path.resolve(publicDir, `.${decodeURIComponent(pathname)}`);
  if (!file.startsWith(root + path.sep)) return undefined;
  try {
    const stat = fs.lstatSync(file);
    if (!stat.isFile()) return undefined;
    return { url: new URL(pathname, site).href, type, length: stat.size };
  } catch {
    return undefined;
  }
}
