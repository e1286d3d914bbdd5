import { cellText, type Lookups } from './cells.ts';
import { memberColumns } from './columns.ts';
import type { ExistingMember } from './members.ts';

const EXCEL_FORMULA = /^[=+\-@\t\r]/;

function csvCell(value: string, delimiter: string): string {
  // A cell Excel would read as a formula is written as text (a leading apostrophe, dropped again on import).
  const safe = EXCEL_FORMULA.test(value) ? `'${value}` : value;
  return safe.includes(delimiter) || /["\r\n]/.test(safe) || safe !== safe.trim()
    ? `"${safe.replace(/"/g, '""')}"`
    : safe;
}

/** Members with consent to be shown, by name (Danish alphabet). */
export function listedMembers(members: ExistingMember[]): ExistingMember[] {
  return members
    .filter((m) => m.data.listed === true)
    .sort((a, b) => String(a.data.name).localeCompare(String(b.data.name), 'da'));
}

/** CSV for Excel: semicolons, CRLF, UTF-8 with BOM, Danish headers. */
export function membersCsv(members: ExistingMember[], look: Lookups): string {
  const columns = memberColumns().filter((c) => c.field !== 'body');
  const lines = [columns.map((c) => csvCell(c.header.da, ';')).join(';')];
  for (const m of members) {
    lines.push(
      columns.map((c) => csvCell(c.field === 'slug' ? m.slug : cellText(c, m.data[c.field], look), ';')).join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
