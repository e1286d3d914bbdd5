import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { TEST_DIST } from './global-setup.ts';
import { ROOT } from '../helpers/build.ts';
import { htmlFiles } from '../helpers/dist.ts';
import { validateContent, type ValidEntry } from '../../src/lib/content/validate.ts';
import { SOCIAL_IMAGE_SIZE } from '../../src/site/social-image.ts';
import { ICONS, manifestPath } from '../../src/site/icons.ts';
import { clip, DESCRIPTION_MAX } from '../../src/site/descriptions.ts';

/**
 * What link previews and search engines read of every built page: the description, OpenGraph
 * and Twitter tags, the JSON-LD graph (with the properties Google's rich results require for
 * each type), the icons and the manifest; and that none of it carries anyone's e-mail or phone.
 */

type Node = Record<string, any>;
interface Page {
  file: string;
  html: string;
  head: string;
  meta: Map<string, string[]>;
  graph: Node | undefined;
  jsonLd: string[];
}

const contentDir = process.env.CONTENT_DIR || path.join(ROOT, 'content');
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

let entries: ValidEntry[];
let pages: Page[];
let settings: { description: { da: string; en: string }; contact_email: string };
const nodes = (p: Page): Node[] => (p.graph?.['@graph'] as Node[]) ?? [];
const ofType = (type: string) =>
  pages.flatMap((p) =>
    nodes(p)
      .filter((n) => n['@type'] === type)
      .map((n) => [p, n] as const),
  );
const absolute = (url: unknown) => typeof url === 'string' && /^https?:\/\/[^/\s]+(\/|$)/.test(url);
/** The site's own Organization node (other Organizations are wiki networks and organisers). */
const isSiteOrg = (n: Node) => /^https?:\/\/[^/]+\/#organization$/.test(n['@id'] ?? '');

beforeAll(() => {
  const result = validateContent(contentDir);
  expect(result.issues).toEqual([]);
  entries = result.entries;
  settings = result.raw.files.settings!.data as typeof settings;
  pages = htmlFiles(TEST_DIST)
    .filter(([file]) => !file.startsWith('admin/'))
    .map(([file, html]) => {
      const head = html.slice(0, html.indexOf('</head>'));
      const meta = new Map<string, string[]>();
      for (const m of head.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g))
        meta.set(m[1]!, [...(meta.get(m[1]!) ?? []), decode(m[2]!)]);
      const jsonLd = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      return { file, html, head, meta, jsonLd, graph: jsonLd[0] ? JSON.parse(jsonLd[0]) : undefined };
    });
});

const one = (p: Page, key: string) => p.meta.get(key)?.[0];
const isPage = (p: Page) => p.file !== '404.html';
const pathOf = (p: Page) => `/${p.file.replace(/index\.html$/, '')}`;

