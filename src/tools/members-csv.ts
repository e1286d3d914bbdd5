import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { folderCollections, type Bilingual, type Taxonomies } from '../schemas/index.ts';
import { memberSchema } from '../schemas/members.ts';
import { deepEqual, splitFrontMatter, updateYaml, type FieldTree } from '../lib/yaml-edit.ts';
import { checkAgainstSchema } from '../lib/content/validate.ts';
import { bodyFindingMessage, bodyFindings } from '../lib/content/body-check.ts';
import { MAX_ENTRY_BYTES, readContentText } from '../lib/content/files.ts';
import { fenceMessage, frontMatterFence, parseYamlData, YamlDataError } from '../lib/content/front-matter.ts';
import { displayPath } from '../lib/content/paths.ts';
import { InputError } from '../lib/input.ts';
import { collectionSchema, fieldDocs, type FieldDoc } from './field-docs.ts';
import { closest } from '../lib/suggest.ts';
import { slugify } from '../lib/slug.ts';

/**
 * The member spreadsheet round trip: CSV in (create or update member files, never delete,
 * never touch a body), CSV and vCard out (listed members only). Columns come from the member
 * schema's labels, so a renamed label is a renamed column.
 */

type Data = Record<string, unknown>;

// --- columns -------------------------------------------------------------------------------

/** Fields that do not belong in a spreadsheet: pictures live in the media folder, `lang` is about the body. */
const NOT_IN_SPREADSHEET = new Set(['photo', 'photo_alt', 'lang']);

/** Headers people write besides the labels (compared without case, spaces, hyphens and æøå). */
const EXTRA_HEADERS: Record<string, string[]> = {
  name: ['Fulde navn', 'Full name', 'Medlem'],
  business: ['Firma', 'Firmanavn', 'Company'],
  trades: ['Branche', 'Trade'],
  municipality: ['Kommunenavn'],
  services: ['Ydelse'],
  languages: ['Sprogkoder'],
  website: ['Web', 'URL', 'www'],
  email: ['Mail', 'Email', 'E-mailadresse'],
  phone: ['Tlf', 'Tlf.', 'Telefonnummer', 'Mobil'],
  cvr: ['CVR', 'CVR-nr', 'CVR-nr.'],
  groups: ['Gruppe'],
  joined: ['Indmeldt', 'Medlem fra', 'Joined'],
  listed: ['Synlig', 'Offentlig', 'Samtykke', 'Listed', 'Public'],
};
const SLUG_HEADERS = ['Fil', 'Filnavn', 'File'];

export interface Column {
  /** Front-matter field, or `slug` / `body` for the file name and the presentation. */
  field: string;
  header: Bilingual;
  doc?: FieldDoc;
}

const headerKey = (h: string) => slugify(h.replace(/\u00a0/g, ' ')).replace(/-/g, '');

/** The spreadsheet's columns in schema order, then the presentation and the slug. */
export function memberColumns(): Column[] {
  const info = folderCollections.members.info;
  const docs = fieldDocs(collectionSchema('members')).filter((d) => !NOT_IN_SPREADSHEET.has(d.name));
  return [
    ...docs.map((doc) => ({ field: doc.name, header: doc.label, doc })),
    { field: 'body', header: info.bodyLabel! },
    { field: 'slug', header: { da: 'Slug', en: 'Slug' } },
  ];
}

/** Which column each header is: by label (Danish or English), field name or a common alias. */
export function mapHeaders(headers: string[]): { columns: (Column | undefined)[]; ignored: string[] } {
  const keys = new Map<string, Column>();
  for (const c of memberColumns()) {
    for (const h of [c.header.da, c.header.en, c.field, ...(EXTRA_HEADERS[c.field] ?? []), ...(c.field === 'slug' ? SLUG_HEADERS : [])]) {
      if (!keys.has(headerKey(h))) keys.set(headerKey(h), c);
    }
  }
  const taken = new Set<string>();
  const columns = headers.map((h) => {
    const c = keys.get(headerKey(h));
    if (!c || taken.has(c.field)) return undefined;
    taken.add(c.field);
    return c;
  });
  return { columns, ignored: headers.filter((h, i) => h.trim() && !columns[i]) };
}

// --- reading CSV ---------------------------------------------------------------------------

