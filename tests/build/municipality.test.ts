import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIST } from './global-setup.ts';
import { ROOT } from '../helpers/build.ts';
import { fileFor } from '../helpers/dist.ts';
import { validateContent, type ValidEntry } from '../../src/lib/content/validate.ts';
import { readTaxonomies } from '../../src/lib/content/taxonomies.ts';
import { municipalityNeighbours } from '../../src/site/geo.ts';
import type { Municipality } from '../../src/site/site-data.ts';

/**
 * The municipality pages (the welcome pack), checked against the content files: which
 * municipalities have a page, and that a page lists exactly its listed members, its networks
 * (with the nationwide and online ones) and its neighbours, with a QR code to itself.
 */

const contentDir = process.env.CONTENT_DIR || path.join(ROOT, 'content');
let entries: ValidEntry[];
const of = (c: string) => entries.filter((e) => e.collection === c);
const taxonomy = new Map((readTaxonomies(contentDir).municipalities as Municipality[]).map((m) => [m.id, m] as const));
const neighbours = municipalityNeighbours(taxonomy);
let expected: string[];

beforeAll(() => {
  entries = validateContent(contentDir).entries;
  const ids = new Set<string>();
  for (const m of of('members')) if (m.data.listed === true) ids.add(String(m.data.municipality));
  for (const n of of('wiki')) for (const id of n.data.municipalities as string[]) ids.add(id);
  for (const e of of('events')) {
    const venue = e.data.venue as { municipality: string } | undefined;
    if (venue) ids.add(venue.municipality);
  }
  expected = [...ids].sort();
});

const read = (urlPath: string) => fs.readFileSync(fileFor(TEST_DIST, urlPath), 'utf8');
const pageOf = (lang: 'da' | 'en', id: string) => (lang === 'da' ? `/kommuner/${id}/` : `/en/municipalities/${id}/`);
/** The HTML of one section of a page, by its heading's id. */
function section(html: string, id: string): string {
  const start = html.indexOf(`aria-labelledby="${id}"`);
  if (start < 0) return '';
  return html.slice(start, html.indexOf('</section>', start));
}
const links = (html: string, prefix: string) =>
  [...html.matchAll(new RegExp(`href="${prefix}([a-z0-9-]+)/"`, 'g'))].map((m) => m[1]!).sort();

describe('municipality pages', () => {
  it('exist for every municipality with a listed member, a network or an event, in both languages, and for no other', () => {
    const built = (dir: string) =>
      fs
        .readdirSync(path.join(TEST_DIST, dir), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort();
    expect(expected.length).toBeGreaterThan(10);
    expect(built('kommuner')).toEqual(expected);
    expect(built('en/municipalities')).toEqual(expected);
  });

  it('list exactly their listed members, and no unlisted member anywhere on the page', () => {
    const unlisted = of('members').filter((m) => m.data.listed !== true);
    expect(unlisted.length).toBeGreaterThan(0);
    for (const id of expected) {
      const listedHere = of('members')
        .filter((m) => m.data.listed === true && m.data.municipality === id)
        .map((m) => m.slug)
        .sort();
      for (const lang of ['da', 'en'] as const) {
        const html = read(pageOf(lang, id));
        const members = section(html, 'kommune-members');
        expect(links(members, lang === 'da' ? '/medlemmer/' : '/en/members/'), `${id} ${lang}`).toEqual(listedHere);
        for (const u of unlisted) {
          expect(html).not.toContain(`/${u.slug}/`);
          expect(html).not.toContain(String(u.data.name));
        }
      }
    }
  });

  it('list the networks that name them, then every nationwide and online network', () => {
    for (const id of expected) {
      const html = read(pageOf('da', id));
      const local = of('wiki').filter((n) => (n.data.municipalities as string[]).includes(id));
      const covering = of('wiki').filter(
        (n) => !local.includes(n) && (n.data.nationwide === true || n.data.kind === 'online'),
      );
      expect(links(section(html, 'kommune-local'), '/netvaerk/'), id).toEqual(local.map((n) => n.slug).sort());
      expect(links(section(html, 'kommune-covering'), '/netvaerk/'), id).toEqual(covering.map((n) => n.slug).sort());
    }
  });

  it('name their neighbours, linked when the neighbour has a page', () => {
    const withPage = new Set(expected);
    for (const id of expected) {
      const html = section(read(pageOf('da', id)), 'kommune-neighbours');
      const near = neighbours.get(id) ?? [];
      expect(links(html, '/kommuner/'), id).toEqual(near.filter((n) => withPage.has(n)).sort());
      for (const n of near) expect(html).toContain(taxonomy.get(n)!.name);
    }
    expect(links(section(read(pageOf('da', 'lolland')), 'kommune-neighbours'), '/kommuner/')).toEqual(['guldborgsund']);
  });

  it('carry the QR code qrcode makes for their own address, with a text alternative', async () => {
    for (const lang of ['da', 'en'] as const) {
      const html = read(pageOf(lang, 'guldborgsund'));
      const url = /<link rel="canonical" href="([^"]+)"/.exec(html)![1]!;
      expect(url.endsWith(pageOf(lang, 'guldborgsund'))).toBe(true);
      const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      const qr = /<div class="qr" role="img" aria-label="([^"]+)">(<svg[\s\S]*?<\/svg>)/.exec(html);
      expect(qr, lang).not.toBeNull();
      expect(qr![1]).toContain(url);
      expect(qr![2]).toBe(svg.trim());
    }
  });

  it('offer the letter text with the page address, and the embed snippets', () => {
    const html = read('/en/municipalities/guldborgsund/');
    const letter = /<textarea id="kommune-letter-text"[^>]*>([^<]*)<\/textarea>/.exec(html)![1]!;
    expect(letter).toContain('New business in Guldborgsund?');
    expect(letter).toContain('mikronet.dk/en/municipalities/guldborgsund');
    expect(html).toContain('data-kommune=&quot;guldborgsund&quot; data-lang=&quot;en&quot;');
    expect(html).toContain('/data/embed.js');
    expect(html).toContain('href="/data/municipalities/guldborgsund.geojson"');
  });

  it('are linked from every member, network and event page (its municipality)', () => {
    for (const m of of('members').filter((x) => x.data.listed === true))
      expect(read(`/medlemmer/${m.slug}/`), m.slug).toContain(`href="/kommuner/${String(m.data.municipality)}/"`);
    for (const n of of('wiki'))
      for (const id of n.data.municipalities as string[])
        expect(read(`/en/networks/${n.slug}/`), n.slug).toContain(`href="/en/municipalities/${id}/"`);
    for (const e of of('events')) {
      const venue = e.data.venue as { municipality: string } | undefined;
      if (venue) expect(read(`/arrangementer/${e.slug}/`), e.slug).toContain(`href="/kommuner/${venue.municipality}/"`);
    }
  });

  it('are listed on the index by region, each with its member count', () => {
    const html = read('/kommuner/');
    expect(links(html, '/kommuner/')).toEqual(expected);
    const count = of('members').filter((m) => m.data.listed === true && m.data.municipality === 'guldborgsund').length;
    expect(html).toMatch(new RegExp(`href="/kommuner/guldborgsund/">Guldborgsund</a>\\s*</th>\\s*<td>${count}</td>`));
  });
});
