import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MAX_PARTICIPANTS,
  maxRounds,
  planMeeting,
  planRounds,
  readSheet,
  SheetError,
  type PlannedRound,
} from '../../src/tools/meetings/index.ts';
import { greedyRounds } from '../../src/tools/meetings/planner.ts';
import { random } from '../../src/tools/synthetic.ts';
import { readTaxonomies } from '../../src/lib/content/taxonomies.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tax = readTaxonomies(path.join(ROOT, 'content'));
const SAMPLE = path.join(ROOT, 'examples/matchmoede-tilmelding.csv');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'meetings-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const WORDS = [
  'hjemmeside',
  'bogføring',
  'tekster',
  'fotografi',
  'strategi',
  'oversættelse',
  'logo',
  'kurser',
  'events',
];
const TRADES = ['IT og databehandling', 'Reklame og markedsføring', 'Design', 'Kunst', 'Ledelsesrådgivning', 'Snedker'];

/** A sign-up sheet of n invented people, from a seeded generator. */
function randomSheet(n: number, seed: number): string {
  const r = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)];
  const rows = Array.from({ length: n }, (_, i) =>
    [`Person ${i + 1}`, pick(TRADES), `${pick(WORDS)}, ${pick(WORDS)}`, pick(WORDS)].join(';'),
  );
  return ['Navn;Branche;Tilbyder;Søger', ...rows].join('\n');
}

/** Every round seats everyone once (a table or the break), breaks only when n is odd, and no pair twice. */
function expectValid(rounds: PlannedRound[], n: number) {
  const met = new Set<string>();
  const breaks = new Map<number, number>();
  rounds.forEach((round, r) => {
    const seated = round.pairs.flat();
    if (round.rest !== undefined) seated.push(round.rest);
    expect(
      seated.sort((a, b) => a - b),
      `round ${r + 1}`,
    ).toEqual([...Array(n).keys()]);
    expect(round.rest !== undefined, `round ${r + 1}: a break only when odd`).toBe(n % 2 === 1);
    for (const [a, b] of round.pairs) {
      const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
      expect(met.has(key), `pair ${key} again in round ${r + 1}`).toBe(false);
      met.add(key);
    }
    if (round.rest !== undefined) {
      // Nobody twice before everyone once.
      const min = Math.min(...[...Array(n).keys()].map((i) => breaks.get(i) ?? 0));
      expect(breaks.get(round.rest) ?? 0, `round ${r + 1}: ${round.rest} rests again`).toBe(min);
      breaks.set(round.rest, (breaks.get(round.rest) ?? 0) + 1);
    }
  });
}

describe('the meetings planner', () => {
  it('never repeats a pair and seats everyone or gives a stated break, for 2 to 60 people', () => {
    for (let n = 2; n <= 60; n++) {
      const seed = 1000 + n;
      const requested = 1 + Math.floor(random(seed)() * (n + 2));
      const meeting = planMeeting(Buffer.from(randomSheet(n, seed)), {
        rounds: requested,
        lang: 'da',
        title: 'x',
        tax,
      });
      expect(meeting.plan.rounds.length, `n=${n}`).toBe(Math.min(requested, maxRounds(n)));
      expectValid(meeting.plan.rounds, n);
    }
  }, 120_000);

  it('goes on until everyone has met everyone, and stops there', () => {
    for (const n of [2, 3, 7, 10, 17, 24]) {
      const w = (a: number, b: number) => (a * 7 + b * 3) % 5;
      const plan = planRounds(n, w, n + 5);
      expect(plan.rounds.length).toBe(n % 2 ? n : n - 1);
      expectValid(plan.rounds, n);
      expect(plan.rounds.reduce((s, r) => s + r.pairs.length, 0)).toBe((n * (n - 1)) / 2);
    }
  });

  it('keeps the greedy planner valid whenever it finds a plan', () => {
    for (let n = 2; n <= 40; n++) {
      const r = random(n);
      const weights = Array.from({ length: n }, () => Array.from({ length: n }, () => Math.floor(r() * 6)));
      const w = (a: number, b: number) => weights[Math.min(a, b)][Math.max(a, b)];
      const rounds = greedyRounds(n, w, Math.min(8, maxRounds(n)));
      if (rounds) expectValid(rounds, n);
    }
  });

  it('pairs what one offers with what the other seeks, before anything else', () => {
    const sheet = [
      'Navn;Branche;Tilbyder;Søger',
      'Anne;Design;logo;bogføring',
      'Bo;Jura, revision og bogføring;bogføring;logo',
      'Carl;Kunst;maleri;keramik',
      'Dorte;Kunst;keramik;maleri',
    ].join('\n');
    const { plan, people } = planMeeting(Buffer.from(sheet), { rounds: 1, lang: 'da', title: 'x', tax });
    const names = plan.rounds[0].pairs.map(([a, b]) => [people[a].name, people[b].name]);
    expect(names).toEqual([
      ['Anne', 'Bo'],
      ['Carl', 'Dorte'],
    ]);
  });

  it('is deterministic: the same sheet gives the same files', () => {
    const bytes = fs.readFileSync(SAMPLE);
    const a = planMeeting(bytes, { rounds: 6, lang: 'da', title: 'Matchmøde', tax });
    const b = planMeeting(bytes, { rounds: 6, lang: 'da', title: 'Matchmøde', tax });
    expect(b.files).toEqual(a.files);
  });
});