export interface CsvTable {
  header: string[];
  /** Data rows with their spreadsheet row number (the header is row 1). */
  rows: { row: number; cells: string[] }[];
  delimiter: string;
  encoding: 'UTF-8' | 'Windows-1252';
  bom: boolean;
}

/** UTF-8 with or without BOM; a file that is not UTF-8 is read as Windows-1252 (older Excel). */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvTable['encoding']; bom: boolean } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'UTF-8', bom };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252', bom: false };
  }
}

/** The delimiter that occurs most often in the first line, outside quotes. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? best : ',';
}

/** Far above a network's member list (Mikronet has 325), and low enough that a hostile file is refused cheaply. */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
/** Rows in the file, blank ones and the header included. */
export const MAX_CSV_ROWS = 10_000;
/** Bytes of text in one row (csv-parse's max_record_size counts bytes): the presentation is the longest cell, and a member file holds at most 256 KB. */
export const MAX_ROW_BYTES = 200 * 1024;
export const MAX_CSV_COLUMNS = 200;

/** What a file that is not CSV text looks like, to say what it is rather than that its header is wrong. */
function notCsv(bytes: Uint8Array): Bilingual | undefined {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return {
      en: 'is an Excel workbook, not CSV; in Excel choose File → Save as → "CSV UTF-8 (comma delimited)" and import that file',
      da: 'er en Excel-projektmappe, ikke CSV; vælg i Excel Filer → Gem som → "CSV UTF-8 (kommasepareret)", og importér den fil',
    };
  }
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) {
    return {
      en: 'is UTF-16 text ("Unicode text"); save the spreadsheet as "CSV UTF-8" instead',
      da: 'er UTF-16-tekst ("Unicode-tekst"); gem regnearket som "CSV UTF-8" i stedet',
    };
  }
  if (bytes.includes(0)) {
    return {
      en: 'is not a text file (it holds binary data); save the spreadsheet as CSV and import that file',
      da: 'er ikke en tekstfil (den indeholder binære data); gem regnearket som CSV, og importér den fil',
    };
  }
  return undefined;
}

/** csv-parse's complaints, as the volunteer's spreadsheet row and what to do. */
function parseProblem(err: unknown): Bilingual {
  const e = err as { code?: string; records?: number; message?: string };
  const row = (e.records ?? 0) + 1;
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    return {
      en: `row ${row}: a cell starts with a quote (") that is never closed; close it or remove it`,
      da: `række ${row}: en celle begynder med et anførselstegn ("), der aldrig lukkes; luk det, eller fjern det`,
    };
  }
  if (e.code === 'CSV_MAX_RECORD_SIZE') {
    return {
      en: `row ${row} holds more than ${MAX_ROW_BYTES / 1024} KB of text (perhaps a quote that is never closed); shorten it`,
      da: `række ${row} indeholder mere end ${MAX_ROW_BYTES / 1024} KB tekst (måske et anførselstegn, der aldrig lukkes); gør den kortere`,
    };
  }
  const reason = (e.message ?? String(err)).split('\n')[0].slice(0, 200);
  return { en: `cannot be read as CSV (${reason}); save the spreadsheet as CSV again`, da: `kan ikke læses som CSV (${reason}); gem regnearket som CSV igen` };
}

export function readCsv(bytes: Uint8Array, file?: string): CsvTable {
  const binary = notCsv(bytes);
  if (binary) throw new CsvError(binary, file);
  const { text, encoding, bom } = decodeCsv(bytes);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: MAX_ROW_BYTES,
      // `records` counts this one too: it is the spreadsheet's row number.
      on_record: (record: string[], { records: row }: { records: number }) => {
        if (row > MAX_CSV_ROWS) {
          throw new CsvError({
            en: `has more than ${MAX_CSV_ROWS.toLocaleString('en')} rows; split it into smaller files`,
            da: `har mere end ${MAX_CSV_ROWS.toLocaleString('da')} rækker; del den op i mindre filer`,
          }, file);
        }
        if (record.length > MAX_CSV_COLUMNS) {
          throw new CsvError({
            en: `row ${row} has ${record.length} columns, more than ${MAX_CSV_COLUMNS}; remove the empty columns at its end`,
            da: `række ${row} har ${record.length} kolonner, mere end ${MAX_CSV_COLUMNS}; fjern de tomme kolonner i slutningen`,
          }, file);
        }
        return record;
      },
    }) as string[][];
  } catch (err) {
    if (err instanceof CsvError) throw err;
    throw new CsvError(parseProblem(err), file);
  }
  const blank = (r: string[]) => r.every((c) => !c.trim());
  const headerIndex = records.findIndex((r) => !blank(r));
  if (headerIndex === -1) return { header: [], rows: [], delimiter, encoding, bom };
  return {
    header: records[headerIndex].map((h) => h.trim()),
    rows: records
      .map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.replace(/\r\n?/g, '\n')) }))
      .slice(headerIndex + 1)
      .filter((r) => !blank(r.cells)),
    delimiter,
    encoding,
    bom,
  };
}

