import { describe, expect, it } from 'vitest';
import { memberColumns } from '../../../src/tools/members-csv/columns.ts';
import { columnsTable } from '../../../src/tools/members-csv/docs.ts';

describe('the columns table for CONTRIBUTING.md', () => {
  const rows = columnsTable().split('\n');

  it('has a header row and one row per column, in column order', () => {
    expect(rows[0]).toMatch(/^\| overskrift<br>\*header \(da\)\* \| \*header \(en\)\* \|/);
    expect(rows[1]).toBe('| --- | --- | --- | --- | --- |');
    expect(rows.slice(2).map((r) => r.split(' | ')[2])).toEqual(memberColumns().map((c) => `\`${c.field}\``));
  });

  it('says what each cell may hold in both languages, with the other headers it recognises', () => {
    expect(rows.find((r) => r.includes('`listed`'))).toContain(
      'ja eller nej (tom: nej for nye medlemmer)<br>*ja or nej, yes or no (empty: no for new members)*',
    );
    expect(rows.find((r) => r.includes('`municipality`'))).toContain(
      'navn eller id fra `taxonomies/municipalities.yml`',
    );
    expect(rows.find((r) => r.includes('`slug`'))).toMatch(/\| Fil, Filnavn, File \|$/);
  });
});
