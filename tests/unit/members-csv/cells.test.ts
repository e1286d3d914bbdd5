import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTaxonomies } from '../../../src/lib/content/taxonomies.ts';
import { cellText, cellValue, lookups } from '../../../src/tools/members-csv/cells.ts';
import { memberColumns } from '../../../src/tools/members-csv/columns.ts';

const SITE = path.resolve(import.meta.dirname, '../../fixtures/contrib/site');
const look = lookups(readTaxonomies(SITE), ['lolland-falster']);
const column = (field: string) => memberColumns().find((c) => c.field === field)!;

describe("a cell as its field's value", () => {
  it('reads municipalities and trades by name or id, in lists too, keeping a comma inside a name', () => {
    expect(cellValue(column('municipality'), 'København', look)).toEqual({ ok: true, value: 'koebenhavn' });
    expect(cellValue(column('municipality'), 'guldborgsund', look)).toEqual({ ok: true, value: 'guldborgsund' });
    expect(cellValue(column('trades'), 'Jura, revision og bogføring, it-data', look)).toEqual({
      ok: true,
      value: ['jura-revision-bogfoering', 'it-data'],
    });
    expect(cellValue(column('trades'), 'IT and data processing; Kunst', look)).toEqual({
      ok: true,
      value: ['it-data', 'kunst'],
    });
    const bad = cellValue(column('trades'), 'Desing', look);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message.en).toContain('did you mean "Design", id design?');
  });

  it('reads yes/no, Danish dates, CVR with spaces and web addresses without https', () => {
    expect(cellValue(column('listed'), 'Ja', look)).toEqual({ ok: true, value: true });
    expect(cellValue(column('listed'), 'nej', look)).toEqual({ ok: true, value: false });
    expect(cellValue(column('joined'), '5.3.2019', look)).toEqual({ ok: true, value: '2019-03-05' });
    expect(cellValue(column('joined'), '31-02-2019', look).ok).toBe(false);
    expect(cellValue(column('cvr'), 'DK 12 34 56 78', look)).toEqual({ ok: true, value: '12345678' });
    expect(cellValue(column('website'), 'www.eksempel.dk', look)).toEqual({
      ok: true,
      value: 'https://www.eksempel.dk',
    });
    expect(cellValue(column('phone'), "'+45 20 30 40 50", look)).toEqual({ ok: true, value: '+45 20 30 40 50' });
  });

  it('reads choices by label in either language, groups by slug, and says which group it does not know', () => {
    expect(cellValue(column('open_to'), 'Samarbejde, Assignments', look)).toEqual({
      ok: true,
      value: ['samarbejde', 'opgaver'],
    });
    expect(cellValue(column('groups'), 'Lolland-Falster', look)).toEqual({ ok: true, value: ['lolland-falster'] });
    const bad = cellValue(column('groups'), 'lolland-falstr', look);
    expect(!bad.ok && bad.message).toEqual({
      en: 'Groups: "lolland-falstr" is not a group in groups/ (did you mean "lolland-falster"?)',
      da: 'Grupper: "lolland-falstr" er ikke en gruppe i groups/ (mente du "lolland-falster"?)',
    });
  });

  it('splits free-text lists at line breaks and semicolons only, so a comma stays inside an item', () => {
    expect(cellValue(column('services'), 'Tekster, oversættelse og korrektur; Juridisk oversættelse', look)).toEqual({
      ok: true,
      value: ['Tekster, oversættelse og korrektur', 'Juridisk oversættelse'],
    });
  });
});

describe("a field's value as a cell", () => {
  it('writes names rather than ids, ja/nej, and lists joined as the import reads them back', () => {
    expect(cellText(column('trades'), ['jura-revision-bogfoering', 'it-data'], look)).toBe(
      'Jura, revision og bogføring, IT og databehandling',
    );
    expect(cellText(column('municipality'), 'koebenhavn', look)).toBe('København');
    expect(cellText(column('open_to'), ['samarbejde', 'opgaver'], look)).toBe('Samarbejde, Opgaver');
    expect(cellText(column('listed'), false, look)).toBe('nej');
    expect(cellText(column('services'), ['Tekster, oversættelse', 'Hosting'], look)).toBe(
      'Tekster, oversættelse; Hosting',
    );
    expect(cellText(column('email'), undefined, look)).toBe('');
  });

  it('round-trips: the cell it writes is read back as the same value', () => {
    const values: Record<string, unknown> = {
      trades: ['jura-revision-bogfoering', 'it-data'],
      municipality: 'koebenhavn',
      open_to: ['samarbejde'],
      services: ['Tekster, oversættelse og korrektur', 'Hosting'],
      listed: true,
      joined: '2012-03-01',
    };
    for (const [field, value] of Object.entries(values)) {
      expect(cellValue(column(field), cellText(column(field), value, look), look), field).toEqual({ ok: true, value });
    }
  });
});