// --- cells to values -----------------------------------------------------------------------

type Cell = { ok: true; value: unknown } | { ok: false; message: Bilingual };

const clean = (s: string) => s.replace(/\u00a0/g, ' ').replace(/^'(?=[=+\-@])/, '').trim();

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
    for (let i = 0; i < parts.length; ) {
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
  const bad = (en: string, da: string): Cell => ({ ok: false, message: { en: `${doc.label.en}: ${en}`, da: `${doc.label.da}: ${da}` } });
  if (meta?.taxonomy) {
    const voc = look[meta.taxonomy];
    const noun = meta.taxonomy === 'municipalities' ? { en: 'a Danish municipality', da: 'en dansk kommune' } : { en: 'a known trade', da: 'en kendt branche' };
    const items = list ? splitKnown(v, voc.find) : [v];
    const ids: string[] = [];
    for (const item of items) {
      const id = voc.find(item);
      if (id) {
        ids.push(id);
        continue;
      }
      const s = voc.suggest(item);
      const dym = s ? { en: ` (did you mean "${voc.display.get(s)}", id ${s}?)`, da: ` (mente du "${voc.display.get(s)}", id ${s}?)` } : { en: '', da: '' };
      return bad(`"${item}" is not ${noun.en}${dym.en}; see taxonomies/${meta.taxonomy}.yml`, `"${item}" er ikke ${noun.da}${dym.da}; se taxonomies/${meta.taxonomy}.yml`);
    }
    return { ok: true, value: list ? [...new Set(ids)] : ids[0] };
  }
  if (meta?.options) {
    const options = Object.entries(meta.options);
    const find = (item: string) => options.find(([k, l]) => [k, l.da, l.en].some((x) => slugify(x) === slugify(item)))?.[0];
    const items = list ? splitKnown(v, find) : [v];
    const ids: string[] = [];
    for (const item of items) {
      const id = find(item);
      if (!id) {
        return bad(
          `"${item}" is not one of ${options.map(([, l]) => l.en).join(', ')}`,
          `"${item}" er ikke en af ${options.map(([, l]) => l.da).join(', ')}`,
        );
      }
      ids.push(id);
    }
    return { ok: true, value: list ? [...new Set(ids)] : ids[0] };
  }
  if (meta?.ref === 'groups') {
    const items = v.split(/[,;\n|]/).map((x) => slugify(x)).filter(Boolean);
    const unknown = items.find((g) => !look.groups.has(g));
    if (unknown) {
      const s = closest(unknown, look.groups);
      return bad(`"${unknown}" is not a group in groups/${s ? ` (did you mean "${s}"?)` : ''}`, `"${unknown}" er ikke en gruppe i groups/${s ? ` (mente du "${s}"?)` : ''}`);
    }
    return { ok: true, value: [...new Set(items)] };
  }
  if (meta?.widget === 'boolean') {
    const k = v.toLowerCase();
    if (YES.has(k)) return { ok: true, value: true };
    if (NO.has(k)) return { ok: true, value: false };
    return bad(`"${v}" is not yes or no; write ja or nej`, `"${v}" er hverken ja eller nej; skriv ja eller nej`);
  }
  if (meta?.widget === 'date') {
    const iso = parseDate(v);
    return iso ? { ok: true, value: iso } : bad(`"${v}" is not a date; write YYYY-MM-DD or DD-MM-YYYY`, `"${v}" er ikke en dato; skriv ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ`);
  }
  if (column.field === 'languages') {
    return { ok: true, value: [...new Set(v.split(/[,;\n|\s]+/).map((x) => x.toLowerCase()).filter(Boolean))] };
  }
  if (list) {
    // Free text may contain commas ("Tekster, oversættelse og korrektur"): one item per line or per semicolon.
    return { ok: true, value: v.split(/[;\n]/).map((x) => x.trim()).filter(Boolean) };
  }
  if (column.field === 'cvr') {
    const digits = v.replace(/^dk/i, '').replace(/[\s.-]/g, '');
    return /^\d{8}$/.test(digits) ? { ok: true, value: digits } : bad(`"${v}" is not 8 digits`, `"${v}" er ikke 8 cifre`);
  }
  if (doc.type.en.startsWith('web address') && !/^[a-z][a-z0-9+.-]*:/i.test(v)) return { ok: true, value: `https://${v}` };
  return { ok: true, value: v };
}

// --- existing members ----------------------------------------------------------------------

export interface ExistingMember {
  slug: string;
  path: string;
  text: string;
  data: Data;
  /** Why the file cannot be read safely (a link, too large, not UTF-8, not YAML): it is neither matched by field nor written. */
  unreadable?: Bilingual;
}

/**
 * Member files as text and data (YAML core schema: dates stay strings, as the spreadsheet has
 * them), read by the content check's rules: ordinary UTF-8 files under its size cap, never
 * through a link, front matter as YAML data only.
 */
export function readMembers(contentDir: string): ExistingMember[] {
  const dir = path.join(contentDir, folderCollections.members.info.path);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(dir);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) {
    throw new InputError(
      stat.isSymbolicLink()
        ? { en: 'is a symbolic link; the members folder must be a folder inside the content folder', da: 'er et symbolsk link; medlemsmappen skal være en mappe i indholdsmappen' }
        : { en: 'is not a folder; it must be the folder of member files', da: 'er ikke en mappe; den skal være mappen med medlemsfiler' },
      dir,
    );
  }
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.md') && !n.startsWith('.'))
    .sort()
    .map((n): ExistingMember => {
      const p = path.join(dir, n);
      const slug = n.slice(0, -3);
      const read = readContentText(p, MAX_ENTRY_BYTES);
      if ('problem' in read) return { slug, path: p, text: '', data: {}, unreadable: read.problem.message };
      const fence = frontMatterFence(read.text);
      if (fence.kind === 'other') return { slug, path: p, text: '', data: {}, unreadable: fenceMessage(fence.found) };
      try {
        const parsed = parseYamlData(splitFrontMatter(read.text).yaml, { dates: false });
        const data = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Data) : {};
        return { slug, path: p, text: read.text, data };
      } catch (err) {
        const message = err instanceof YamlDataError ? err.bilingual : { en: 'the front matter cannot be read', da: 'front matter kan ikke læses' };
        return { slug, path: p, text: '', data: {}, unreadable: message };
      }
    });
}