describe('a broken sign-up sheet', () => {
  const problems = (text: string) => {
    try {
      readSheet(Buffer.from(text));
    } catch (err) {
      expect(err).toBeInstanceOf(SheetError);
      return (err as SheetError).problems.map((p) => ({ row: p.row, column: p.column, en: p.message.en }));
    }
    throw new Error('the sheet was accepted');
  };

  it('names a missing column and the headers it has', () => {
    const [p] = problems('Navn;Branche;Tilbyder\nAnne;Design;logo');
    expect(p.column).toBe('Søger');
    expect(p.en).toMatch(/add a column headed Seeks.*Navn, Branche, Tilbyder/);
  });

  it('names the row and column of an empty name and of a duplicate name', () => {
    expect(problems('Navn;Branche;Tilbyder;Søger\nAnne;A;x;y\n;B;x;y\nanne ;C;x;y')).toEqual([
      { row: 3, column: 'Navn', en: expect.stringMatching(/name is empty/) },
      { row: 4, column: 'Navn', en: expect.stringMatching(/"anne" is already in row 2/) },
    ]);
  });

  it('says when the sheet is not separated by semicolons, commas or tabs', () => {
    const [p] = problems('Navn|Branche|Tilbyder|Søger\nAnne|Design|logo|bogføring');
    expect(p.row).toBe(1);
    expect(p.en).toMatch(/not separated by semicolons, commas or tabs/);
  });

  it('refuses more participants than the planner takes', () => {
    const rows = Array.from({ length: MAX_PARTICIPANTS + 1 }, (_, i) => `P${i};A;x;y`);
    const [p] = problems(['Navn;Branche;Tilbyder;Søger', ...rows].join('\n'));
    expect(p.en).toMatch(/at most 400/);
  });

  it('reads English headers from a form export, with a BOM, commas and extra columns', () => {
    const text =
      '\uFEFFTimestamp,Full name,Email address,Company,Trade,What can you offer?,What are you looking for?\n' +
      '1,Anne,a@x.dk,A/S,Design,logo,bookkeeping\n2,Bo,b@x.dk,,Law,bookkeeping,logo\n';
    const people = readSheet(Buffer.from(text));
    expect(people.map((p) => [p.name, p.trade, p.offers, p.seeks, p.email, p.company])).toEqual([
      ['Anne', 'Design', 'logo', 'bookkeeping', 'a@x.dk', 'A/S'],
      ['Bo', 'Law', 'bookkeeping', 'logo', 'b@x.dk', undefined],
    ]);
  });
});

describe('npm run meetings', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts/meetings.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

  it('writes a schedule per person and the organisers’ table, whose CSV parses back', () => {
    const out = path.join(tmp, 'plan');
    const r = run('plan', SAMPLE, '--rounds', '6', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const html = fs.readFileSync(path.join(out, 'skema.html'), 'utf8');
    expect(html.match(/<section class="person">/g)).toHaveLength(13);
    expect(html).toMatch(/break-after: page/);
    expect(fs.readFileSync(path.join(out, 'bordplan.html'), 'utf8')).toMatch(/<td>Birte Holmgaard<\/td>/);
    const rows = parse(fs.readFileSync(path.join(out, 'bordplan.csv')), { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['Runde', 'Bord', 'A', 'B', 'Point', 'Begrundelse']);
    // 13 people: 6 tables and one break in each of 6 rounds.
    expect(rows.length - 1).toBe(6 * 7);
    expect(rows.filter((row) => row[5] === 'Pause')).toHaveLength(6);
    // Not clobbered without --force.
    expect(run('plan', SAMPLE, '--out', out).status).toBe(1);
    expect(run('plan', SAMPLE, '--out', out, '--force', '--lang', 'en').status).toBe(0);
    expect(fs.readFileSync(path.join(out, 'bordplan.csv'), 'utf8')).toMatch(/^\uFEFFRound,Table,A,B,Score,Reason/);
  }, 60_000);

  it('says when the rounds asked for exceed what the group allows', () => {
    const file = path.join(tmp, 'four.csv');
    fs.writeFileSync(file, 'Navn;Branche;Tilbyder;Søger\nA;x;y;z\nB;x;y;z\nC;x;y;z\nD;x;y;z\n');
    const r = run('plan', file, '--rounds', '6', '--dry-run');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/after 3 everyone has met everyone/);
  }, 60_000);

  it('exits 1 with the row and column of each problem, and 2 for a wrong call', () => {
    const file = path.join(tmp, 'broken.csv');
    fs.writeFileSync(file, 'Navn;Branche;Tilbyder;Søger\nAnne;A;x;y\nAnne;B;x;y\n');
    const r = run('plan', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/row 3, column "Navn"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(run('plan').status).toBe(2);
    expect(run('lav', file).status).toBe(2);
    expect(run('plan', file, '--rounds', '0').status).toBe(2);
    expect(run('plan', path.join(tmp, 'missing.csv')).status).toBe(1);
  }, 60_000);

  it('refuses a folder, an Excel workbook and a link instead of a CSV, naming what it got', () => {
    const xlsx = path.join(tmp, 'sheet.csv');
    fs.writeFileSync(xlsx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
    const link = path.join(tmp, 'link.csv');
    fs.symlinkSync(SAMPLE, link);
    for (const [file, says] of [
      [tmp, /is a folder/],
      [xlsx, /Excel workbook/],
      [link, /symbolic link/],
    ] as const) {
      const r = run('plan', file, '--dry-run');
      expect(r.status, file).toBe(1);
      expect(r.stderr, file).toMatch(says);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);
});
