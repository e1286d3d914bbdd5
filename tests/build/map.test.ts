import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DomUtils, parseDocument } from 'htmlparser2';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { TEST_DIST } from './global-setup.ts';
import { ROOT } from '../helpers/build.ts';

/**
 * The map on the home page, the directory and the wiki index, against figures counted here from
 * the content files themselves: each municipality's shade must say how many listed members it
 * has, each local network must be a point linking to its page.
 */

type Node = ReturnType<typeof parseDocument>;
type Element = ReturnType<typeof DomUtils.findAll>[number];
const { getAttributeValue, textContent } = DomUtils;

/** Elements below `root` named `tag` whose class list has `cls` (when given). */
const selectAll = (query: string, root: Node | Element): Element[] => {
  const [tag, cls] = query.split('.');
  return DomUtils.findAll(
    (e) => (!tag || e.name === tag) && (!cls || (getAttributeValue(e, 'class') ?? '').split(' ').includes(cls)),
    [root],
  );
};
const selectOne = (query: string, root: Node | Element) => selectAll(query, root)[0];

const content = path.join(ROOT, 'content');
const frontMatter = (file: string) => parseYaml(fs.readFileSync(file, 'utf8').split(/^---$/m)[1]!);
const entries = (collection: string) =>
  fs
    .readdirSync(path.join(content, collection))
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ slug: f.replace(/\.md$/, ''), data: frontMatter(path.join(content, collection, f)) }));

const listedPerMunicipality = new Map<string, number>();
for (const m of entries('members'))
  if (m.data.listed === true)
    listedPerMunicipality.set(m.data.municipality, (listedPerMunicipality.get(m.data.municipality) ?? 0) + 1);
const municipalityIds: string[] = parseYaml(
  fs.readFileSync(path.join(content, 'taxonomies/municipalities.yml'), 'utf8'),
).map((m: { id: string }) => m.id);
const localNetworks = entries('wiki').filter((n) => !n.data.nationwide && n.data.kind !== 'online');

/** The shades as the legend promises them: 0, 1–2, 3–9, 10–29, 30–99, 100+. */
const expectedShade = (n: number) => [0, 1, 3, 10, 30, 100].filter((from) => n >= from).length - 1;

const PAGES = [
  { page: 'index.html', networks: '/netvaerk/' },
  { page: 'en/index.html', networks: '/en/networks/' },
  { page: 'medlemmer/index.html', networks: '/netvaerk/' },
  { page: 'en/members/index.html', networks: '/en/networks/' },
  { page: 'netvaerk/index.html', networks: '/netvaerk/' },
  { page: 'en/networks/index.html', networks: '/en/networks/' },
];

const mapOf = (page: string) => {
  const html = fs.readFileSync(path.join(TEST_DIST, page), 'utf8');
  const doc = parseDocument(html);
  const figures = selectAll('div.network-map', doc);
  expect(figures, page).toHaveLength(1);
  return { html, figure: figures[0]! };
};

describe.each(PAGES)('the map on $page', ({ page, networks }) => {
  it('has an area per municipality, shaded by the listed members counted from the content', () => {
    const { figure } = mapOf(page);
    const areas = selectAll('path.map-area', figure);
    expect(areas.map((a) => getAttributeValue(a, 'data-municipality')).sort()).toEqual([...municipalityIds].sort());
    for (const area of areas) {
      const id = getAttributeValue(area, 'data-municipality')!;
      const count = listedPerMunicipality.get(id) ?? 0;
      expect(getAttributeValue(area, 'class'), id).toBe(`map-area shade-${expectedShade(count)}`);
      expect(textContent(selectOne('title', area)!), id).toMatch(new RegExp(`: ${count} `));
      expect(getAttributeValue(area, 'd'), id).toMatch(/^M-?\d+ -?\d+[lmz\d -]+$/);
    }
  });

  it('shows each local network as a point linking to its page, and none of the nationwide or online ones', () => {
    const { figure } = mapOf(page);
    const links = selectAll('a', selectOne('svg', figure)!)
      .map((a) => getAttributeValue(a, 'href')!)
      .filter((href) => href.startsWith(networks));
    expect(links.sort()).toEqual(localNetworks.map((n) => `${networks}${n.slug}/`).sort());
  });

  it('keeps the drawing out of the tab order and gives the figures in a caption, a legend and a table', () => {
    const { figure } = mapOf(page);
    const svg = selectOne('svg', figure)!;
    expect(getAttributeValue(svg, 'aria-hidden')).toBe('true');
    for (const a of selectAll('a', svg)) expect(getAttributeValue(a, 'tabindex')).toBe('-1');
    expect(textContent(selectOne('p.map-credit', figure)!)).toMatch(/Geodatastyrelsen & Danske Kommuner/);
    const rows = selectAll('tr', selectOne('tbody', selectOne('details.map-table', figure)!)!);
    const withMembers = municipalityIds.filter((id) => listedPerMunicipality.has(id));
    expect(rows.length).toBeGreaterThanOrEqual(withMembers.length);
    const total = [...listedPerMunicipality.values()].reduce((a, b) => a + b, 0);
    expect(textContent(selectOne('figcaption', figure)!)).toContain(String(total));
  });
});

describe('the map’s size', () => {
  it('stays within its budget: under 10 KB of the page once compressed', () => {
    const { html } = mapOf('index.html');
    const svg = /<svg viewBox="0 0 480 560"[\s\S]*?<\/svg>/.exec(html)![0];
    const gzipped = gzipSync(svg).length;
    expect(gzipped).toBeLessThan(10 * 1024);
  });
});
