import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { TEST_DIST, TEST_NOW } from './global-setup.ts';
import { astroBuild, ROOT } from '../helpers/build.ts';
import { git } from '../helpers/git.ts';

/**
 * The barometer against counts made here from the content files themselves (front matter read
 * with yaml), and its hidden figures against subtraction.
 */

const CONTENT = process.env.CONTENT_DIR || path.join(ROOT, 'content');
const YEAR = 2026;
const front = (file: string) =>
  YAML.parse(fs.readFileSync(file, 'utf8').split(/^---$/m)[1]!) as Record<string, unknown>;
const read = (dir: string, collection: string) =>
  fs
    .readdirSync(path.join(dir, collection))
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ id: f.slice(0, -3), ...front(path.join(dir, collection, f)) }));
const regions = (dir: string) =>
  new Map(
    (
      YAML.parse(fs.readFileSync(path.join(dir, 'taxonomies/municipalities.yml'), 'utf8')) as {
        id: string;
        name: string;
        region: string;
      }[]
    ).map((m) => [m.id, m]),
  );
const yearOf = (d: unknown) =>
  Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Europe/Copenhagen', year: 'numeric' }).format(new Date(d as string)),
  );

/** A table of a built page: caption → rows of cell texts (first cell the row's label). */
function tables(html: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const fig of html.matchAll(/<figure class="barometer-figure"[^>]*>([\s\S]*?)<\/figure>/g)) {
    const caption = /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/.exec(fig[1]!)![1]!;
    const rows = [...fig[1]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
        c[1]!
          .replace(/<span class="visually-hidden">[^<]*<\/span>/g, '')
          .replace(/<[^>]+>/g, '')
          .trim(),
      ),
    );
    out.set(caption, rows);
  }
  return out;
}
const page = (dist: string, p: string) => fs.readFileSync(path.join(dist, p, 'index.html'), 'utf8');
const csv = (dist: string, p: string) =>
  parseCsv(fs.readFileSync(path.join(dist, p), 'utf8'), { bom: true, delimiter: ';' }) as string[][];
const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');
/** Column 2 of the members tables: members at the year's end. */
const MEMBERS = 2;

/** Every published "members" column keeps 0 or 2+ hidden cells when its total is shown (no subtraction). */
function expectNoSubtraction(rows: string[][]) {
  const body = rows.slice(1);
  const total = body.at(-1)!;
  for (const col of [1, 2]) {
    const hidden = body.slice(0, -1).filter((r) => r[col] === '–').length;
    if (total[col] !== '–')
      expect(hidden === 0 || hidden >= 2, `column ${col}: ${hidden} hidden, total shown`).toBe(true);
  }
}

