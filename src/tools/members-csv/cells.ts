import { bi, type Bilingual, type Taxonomies } from '../../schemas/index.ts';
import { closest } from '../../lib/suggest.ts';
import { slugify } from '../../lib/slug.ts';
import type { Column } from './columns.ts';

/** One cell and its field's value, both ways: names, yes/no and dates in, ids and ISO dates out. */

export type Cell = { ok: true; value: unknown } | { ok: false; message: Bilingual };

export const clean = (s: string) =>
  s
    .replace(/\u00a0/g, ' ')
    .replace(/^'(?=[=+\-@])/, '')
    .trim();

/** A lookup from ids and names (Danish, English, transliterated) to ids, with names to show. */
function vocabulary(entries: { id: string; names: string[]; display: string }[]) {
  const byKey = new Map<string, string>();
  const display = new Map<string, string>();
  for (const e of entries) {
    display.set(e.id, e.display);
    for (const n of [e.id, ...e.names]) {
      for (const k of [slugify(n), slugify(n).replace(/-kommune$/, '')]) if (k && !byKey.has(k)) byKey.set(k, e.id);
    }
  }
  const find = (value: string) => byKey.get(slugify(value)) ?? byKey.get(slugify(value).replace(/-kommune$/, ''));
  const suggest = (value: string) => {
    const key = closest(slugify(value), byKey.keys());
    return key ? byKey.get(key) : undefined;
  };
  return { find, suggest, display };
}

/** Splits a list cell; a comma inside a known name ("Jura, revision og bogføring") keeps the name whole. */
function splitKnown(cell: string, find: (v: string) => string | undefined): string[] {
  const out: string[] = [];
  for (const chunk of cell.split(/[;\n|]/)) {
    const parts = chunk.split(',').map((p) => p.trim());
    for (let i = 0; i < parts.length;) {
      let j = parts.length;
      while (j > i + 1 && !find(parts.slice(i, j).join(', '))) j--;
      const item = parts.slice(i, j).join(', ').trim();
      if (item) out.push(item);
      i = j;
    }
  }
  return out;
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'sand', '1', 'x']);
const NO = new Set(['nej', 'n', 'no', 'false', 'falsk', '0']);

function parseDate(v: string): string | undefined {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v);
  let [y, mo, d] = m ? [m[1], m[2], m[3]] : [];
  if (!m) {
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
    if (m) [d, mo, y] = [m[1], m[2], m[3]];
  }
  if (!y) return undefined;
  const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

export interface Lookups {
  municipalities: ReturnType<typeof vocabulary>;
  trades: ReturnType<typeof vocabulary>;
  groups: Set<string>;
}

export function lookups(tax: Taxonomies, groups: Iterable<string>): Lookups {
  return {
    municipalities: vocabulary(tax.municipalities.map((m) => ({ id: m.id, names: [m.name], display: m.name }))),
    trades: vocabulary(tax.trades.map((t) => ({ id: t.id, names: [t.da, t.en], display: t.da }))),
    groups: new Set(groups),
  };
}