// --- import --------------------------------------------------------------------------------

export type RowOutcome =
  | { kind: 'new'; row: number; name: string; slug: string; path: string; text: string }
  | { kind: 'changed'; row: number; name: string; slug: string; path: string; text: string; fields: string[] }
  | { kind: 'unchanged'; row: number; name: string; slug: string; path: string }
  | { kind: 'rejected'; row: number; name?: string; reasons: Bilingual[] };

export interface ImportPlan {
  table: Omit<CsvTable, 'rows' | 'header'> & { rows: number };
  ignoredColumns: string[];
  outcomes: RowOutcome[];
}

/** A spreadsheet that cannot be imported at all (no rows are looked at): the CLI prints it, exit 1. */
export class CsvError extends InputError {}

/** The check refuses a content file over its size cap: the importer does not write one. */
function tooLarge(row: number, name: string, text: string): RowOutcome {
  const kb = (n: number) => Math.ceil(n / 1024).toLocaleString('en');
  return {
    kind: 'rejected',
    row,
    name,
    reasons: [
      {
        en: `the member file would be ${kb(Buffer.byteLength(text))} KB, and a content file may be at most ${kb(MAX_ENTRY_BYTES)} KB; shorten the presentation or the other cells`,
        da: `medlemsfilen ville fylde ${kb(Buffer.byteLength(text))} KB, og en indholdsfil må højst fylde ${kb(MAX_ENTRY_BYTES)} KB; gør præsentationen eller de andre celler kortere`,
      },
    ],
  };
}

