import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTaxonomies } from '../../../src/lib/content/taxonomies.ts';
import { lookups } from '../../../src/tools/members-csv/cells.ts';
import { listedMembers, membersCsv } from '../../../src/tools/members-csv/export.ts';
import { readCsv } from '../../../src/tools/members-csv/csv.ts';

const look = lookups(readTaxonomies(path.resolve(import.meta.dirname, '../../fixtures/contrib/site')), []);
const member = (slug: string, data: Record<string, unknown>) => ({ slug, path: `${slug}.md`, text: '', data });

describe('CSV export', () => {
  it('takes only the members who consented to be listed, in Danish alphabetical order', () => {
    const all = [
      member('aase', { name: 'Åse', listed: true }),
      member('zara', { name: 'Zara', listed: true }),
      member('skjult', { name: 'Ane', listed: false }),
      member('x', { name: 'Bo' }),
    ];
    expect(listedMembers(all).map((m) => m.slug)).toEqual(['zara', 'aase']);
  });

  it("writes Excel's CSV: BOM, semicolons, CRLF, Danish headers, no presentation column", () => {
    const csv = membersCsv([member('bo-berg', { name: 'Bo Berg', listed: true })], look);
    expect(csv.startsWith('\uFEFFNavn;Virksomhed;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).not.toContain('Præsentation');
    expect(csv.split('\r\n')[1]).toMatch(/^Bo Berg;;.*;ja;bo-berg$/);
  });

  it('quotes a cell holding the delimiter, a quote or a line break, and writes a would-be formula as text', () => {
    const csv = membersCsv(
      [member('x', { name: '=HYPERLINK("http://x")', business: 'A; B', services: ['Linje 1\nLinje 2'], listed: true })],
      look,
    );
    const row = csv.split('\r\n')[1];
    expect(row.startsWith(`"'=HYPERLINK(""http://x"")";"A; B";`)).toBe(true);
    expect(row).toContain('"Linje 1\nLinje 2"');
    // Read back as the import reads it: the same cells, the formula's apostrophe included (the import drops it).
    const table = readCsv(new TextEncoder().encode(csv));
    expect(table.rows[0].cells.slice(0, 2)).toEqual([`'=HYPERLINK("http://x")`, 'A; B']);
  });
});
