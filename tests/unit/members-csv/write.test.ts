import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../../src/tools/members-csv/plan.ts';
import { applyImport } from '../../../src/tools/members-csv/write.ts';

let dir: string;
const at = (name: string) => path.join(dir, 'members', name);
const planOf = (outcomes: ImportPlan['outcomes']): ImportPlan => ({
  table: { rows: outcomes.length, delimiter: ';', encoding: 'UTF-8', bom: false },
  ignoredColumns: [],
  outcomes,
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-write-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writing an import', () => {
  it('writes the new and changed files, and nothing for unchanged or rejected rows', () => {
    fs.mkdirSync(path.join(dir, 'members'));
    fs.writeFileSync(at('bo.md'), 'før\n');
    const written = applyImport(
      planOf([
        { kind: 'new', row: 2, name: 'Ny', slug: 'ny', path: at('ny.md'), text: 'ny\n' },
        { kind: 'changed', row: 3, name: 'Bo', slug: 'bo', path: at('bo.md'), text: 'efter\n', fields: ['email'] },
        { kind: 'unchanged', row: 4, name: 'Anne', slug: 'anne', path: at('anne.md') },
        { kind: 'rejected', row: 5, reasons: [] },
      ]),
    );
    expect(written).toEqual([at('ny.md'), at('bo.md')]);
    expect(fs.readFileSync(at('ny.md'), 'utf8')).toBe('ny\n');
    expect(fs.readFileSync(at('bo.md'), 'utf8')).toBe('efter\n');
    expect(fs.existsSync(at('anne.md'))).toBe(false);
  });

  it('never writes a new member over a file that appeared since the plan was made', () => {
    fs.mkdirSync(path.join(dir, 'members'));
    fs.writeFileSync(at('ny.md'), 'en andens\n');
    expect(() =>
      applyImport(planOf([{ kind: 'new', row: 2, name: 'Ny', slug: 'ny', path: at('ny.md'), text: 'ny\n' }])),
    ).toThrow(/EEXIST/);
    expect(fs.readFileSync(at('ny.md'), 'utf8')).toBe('en andens\n');
  });

  it("never writes a changed member through a link put in the file's place", () => {
    fs.mkdirSync(path.join(dir, 'members'));
    const outside = path.join(dir, 'udenfor.md');
    fs.writeFileSync(outside, 'udenfor\n');
    fs.symlinkSync(outside, at('bo.md'));
    expect(() =>
      applyImport(
        planOf([
          { kind: 'changed', row: 2, name: 'Bo', slug: 'bo', path: at('bo.md'), text: 'efter\n', fields: ['email'] },
        ]),
      ),
    ).toThrow(/ELOOP/);
    expect(fs.readFileSync(outside, 'utf8')).toBe('udenfor\n');
  });
});