describe('the barometer of the sample content', () => {
  const members = read(CONTENT, 'members') as {
    id: string;
    municipality: string;
    listed: boolean;
    joined: string;
    trades: string[];
  }[];
  const municipalities = regions(CONTENT);
  const html = () => page(TEST_DIST, `barometer/${YEAR}`);

  it('shows the year so far, with members per region equal to the content files', () => {
    const t = tables(html());
    const rows = t.get(`Medlemmer pr. region, ${YEAR}`)!;
    expect(rows).toBeDefined();
    for (const row of rows.slice(1, -1)) {
      const [label, joined, atEnd] = row;
      const inRegion = members.filter(
        (m) =>
          `Region ${municipalities.get(m.municipality)!.region}`.length > 0 &&
          regionName(municipalities.get(m.municipality)!.region) === label,
      );
      const expected = inRegion.filter((m) => yearOf(m.joined) <= YEAR).length;
      const expectedJoined = inRegion.filter((m) => yearOf(m.joined) === YEAR).length;
      if (atEnd !== '–') expect(Number(atEnd), label).toBe(expected);
      if (joined !== '–') expect(Number(joined), label).toBe(expectedJoined);
    }
    expect(html()).toContain('hidtil i år');
  });

  it('counts listed members on the site per year from the git history', () => {
    const listed = members.filter((m) => m.listed).length;
    const rows = tables(html()).get(`Medlemmer pr. region, ${YEAR}`)!;
    expect(Number(rows.at(-1)![3])).toBe(listed);
  });

  it('hides each municipality of fewer than 3 members with an unlisted one among them, and never leaves one to subtraction', () => {
    const rows = tables(html()).get(`Medlemmer pr. kommune, ${YEAR}`)!;
    // The sample may have no such municipality; the content below with a lonely unlisted member has one.
    for (const [id, m] of municipalities) {
      const there = members.filter((x) => x.municipality === id && yearOf(x.joined) <= YEAR);
      const row = rows.find((r) => decode(r[0]!) === m.name);
      if (there.length < 3 && there.some((x) => !x.listed)) expect(row?.[MEMBERS], m.name).toBe('–');
      // Others may be hidden too, so that no hidden one can be worked out; a shown one is right.
      else if (row && row[MEMBERS] !== '–') expect(row[MEMBERS], m.name).toBe(String(there.length));
    }
    expectNoSubtraction(rows);
    expectNoSubtraction(tables(html()).get(`Medlemmer pr. region, ${YEAR}`)!);
  });

  it('has a CSV per table that equals the table on the page, in both languages', () => {
    for (const [lang, dir, files] of [
      [
        'da',
        'barometer',
        ['medlemmer-pr-branche', 'medlemmer-pr-region', 'medlemmer-pr-kommune', 'netvaerk-pr-region'],
      ],
      [
        'en',
        'en/barometer',
        ['members-by-trade', 'members-by-region', 'members-by-municipality', 'networks-by-region'],
      ],
    ] as const) {
      const onPage = [...tables(page(TEST_DIST, `${dir}/${YEAR}`)).values()];
      expect(onPage.length, lang).toBe(files.length);
      files.forEach((file, i) => {
        const rows = csv(TEST_DIST, `${dir}/${YEAR}/${file}.csv`);
        expect(
          rows.map((r) => r.map(decode)),
          `${lang} ${file}`,
        ).toEqual(onPage[i]!.map((r) => r.map(decode)));
      });
    }
    expect(csv(TEST_DIST, 'barometer/aar-for-aar.csv')[0]![0]).toBe('År');
  });

  it('draws each chart as an image named by its caption, with the table beside it', () => {
    const h = html();
    const charts = [...h.matchAll(/<svg class="bar-chart"[^>]*aria-labelledby="([^"]+)"/g)];
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) for (const id of c[1]!.split(' ')) expect(h).toContain(`id="${id}"`);
    expect(h).toMatch(/role="img"/);
  });

  it('offers a press release for the year, filled with its figures, in Danish and English', () => {
    const da = fs.readFileSync(path.join(TEST_DIST, `barometer/${YEAR}/pressemeddelelse.md`), 'utf8');
    const en = fs.readFileSync(path.join(TEST_DIST, `en/barometer/${YEAR}/press-release.md`), 'utf8');
    expect(da).toMatch(/^# Mikronet: \d+ medlemmer indtil videre i 2026/m);
    expect(da).toContain('Om Mikronet');
    expect(en).toMatch(/^# Mikronet: \d+ members so far in 2026/m);
    expect(page(TEST_DIST, `barometer/${YEAR}`)).toContain(`href="/barometer/${YEAR}/pressemeddelelse.md"`);
  });
});

const regionName = (id: string) =>
  ({
    hovedstaden: 'Region Hovedstaden',
    sjaelland: 'Region Sjælland',
    syddanmark: 'Region Syddanmark',
    midtjylland: 'Region Midtjylland',
    nordjylland: 'Region Nordjylland',
  })[id];

describe('the barometer of a content folder in git, with an unlisted member alone in a trade and a municipality', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'barometer-'));
  const content = path.join(tmp, 'content');
  const dist = path.join(ROOT, '.tmp', `barometer-${process.pid}`);
  let built = { code: 1, output: '' };
  const commitAt = (date: string, message: string) => {
    process.env.GIT_AUTHOR_DATE = process.env.GIT_COMMITTER_DATE = date;
    try {
      git(tmp, 'commit', '-q', '-m', message);
    } finally {
      delete process.env.GIT_AUTHOR_DATE;
      delete process.env.GIT_COMMITTER_DATE;
    }
  };

  beforeAll(async () => {
    fs.cpSync(CONTENT, content, { recursive: true });
    // A trade of its own, so the unlisted member is alone in it (every sample trade has members).
    const lonelyTrade = 'ensom-branche';
    fs.appendFileSync(
      path.join(content, 'taxonomies/trades.yml'),
      `\n- id: ${lonelyTrade}\n  da: Ensom branche\n  en: Lonely trade\n`,
    );
    fs.writeFileSync(
      path.join(content, 'members', 'skjult-person.md'),
      `---\nname: Skjult Person\ntrades: [${lonelyTrade}]\nmunicipality: laesoe\njoined: 2026-02-01\nlisted: false\n---\n`,
    );
    git(tmp, 'init', '-q');
    // Everything but the members in 2024, the members in 2025: the listed members came onto the site in 2025.
    git(tmp, 'add', '.', ':!content/members');
    commitAt('2024-06-01T12:00:00+02:00', 'site');
    git(tmp, 'add', 'content/members');
    commitAt('2025-06-01T12:00:00+02:00', 'members');
    built = await astroBuild({ OUT_DIR: dist, BUILD_NOW: TEST_NOW, CONTENT_DIR: content });
  }, 600_000);
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('builds', () => expect(built.code, built.output.slice(-3000)).toBe(0));

  it('counts listed members on the site from the year their files were committed', () => {
    const listed = read(content, 'members').filter((m) => (m as unknown as { listed: boolean }).listed).length;
    const y2024 = tables(page(dist, 'barometer/2024')).get('Medlemmer pr. region, 2024')!;
    const y2025 = tables(page(dist, 'barometer/2025')).get('Medlemmer pr. region, 2025')!;
    expect(y2024.at(-1)![3]).toBe('0');
    expect(Number(y2025.at(-1)![3])).toBe(listed);
    expect(page(dist, 'barometer/2025')).toContain('git-historik');
  });

  it('hides the lonely unlisted member in their trade and municipality, and nothing gives them away by subtraction', () => {
    for (const year of [2026]) {
      const t = tables(page(dist, `barometer/${year}`));
      const kommune = t.get(`Medlemmer pr. kommune, ${year}`)!;
      expect(kommune.find((r) => r[0] === 'Læsø')?.slice(1, 3)).toEqual(['–', '–']);
      expectNoSubtraction(kommune);
      expectNoSubtraction(t.get(`Medlemmer pr. region, ${year}`)!);
      const trade = t.get(`Medlemmer pr. branche, ${year}`)!;
      expect(trade.some((r) => r[1] === '–' && r[2] === '–')).toBe(true);
      // Nothing anywhere names them.
      for (const file of fs.readdirSync(path.join(dist, 'barometer', String(year))))
        expect(fs.readFileSync(path.join(dist, 'barometer', String(year), file), 'utf8')).not.toContain('Skjult');
    }
    // Last year's end plus this year's joined is this year's end: with the total shown, one of them must be hidden too.
    const overview = csv(dist, 'barometer/aar-for-aar.csv');
    const [, y2025, y2026] = overview.slice(-3);
    if (y2026![1] === '–' && y2026![2] !== '–') expect(y2025![2]).toBe('–');
  });
});