const fieldOrder = (): FieldTree[] => Object.keys(collectionSchema('members').shape).map((name) => ({ name }));

/**
 * What importing `bytes` into `contentDir` would do, row by row, without writing anything.
 * Every row is either new, changed, unchanged or rejected with its reasons.
 */
export function planImport(bytes: Uint8Array, contentDir: string, tax: Taxonomies, file?: string): ImportPlan {
  const table = readCsv(bytes, file);
  const { columns, ignored } = mapHeaders(table.header);
  if (!columns.some((c) => c?.field === 'name')) {
    // The headers found, shortened: a binary or hostile first row can be anything.
    const found = table.header.join(', ').replace(/\s+/g, ' ').slice(0, 200);
    throw new CsvError(
      {
        en: `no column for the name; the first row must hold the headers, e.g. Navn;Virksomhed;Brancher;Kommune;E-mail (found: ${found || 'nothing'})`,
        da: `ingen kolonne med navnet; første række skal være overskrifterne, fx Navn;Virksomhed;Brancher;Kommune;E-mail (fandt: ${found || 'intet'})`,
      },
      file,
    );
  }
  const groupsDir = path.join(contentDir, folderCollections.groups.info.path);
  const groups = fs.existsSync(groupsDir) ? fs.readdirSync(groupsDir).filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3)) : [];
  const look = lookups(tax, groups);
  const schema = memberSchema(tax);
  const members = readMembers(contentDir);
  const bySlug = new Map(members.map((m) => [m.slug, m]));
  const byEmail = new Map(members.filter((m) => typeof m.data.email === 'string').map((m) => [(m.data.email as string).toLowerCase(), m]));
  const byName = new Map(members.filter((m) => typeof m.data.name === 'string').map((m) => [slugify(m.data.name as string), m]));
  const membersDir = path.join(contentDir, folderCollections.members.info.path);
  const claimed = new Map<string, number>();
  const claimedEmail = new Map<string, number>();
  const order = fieldOrder();

  const outcomes = table.rows.map(({ row, cells }): RowOutcome => {
    const values: Data = {};
    const reasons: Bilingual[] = [];
    let body: string | undefined;
    let slugCell: string | undefined;
    columns.forEach((c, i) => {
      const raw = cells[i] ?? '';
      if (!c || !clean(raw)) return;
      if (c.field === 'body') {
        body = raw.trim();
        // The check's body rule: what it would refuse in the file is refused here, row by row.
        for (const finding of bodyFindings(body)) {
          const why = bodyFindingMessage(finding);
          const at = { en: `${c.header.en}, line ${finding.line + 1} of the cell`, da: `${c.header.da}, linje ${finding.line + 1} i cellen` };
          reasons.push({ en: `${at.en}: ${why.en}`, da: `${at.da}: ${why.da}` });
        }
      }
      else if (c.field === 'slug') slugCell = slugify(clean(raw));
      else {
        const cell = cellValue(c, raw, look);
        if (cell.ok) values[c.field] = cell.value;
        else reasons.push(cell.message);
      }
    });
    const name = typeof values.name === 'string' ? values.name : undefined;
    if (!name) reasons.unshift({ en: 'the name is missing; every row needs one', da: 'navnet mangler; hver række skal have et' });
    if (reasons.length) return { kind: 'rejected', row, name, reasons };

    // Which member is this? The slug column, else the e-mail address, else the slug of the name.
    const email = typeof values.email === 'string' ? values.email.toLowerCase() : undefined;
    const nameSlug = slugify(name!);
    let target: ExistingMember | undefined;
    if (slugCell) target = bySlug.get(slugCell);
    else if (email && byEmail.has(email)) target = byEmail.get(email);
    else {
      target = bySlug.get(nameSlug) ?? byName.get(nameSlug);
      const theirs = typeof target?.data.email === 'string' ? target.data.email.toLowerCase() : undefined;
      if (target && email && theirs && theirs !== email) {
        return {
          kind: 'rejected',
          row,
          name,
          reasons: [
            {
              en: `"${name}" matches ${displayPath(target.path)} by name, but its e-mail is different; if it is the same person, put ${target.slug} in a Slug column; if not, put a new slug there (e.g. ${nameSlug}-2)`,
              da: `"${name}" passer på ${displayPath(target.path)} efter navnet, men e-mailen er en anden; er det samme person, så skriv ${target.slug} i en Slug-kolonne; ellers skriv et nyt slug dér (fx ${nameSlug}-2)`,
            },
          ],
        };
      }
    }
    if (target?.unreadable) {
      const at = displayPath(target.path);
      return {
        kind: 'rejected',
        row,
        name,
        reasons: [
          {
            en: `${at} cannot be read safely (${target.unreadable.en}); fix that file first (npm run check), then import again`,
            da: `${at} kan ikke læses sikkert (${target.unreadable.da}); ret den fil først (npm run check), og importér så igen`,
          },
        ],
      };
    }
    const slug = target?.slug ?? slugCell ?? nameSlug;
    if (!slug) return { kind: 'rejected', row, name, reasons: [{ en: `"${name}" gives no file name; add a Slug column`, da: `"${name}" giver intet filnavn; tilføj en Slug-kolonne` }] };
    const first = claimed.get(slug);
    if (first !== undefined) {
      return { kind: 'rejected', row, name, reasons: [{ en: `the same member as row ${first} (${slug}); keep one of the rows`, da: `samme medlem som række ${first} (${slug}); behold én af rækkerne` }] };
    }
    const firstEmail = email === undefined ? undefined : claimedEmail.get(email);
    if (firstEmail !== undefined) {
      return { kind: 'rejected', row, name, reasons: [{ en: `the same e-mail as row ${firstEmail}; keep one of the rows`, da: `samme e-mail som række ${firstEmail}; behold én af rækkerne` }] };
    }
    claimed.set(slug, row);
    if (email) claimedEmail.set(email, row);

    const before = target?.data ?? {};
    // A new member is shown only with consent: without a "Vis offentligt" cell, listed is false.
    const merged: Data = target ? { ...before, ...values } : { ...values, listed: values.listed ?? false };
    const problems = checkAgainstSchema(
      { file: slug, schema, data: merged },
      { taxonomyIds: { trades: tax.trades.map((t) => t.id), municipalities: tax.municipalities.map((m) => m.id) }, contentLabel: contentDir },
    ).issues.filter((i) => i.code !== 'unknown_field' && (!target || (i.field && i.field.split(/[.[]/)[0] in values)));
    if (problems.length) {
      const labelOf = (f?: string) => {
        const c = memberColumns().find((col) => col.field === f?.split(/[.[]/)[0]);
        return c ? c.header : { en: f ?? 'row', da: f ?? 'række' };
      };
      return { kind: 'rejected', row, name, reasons: problems.map((p) => ({ en: `${labelOf(p.field).en}: ${p.message.en}`, da: `${labelOf(p.field).da}: ${p.message.da}` })) };
    }

    if (!target) {
      const yaml = updateYaml(undefined, merged, order);
      const text = `---\n${yaml}---\n${body ? `${body}\n` : ''}`;
      if (Buffer.byteLength(text) > MAX_ENTRY_BYTES) return tooLarge(row, name!, text);
      return { kind: 'new', row, name: name!, slug, path: path.join(membersDir, `${slug}.md`), text };
    }
    const fields = Object.keys(values).filter((k) => !deepEqual(before[k], merged[k]));
    if (!fields.length) return { kind: 'unchanged', row, name: name!, slug, path: target.path };
    const parts = splitFrontMatter(target.text);
    // One field at a time, in schema order, so several new fields land in schema order too.
    let yaml = parts.yaml;
    let now: Data = { ...before };
    for (const { name: key } of order) {
      if (!fields.includes(key)) continue;
      now = { ...now, [key]: merged[key] };
      yaml = updateYaml(yaml, now, order);
    }
    const text = `${parts.head}${yaml}${parts.close}${parts.body}`;
    if (Buffer.byteLength(text) > MAX_ENTRY_BYTES) return tooLarge(row, name!, text);
    return { kind: 'changed', row, name: name!, slug, path: target.path, text, fields };
  });
  return { table: { rows: table.rows.length, delimiter: table.delimiter, encoding: table.encoding, bom: table.bom }, ignoredColumns: ignored, outcomes };
}

/** Writes what the plan says: new files (never over an existing one) and changed ones. */
export function applyImport(plan: ImportPlan): string[] {
  const written: string[] = [];
  for (const o of plan.outcomes) {
    if (o.kind === 'new') {
      fs.mkdirSync(path.dirname(o.path), { recursive: true });
      fs.writeFileSync(o.path, o.text, { flag: 'wx' });
      written.push(o.path);
    } else if (o.kind === 'changed') {
      // Into the file that was read, never through a link put in its place since.
      const { O_WRONLY, O_TRUNC, O_NOFOLLOW = 0 } = fs.constants;
      const fd = fs.openSync(o.path, O_WRONLY | O_TRUNC | O_NOFOLLOW);
      try {
        fs.writeFileSync(fd, o.text);
      } finally {
        fs.closeSync(fd);
      }
      written.push(o.path);
    }
  }
  return written;
}

export function importSummary(plan: ImportPlan, source: string): string[] {
  const count = (k: RowOutcome['kind']) => plan.outcomes.filter((o) => o.kind === k).length;
  const delimiter = { ';': ['semicolons', 'semikolon'], ',': ['commas', 'komma'], '\t': ['tabs', 'tabulator'] }[plan.table.delimiter] ?? [plan.table.delimiter, plan.table.delimiter];
  const bom = plan.table.bom ? [' with BOM', ' med BOM'] : ['', ''];
  const lines = [
    `${source}: ${plan.table.rows} row(s), ${delimiter[0]}, ${plan.table.encoding}${bom[0]} — ${plan.table.rows} række(r), ${delimiter[1]}, ${plan.table.encoding}${bom[1]}`,
    `  ${count('new')} new — nye`,
    `  ${count('changed')} changed — ændrede`,
    `  ${count('unchanged')} unchanged — uændrede`,
    `  ${count('rejected')} rejected — afviste`,
  ];
  if (plan.ignoredColumns.length) lines.push(`ignored columns — ignorerede kolonner: ${plan.ignoredColumns.join(', ')}`);
  for (const o of plan.outcomes) {
    if (o.kind === 'new') lines.push(`new — ny: ${displayPath(o.path)} (row/række ${o.row}, ${o.name})`);
    else if (o.kind === 'changed') lines.push(`changed — ændret: ${displayPath(o.path)} (row/række ${o.row}): ${o.fields.join(', ')}`);
    else if (o.kind === 'rejected') {
      for (const r of o.reasons) lines.push(`rejected — afvist: row/række ${o.row}${o.name ? ` (${o.name})` : ''}: ${r.en} — ${r.da}`);
    }
  }
  return lines;
}

// --- export --------------------------------------------------------------------------------

const EXCEL_FORMULA = /^[=+\-@\t\r]/;

function csvCell(value: string, delimiter: string): string {
  // A cell Excel would read as a formula is written as text (a leading apostrophe, dropped again on import).
  const safe = EXCEL_FORMULA.test(value) ? `'${value}` : value;
  return safe.includes(delimiter) || /["\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
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

/** Members with consent to be shown, by name (Danish alphabet). */
export function listedMembers(members: ExistingMember[]): ExistingMember[] {
  return members.filter((m) => m.data.listed === true).sort((a, b) => String(a.data.name).localeCompare(String(b.data.name), 'da'));
}

/** CSV for Excel: semicolons, CRLF, UTF-8 with BOM, Danish headers. */
export function membersCsv(members: ExistingMember[], look: Lookups): string {
  const columns = memberColumns().filter((c) => c.field !== 'body');
  const lines = [columns.map((c) => csvCell(c.header.da, ';')).join(';')];
  for (const m of members) {
    lines.push(columns.map((c) => csvCell(c.field === 'slug' ? m.slug : cellText(c, m.data[c.field], look), ';')).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const vText = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');

/** Folds a content line at 75 octets without splitting a character (RFC 6350, 3.2). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** vCard 4.0 (RFC 6350), one card per listed member, for the volunteers' address books. */
export function membersVcf(members: ExistingMember[], look: Lookups): string {
  const cards = members.map((m) => {
    const d = m.data;
    const str = (k: string) => (typeof d[k] === 'string' && d[k] ? (d[k] as string) : undefined);
    const name = str('name') ?? m.slug;
    const words = name.split(/\s+/);
    const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${vText(name)}`, `N:${vText(words.length > 1 ? words.at(-1)! : name)};${vText(words.slice(0, -1).join(' '))};;;`];
    if (str('business')) lines.push(`ORG:${vText(str('business')!)}`);
    if (str('email')) lines.push(`EMAIL;TYPE=work:${str('email')}`);
    if (str('phone')) lines.push(`TEL;TYPE=work;VALUE=uri:tel:${str('phone')!.replace(/[^\d+]/g, '')}`);
    if (str('website')) lines.push(`URL:${str('website')}`);
    const municipality = str('municipality');
    if (municipality) lines.push(`ADR;TYPE=work:;;;${vText(look.municipalities.display.get(municipality) ?? municipality)};;;Danmark`);
    const trades = Array.isArray(d.trades) ? (d.trades as string[]).map((t) => look.trades.display.get(t) ?? t) : [];
    if (trades.length) lines.push(`CATEGORIES:${trades.map(vText).join(',')}`);
    if (Array.isArray(d.services) && d.services.length) lines.push(`NOTE:${vText((d.services as string[]).join('\n'))}`);
    lines.push(`UID:urn:mikronet:member:${m.slug}`, 'END:VCARD');
    return lines.map(foldLine).join('\r\n');
  });
  return cards.length ? `${cards.join('\r\n')}\r\n` : '';
}

/** What a cell may hold, in words, for CONTRIBUTING.md. */
function cellHelp(c: Column): Bilingual {
  if (c.field === 'body') return { da: 'kun for nye medlemmer; en eksisterende tekst ændres aldrig', en: 'new members only; an existing text is never changed' };
  if (c.field === 'slug') return { da: 'filnavnet uden .md; finder medlemmet, også når navnet er ændret', en: 'the file name without .md; finds the member even when the name changed' };
  const doc = c.doc!;
  const meta = doc.meta;
  const list = doc.type.en.startsWith('list');
  const several = list ? { da: ', flere adskilt med komma', en: ', several separated by commas' } : { da: '', en: '' };
  if (meta?.taxonomy) return { da: `navn eller id fra \`taxonomies/${meta.taxonomy}.yml\`${several.da}`, en: `name or id from \`taxonomies/${meta.taxonomy}.yml\`${several.en}` };
  if (meta?.options) {
    const opts = Object.entries(meta.options);
    return { da: `${opts.map(([, l]) => l.da).join(', ')}${several.da}`, en: `${opts.map(([, l]) => l.en).join(', ')}${several.en}` };
  }
  if (meta?.ref) return { da: `slugs i \`${meta.ref}/\`${several.da}`, en: `slugs in \`${meta.ref}/\`${several.en}` };
  if (meta?.widget === 'boolean') return { da: 'ja eller nej (tom: nej for nye medlemmer)', en: 'ja or nej, yes or no (empty: no for new members)' };
  if (meta?.widget === 'date') return { da: 'ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ', en: 'YYYY-MM-DD or DD-MM-YYYY' };
  if (c.field === 'languages') return { da: 'sprogkoder, fx da, en', en: 'language codes, e.g. da, en' };
  if (list) return { da: 'én pr. linje eller adskilt med semikolon', en: 'one per line or separated by semicolons' };
  if (c.field === 'cvr') return { da: '8 cifre (mellemrum og DK tages væk)', en: '8 digits (spaces and DK are dropped)' };
  if (doc.type.en.startsWith('web address')) return { da: 'webadresse (https:// sættes foran, hvis det mangler)', en: 'web address (https:// is added when missing)' };
  return doc.type;
}

/** The columns of the spreadsheet as a Markdown table for CONTRIBUTING.md. */
export function columnsTable(): string {
  const rows = memberColumns().map((c) => {
    const extra = c.field === 'slug' ? SLUG_HEADERS : (EXTRA_HEADERS[c.field] ?? []);
    const help = cellHelp(c);
    const esc = (t: string) => t.replace(/\|/g, '\\|');
    return `| ${c.header.da} | ${c.header.en} | \`${c.field}\` | ${esc(help.da)}<br>*${esc(help.en)}* | ${extra.join(', ')} |`;
  });
  return [
    '| overskrift<br>*header (da)* | *header (en)* | felt<br>*field* | indhold<br>*content* | også genkendt<br>*also recognised* |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
