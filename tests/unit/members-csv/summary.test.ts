import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSummary } from '../../../src/tools/members-csv/summary.ts';

describe('the import summary', () => {
  it('counts the rows by outcome, names the ignored columns, then lists every new, changed and rejected row in both languages', () => {
    const dir = path.resolve('content/members');
    const lines = importSummary(
      {
        table: { rows: 4, delimiter: ',', encoding: 'Windows-1252', bom: false },
        ignoredColumns: ['Noter'],
        outcomes: [
          { kind: 'new', row: 2, name: 'Ny Person', slug: 'ny-person', path: path.join(dir, 'ny-person.md'), text: '' },
          {
            kind: 'changed',
            row: 3,
            name: 'Bo Berg',
            slug: 'bo-berg',
            path: path.join(dir, 'bo-berg.md'),
            text: '',
            fields: ['email', 'phone'],
          },
          { kind: 'unchanged', row: 4, name: 'Anne Lund', slug: 'anne-lund', path: path.join(dir, 'anne-lund.md') },
          { kind: 'rejected', row: 5, reasons: [{ en: 'the name is missing', da: 'navnet mangler' }] },
        ],
      },
      'medlemmer.csv',
    );
    expect(lines).toEqual([
      'medlemmer.csv: 4 row(s), commas, Windows-1252 — 4 række(r), komma, Windows-1252',
      '  1 new — nye',
      '  1 changed — ændrede',
      '  1 unchanged — uændrede',
      '  1 rejected — afviste',
      'ignored columns — ignorerede kolonner: Noter',
      'new — ny: content/members/ny-person.md (row/række 2, Ny Person)',
      'changed — ændret: content/members/bo-berg.md (row/række 3): email, phone',
      'rejected — afvist: row/række 5: the name is missing — navnet mangler',
    ]);
  });
});
