import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTaxonomies } from '../../../src/lib/content/taxonomies.ts';
import { CsvError } from '../../../src/tools/members-csv/csv.ts';
import { planImport } from '../../../src/tools/members-csv/plan.ts';

const SITE = path.resolve(import.meta.dirname, '../../fixtures/contrib/site');
const tax = readTaxonomies(SITE);
let content: string;
const member = (slug: string) => path.join(content, 'members', `${slug}.md`);
const plan = (csv: string) => planImport(new TextEncoder().encode(csv), content, tax, 'medlemmer.csv');
const files = () => fs.readdirSync(path.join(content, 'members')).sort();

beforeEach(() => {
  content = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-plan-')), 'content');
  fs.cpSync(SITE, content, { recursive: true });
});
afterEach(() => fs.rmSync(path.dirname(content), { recursive: true, force: true }));

describe('planning an import', () => {
  it('says for every row whether it is new, changed, unchanged or rejected, and writes nothing', () => {
    const before = files();
    const p = plan(
      'Navn;E-mail;Kommune;Brancher;Medlem siden;Slug\nBo Berg;;Lolland;;15-06-2019;\nAnne Lund;anne@ny.example;;;;anne-lund\nNy Person;ny@x.example;Lolland;Kunst;2024-01-02;\n;x@y.example;;;;\n',
    );
    expect(p.outcomes.map((o) => [o.row, o.kind])).toEqual([
      [2, 'unchanged'],
      [3, 'changed'],
      [4, 'new'],
      [5, 'rejected'],
    ]);
    expect(p.table).toEqual({ rows: 4, delimiter: ';', encoding: 'UTF-8', bom: false });
    expect(files()).toEqual(before);
  });

  it('changes only the fields of the cells that have a value, in the file as it was', () => {
    const [changed] = plan('Navn;E-mail;Slug\nAnne Lund;anne@ny.example;anne-lund\n').outcomes;
    expect(changed.kind === 'changed' && changed.fields).toEqual(['email']);
    const before = fs.readFileSync(member('anne-lund'), 'utf8');
    expect(changed.kind === 'changed' && changed.text).toBe(
      before.replace('email: anne@lund-tekst.example', 'email: anne@ny.example'),
    );
  });

  it('writes a new member in schema order, not listed without consent', () => {
    const [added] = plan('Kommune;Navn;Brancher;Medlem siden\nLolland;Ny Person;Kunst, Design;2024-01-02\n').outcomes;
    expect(added).toMatchObject({ kind: 'new', slug: 'ny-person', path: member('ny-person') });
    expect(added.kind === 'new' && added.text).toBe(
      '---\nname: Ny Person\ntrades: [kunst, design]\nmunicipality: lolland\njoined: 2024-01-02\nlisted: false\n---\n',
    );
  });

  it('asks for a slug when the name matches a member whose e-mail is another', () => {
    const [row] = plan('Navn;E-mail\nAnne Lund;anne@ny.example\n').outcomes;
    expect(row.kind === 'rejected' && row.reasons[0].en).toMatch(
      /^"Anne Lund" matches .*anne-lund\.md by name, but its e-mail is different; if it is the same person, put anne-lund in a Slug column/,
    );
  });

  it('rejects a row for the same member as an earlier row, naming that row', () => {
    const [, second] = plan('Navn;E-mail\nNy Person;a@x.example\nNy Person;b@x.example\n').outcomes;
    expect(second).toMatchObject({ kind: 'rejected', row: 3 });
    expect(second.kind === 'rejected' && second.reasons[0].en).toBe(
      'the same member as row 2 (ny-person); keep one of the rows',
    );
  });

  it('refuses a spreadsheet without a name column, saying what headers it found', () => {
    expect(() => plan('Firma;Kommune\nX;Lolland\n')).toThrow(CsvError);
    expect(() => plan('Firma;Kommune\nX;Lolland\n')).toThrow(/no column for the name; .*\(found: Firma, Kommune\)/);
  });
});