describe('each page says what it is', () => {
  it('has a description of its own wherever its entry has text: the generic blurb only on the home pages', () => {
    const generic = new Set([settings.description.da, settings.description.en]);
    // The sections of this kit's own rows; rows added later are checked by their own tests.
    const sections =
      /^\/(en\/)?(medlemmer|members|blog|netvaerk|networks|arrangementer|events|grupper|groups|marked|market|soeg|search|kontakt|contact)\//;
    const freePages = entries
      .filter((e) => e.collection === 'pages')
      .map((e) => `${e.data.lang === 'en' ? '/en/' : '/'}${e.slug}/`);
    const checked = pages.filter((p) => sections.test(pathOf(p)) || freePages.includes(pathOf(p)));
    expect(checked.length).toBeGreaterThan(200);
    for (const p of checked) {
      const description = one(p, 'description')!;
      expect(generic.has(description), p.file).toBe(false);
      expect(description.length, p.file).toBeGreaterThan(10);
      expect(description.length, p.file).toBeLessThanOrEqual(DESCRIPTION_MAX);
      expect(description, p.file).not.toMatch(/[*_`#[\]<>]|\]\(/);
      expect(one(p, 'og:description'), p.file).toBe(description);
      expect(one(p, 'twitter:description'), p.file).toBe(description);
    }
    for (const home of pages.filter((p) => pathOf(p) === '/' || pathOf(p) === '/en/'))
      expect(generic.has(one(home, 'description')!)).toBe(true);
  });

  it('gives a member page their services, a post, event or free page its own description', () => {
    const byPath = new Map(pages.map((p) => [pathOf(p), p]));
    const own = (urlPath: string) => one(byPath.get(urlPath)!, 'description');
    for (const m of entries.filter((e) => e.collection === 'members' && e.data.listed && e.data.services))
      expect(own(`/medlemmer/${m.slug}/`), m.slug).toBe(clip((m.data.services as string[]).join(', ')));
    for (const e of entries.filter((e) => e.collection === 'events'))
      expect(own(`/arrangementer/${e.slug}/`), e.slug).toBe(clip(String(e.data.description)));
    for (const e of entries.filter((e) => e.collection === 'blog' && !e.data.draft))
      expect(own(`${e.data.lang === 'en' ? '/en/' : '/'}blog/${e.slug}/`), e.slug).toBe(
        clip(String(e.data.description)),
      );
    for (const e of entries.filter((e) => e.collection === 'pages'))
      expect(own(`${e.data.lang === 'en' ? '/en/' : '/'}${e.slug}/`), e.slug).toBe(clip(String(e.data.description)));
  });

  it('has OpenGraph and Twitter tags with absolute addresses and a picture of the declared size', () => {
    for (const p of pages.filter(isPage)) {
      for (const key of ['og:url', 'og:image', 'twitter:image'])
        expect(absolute(one(p, key)), `${p.file} ${key}`).toBe(true);
      expect(one(p, 'og:url'), p.file).toBe(p.head.match(/<link rel="canonical" href="([^"]+)"/)?.[1]);
      expect(one(p, 'og:image:width'), p.file).toBe(String(SOCIAL_IMAGE_SIZE.width));
      expect(one(p, 'og:image:height'), p.file).toBe(String(SOCIAL_IMAGE_SIZE.height));
      expect(one(p, 'og:image:alt'), p.file).toBeTruthy();
      expect(one(p, 'twitter:card')).toBe('summary_large_image');
      expect(one(p, 'og:locale'), p.file).toMatch(/^(da_DK|en_GB)$/);
    }
  });

  it('describes a member’s picture with their municipality’s name, not its id', () => {
    const byPath = new Map(pages.map((p) => [pathOf(p), p]));
    const names = new Map(
      (
        parseYaml(fs.readFileSync(path.join(ROOT, 'content/taxonomies/municipalities.yml'), 'utf8')) as {
          id: string;
          name: string;
        }[]
      ).map((m) => [m.id, m.name]),
    );
    const members = entries.filter((e) => e.collection === 'members' && e.data.listed);
    expect(members.length).toBeGreaterThan(5);
    for (const m of members) {
      const alt = one(byPath.get(`/medlemmer/${m.slug}/`)!, 'og:image:alt')!;
      expect(alt, m.slug).toContain(names.get(String(m.data.municipality)));
    }
  });

  it('points og:image at a PNG that exists with the size the tags say', () => {
    const images = new Set(pages.filter(isPage).map((p) => new URL(one(p, 'og:image')!).pathname));
    expect(images.size).toBeGreaterThan(1);
    for (const image of images) {
      const file = path.join(TEST_DIST, image);
      expect(fs.existsSync(file), image).toBe(true);
      const png = fs.readFileSync(file);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], image).toEqual([
        SOCIAL_IMAGE_SIZE.width,
        SOCIAL_IMAGE_SIZE.height,
      ]);
    }
  });

  it('types posts as articles with their dates and authors, members as profiles, the rest as websites', () => {
    for (const p of pages.filter(isPage)) {
      const type = one(p, 'og:type');
      const path = pathOf(p);
      if (/^\/(en\/)?blog\/(?!side\/|page\/|emne\/|tag\/|forfatter\/|author\/)[^/]+\/$/.test(path)) {
        expect(type, p.file).toBe('article');
        expect(one(p, 'article:published_time'), p.file).toMatch(/^\d{4}-\d{2}-\d{2}/);
        expect(p.meta.get('article:author')?.length, p.file).toBeGreaterThan(0);
      } else if (/^\/(medlemmer|en\/members)\/(?!side\/|page\/)[^/]+\/$/.test(path))
        expect(type, p.file).toBe('profile');
      else expect(type, p.file).toBe('website');
    }
  });
});

describe('structured data (JSON-LD)', () => {
  it('is one graph per page that parses, in the schema.org context, every node typed, with no "<" to end the script', () => {
    for (const p of pages.filter(isPage)) {
      expect(p.jsonLd, p.file).toHaveLength(1);
      expect(p.jsonLd[0], p.file).not.toContain('<');
      expect(p.graph!['@context'], p.file).toBe('https://schema.org');
      for (const n of nodes(p)) expect(n['@type'], p.file).toEqual(expect.any(String));
    }
  });

  it('names the network on every page: Organization with name, url and logo', () => {
    for (const p of pages.filter(isPage)) {
      const org = nodes(p).find(isSiteOrg);
      expect(org, p.file).toMatchObject({ '@type': 'Organization', name: expect.any(String) });
      expect(absolute(org!.url) && absolute(org!.logo), p.file).toBe(true);
      expect(fs.existsSync(path.join(TEST_DIST, new URL(org!.logo).pathname))).toBe(true);
    }
    const networks = entries.filter((e) => e.collection === 'wiki');
    const orgs = ofType('Organization').filter(([, n]) => !isSiteOrg(n));
    // Each wiki network's page, in both languages.
    expect(orgs.filter(([p]) => /^(en\/networks|netvaerk)\/[^/]+\/index\.html$/.test(p.file))).toHaveLength(
      networks.length * 2,
    );
    for (const [p, n] of orgs) expect(n.name && absolute(n.url), p.file).toBe(true);
  });

  it('shows every listed member as a Person working for a ProfessionalService with a name and address', () => {
    const listed = entries.filter((e) => e.collection === 'members' && e.data.listed);
    const people = ofType('Person').filter(([p]) => /^(medlemmer|en\/members)\/[^/]+\/index\.html$/.test(p.file));
    expect(people).toHaveLength(listed.length * 2);
    for (const [p, person] of people) {
      expect(person.name && absolute(person.url), p.file).toBe(true);
      expect(person.worksFor, p.file).toMatchObject({
        '@type': 'ProfessionalService',
        name: expect.any(String),
        address: { '@type': 'PostalAddress', addressLocality: expect.any(String), addressCountry: 'DK' },
      });
    }
  });

  it('shows every event with name, start date with offset and a location; cancelled ones as cancelled', () => {
    const events = entries.filter((e) => e.collection === 'events');
    const found = ofType('Event');
    expect(found).toHaveLength(events.length * 2);
    for (const [p, e] of found) {
      expect(e.name, p.file).toBeTruthy();
      expect(e.startDate, p.file).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      const locations = [e.location].flat();
      expect(locations.length, p.file).toBeGreaterThan(0);
      for (const l of locations)
        if (l['@type'] === 'Place') expect(l.address?.addressCountry, p.file).toBe('DK');
        else expect([l['@type'], absolute(l.url)], p.file).toEqual(['VirtualLocation', true]);
      expect(e.eventStatus, p.file).toMatch(/^https:\/\/schema\.org\/Event(Scheduled|Cancelled)$/);
    }
    for (const ev of events.filter((e) => e.data.status === 'cancelled'))
      expect(found.filter(([p]) => p.file.endsWith(`/${ev.slug}/index.html`)).map(([, e]) => e.eventStatus)).toEqual([
        'https://schema.org/EventCancelled',
        'https://schema.org/EventCancelled',
      ]);
  });

  it('shows every post as a BlogPosting with headline, image, date published and authors with name and url', () => {
    const posts = entries.filter((e) => e.collection === 'blog' && !e.data.draft);
    const found = ofType('BlogPosting').filter(([, n]) => n.datePublished);
    expect(found).toHaveLength(posts.length);
    for (const [p, post] of found) {
      expect(post.headline, p.file).toBeTruthy();
      expect([post.image].flat().every(absolute), p.file).toBe(true);
      expect(post.datePublished, p.file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(post.author.length, p.file).toBeGreaterThan(0);
      for (const a of post.author) expect(a.name && absolute(a.url), p.file).toBe(true);
    }
    const translated = found.filter(([, n]) => n.workTranslation || n.translationOfWork);
    expect(translated.length).toBeGreaterThan(1);
    for (const [, n] of translated) expect(absolute((n.workTranslation ?? n.translationOfWork).url)).toBe(true);
  });

  it('has breadcrumbs on every page below the home page: positions from 1, names, absolute items ending at the page', () => {
    for (const p of pages.filter(isPage)) {
      const trails = nodes(p).filter((n) => n['@type'] === 'BreadcrumbList');
      if (pathOf(p) === '/' || pathOf(p) === '/en/') {
        expect(trails, p.file).toEqual([]);
        continue;
      }
      expect(trails, p.file).toHaveLength(1);
      const items = trails[0]!.itemListElement as Node[];
      expect(items.length, p.file).toBeGreaterThanOrEqual(2);
      items.forEach((item, i) => {
        expect(item.position, p.file).toBe(i + 1);
        expect(item.name, p.file).toBeTruthy();
        expect(absolute(item.item), p.file).toBe(true);
      });
      expect(items.at(-1)!.item, p.file).toBe(one(p, 'og:url'));
    }
  });
});

describe('privacy', () => {
  it('puts no e-mail address or phone number of anyone in any JSON-LD or meta tag', () => {
    const secrets = [
      settings.contact_email,
      ...entries.flatMap((e) =>
        [e.data.email, e.data.phone, e.data.contact_email].filter((v): v is string => typeof v === 'string'),
      ),
    ];
    expect(secrets.length).toBeGreaterThan(10);
    const digits = (s: string) => s.replace(/\D/g, '');
    for (const p of pages) {
      const read = [...p.jsonLd, ...[...p.meta.values()].flat()].join('\n');
      for (const s of secrets) {
        expect(read.includes(s), `${p.file}: ${s}`).toBe(false);
        if (/^\+?[\d\s-]{8,}$/.test(s)) expect(digits(read).includes(digits(s)), `${p.file}: ${s}`).toBe(false);
      }
      expect(read, p.file).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(read, p.file).not.toMatch(/"(email|telephone|faxNumber)"/);
    }
  });
});

describe('icons and the web manifest', () => {
  it('are linked from every page and exist in the build', () => {
    for (const p of pages.filter(isPage)) {
      const lang = p.html.match(/<html lang="(\w+)"/)![1] as 'da' | 'en';
      expect(p.head, p.file).toContain(`<link rel="manifest" href="${manifestPath(lang)}">`);
      expect(p.head, p.file).toContain('<link rel="apple-touch-icon" href="/icons/apple-touch-icon.png">');
      expect(p.head, p.file).toContain('<link rel="icon" type="image/png" sizes="32x32" href="/icons/icon-32.png">');
      expect(one(p, 'theme-color'), p.file).toMatch(/^#[0-9a-f]{6}$/i);
    }
    for (const icon of ICONS) expect(fs.existsSync(path.join(TEST_DIST, icon.path)), icon.path).toBe(true);
  });

  it('has a manifest per language whose icons exist, starting at that language’s home page', () => {
    for (const lang of ['da', 'en'] as const) {
      const manifest = JSON.parse(fs.readFileSync(path.join(TEST_DIST, manifestPath(lang)), 'utf8'));
      expect(manifest).toMatchObject({ lang, start_url: lang === 'da' ? '/' : '/en/', name: expect.any(String) });
      for (const icon of manifest.icons) expect(fs.existsSync(path.join(TEST_DIST, icon.src)), icon.src).toBe(true);
      expect(manifest.icons.some((i: Node) => i.purpose === 'maskable' && i.sizes === '512x512')).toBe(true);
    }
  });
});