/** One cell as the value of its field, or why it cannot be. */
export function cellValue(column: Column, raw: string, look: Lookups): Cell {
  const v = clean(raw);
  const doc = column.doc!;
  const meta = doc.meta;
  const list = doc.type.en.startsWith('list');
  const bad = (da: string, en: string): Cell => ({
    ok: false,
    message: bi(`${doc.label.da}: ${da}`, `${doc.label.en}: ${en}`),
  });
  if (meta?.taxonomy) {
    const voc = look[meta.taxonomy];
    const noun =
      meta.taxonomy === 'municipalities'
        ? bi('en dansk kommune', 'a Danish municipality')
        : bi('en kendt branche', 'a known trade');
    const items = list ? splitKnown(v, voc.find) : [v];
    const ids: string[] = [];
    for (const item of items) {
      const id = voc.find(item);
      if (id) {
        ids.push(id);
        continue;
      }
      const s = voc.suggest(item);
      const dym = s
        ? bi(` (mente du "${voc.display.get(s)}", id ${s}?)`, ` (did you mean "${voc.display.get(s)}", id ${s}?)`)
        : bi('', '');
      return bad(
        `"${item}" er ikke ${noun.da}${dym.da}; se taxonomies/${meta.taxonomy}.yml`,
        `"${item}" is not ${noun.en}${dym.en}; see taxonomies/${meta.taxonomy}.yml`,
      );
    }
    return { ok: true, value: list ? [...new Set(ids)] : ids[0] };
  }
  if (meta?.options) {
    const options = Object.entries(meta.options);
    const find = (item: string) =>
      options.find(([k, l]) => [k, l.da, l.en].some((x) => slugify(x) === slugify(item)))?.[0];
    const items = list ? splitKnown(v, find) : [v];
    const ids: string[] = [];
    for (const item of items) {
      const id = find(item);
      if (!id) {
        return bad(
          `"${item}" er ikke en af ${options.map(([, l]) => l.da).join(', ')}`,
          `"${item}" is not one of ${options.map(([, l]) => l.en).join(', ')}`,
        );
      }
      ids.push(id);
    }
    return { ok: true, value: list ? [...new Set(ids)] : ids[0] };
  }
  if (meta?.ref === 'groups') {
    const items = v
      .split(/[,;\n|]/)
      .map((x) => slugify(x))
      .filter(Boolean);
    const unknown = items.find((g) => !look.groups.has(g));
    if (unknown) {
      const s = closest(unknown, look.groups);
      return bad(
        `"${unknown}" er ikke en gruppe i groups/${s ? ` (mente du "${s}"?)` : ''}`,
        `"${unknown}" is not a group in groups/${s ? ` (did you mean "${s}"?)` : ''}`,
      );
    }
    return { ok: true, value: [...new Set(items)] };
  }
  if (meta?.widget === 'boolean') {
    const k = v.toLowerCase();
    if (YES.has(k)) return { ok: true, value: true };
    if (NO.has(k)) return { ok: true, value: false };
    return bad(`"${v}" er hverken ja eller nej; skriv ja eller nej`, `"${v}" is not yes or no; write ja or nej`);
  }
  if (meta?.widget === 'date') {
    const iso = parseDate(v);
    return iso
      ? { ok: true, value: iso }
      : bad(
          `"${v}" er ikke en dato; skriv ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ`,
          `"${v}" is not a date; write YYYY-MM-DD or DD-MM-YYYY`,
        );
  }
  if (column.field === 'languages') {
    return {
      ok: true,
      value: [
        ...new Set(
          v
            .split(/[,;\n|\s]+/)
            .map((x) => x.toLowerCase())
            .filter(Boolean),
        ),
      ],
    };
  }
  if (list) {
    // Free text may contain commas ("Tekster, oversættelse og korrektur"): one item per line or per semicolon.
    return {
      ok: true,
      value: v
        .split(/[;\n]/)
        .map((x) => x.trim())
        .filter(Boolean),
    };
  }
  if (column.field === 'cvr') {
    const digits = v.replace(/^dk/i, '').replace(/[\s.-]/g, '');
    return /^\d{8}$/.test(digits)
      ? { ok: true, value: digits }
      : bad(`"${v}" er ikke 8 cifre`, `"${v}" is not 8 digits`);
  }
  if (doc.type.en.startsWith('web address') && !/^[a-z][a-z0-9+.-]*:/i.test(v))
    return { ok: true, value: `https://${v}` };
  return { ok: true, value: v };
}

/** A field's value as a spreadsheet cell: names rather than ids, ja/nej, lists joined. */
export function cellText(column: Column, value: unknown, look: Lookups): string {
  if (value === undefined || value === null) return '';
  const meta = column.doc?.meta;
  const items = Array.isArray(value) ? value.map(String) : [String(value)];
  if (meta?.taxonomy) return items.map((id) => look[meta.taxonomy!].display.get(id) ?? id).join(', ');
  if (meta?.options) return items.map((id) => meta.options![id]?.da ?? id).join(', ');
  if (meta?.widget === 'boolean') return value === true ? 'ja' : value === false ? 'nej' : String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return items.join(column.field === 'services' ? '; ' : ', ');
  return String(value);
}
