import { parse } from 'csv-parse/sync';
import { bi, type Bilingual } from '../../schemas/index.ts';
import { InputError } from '../../lib/input.ts';

/** Reading a spreadsheet saved as CSV: its encoding, delimiter and rows, within bounds. */

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
    return bi(
      'er en Excel-projektmappe, ikke CSV; vælg i Excel Filer → Gem som → "CSV UTF-8 (kommasepareret)", og importér den fil',
      'is an Excel workbook, not CSV; in Excel choose File → Save as → "CSV UTF-8 (comma delimited)" and import that file',
    );
  }
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) {
    return bi(
      'er UTF-16-tekst ("Unicode-tekst"); gem regnearket som "CSV UTF-8" i stedet',
      'is UTF-16 text ("Unicode text"); save the spreadsheet as "CSV UTF-8" instead',
    );
  }
  if (bytes.includes(0)) {
    return bi(
      'er ikke en tekstfil (den indeholder binære data); gem regnearket som CSV, og importér den fil',
      'is not a text file (it holds binary data); save the spreadsheet as CSV and import that file',
    );
  }
  return undefined;
}

/** csv-parse's complaints, as the volunteer's spreadsheet row and what to do. */
function parseProblem(err: unknown): Bilingual {
  const e = err as { code?: string; records?: number; message?: string };
  const row = (e.records ?? 0) + 1;
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    return bi(
      `række ${row}: en celle begynder med et anførselstegn ("), der aldrig lukkes; luk det, eller fjern det`,
      `row ${row}: a cell starts with a quote (") that is never closed; close it or remove it`,
    );
  }
  if (e.code === 'CSV_MAX_RECORD_SIZE') {
    return bi(
      `række ${row} indeholder mere end ${MAX_ROW_BYTES / 1024} KB tekst (måske et anførselstegn, der aldrig lukkes); gør den kortere`,
      `row ${row} holds more than ${MAX_ROW_BYTES / 1024} KB of text (perhaps a quote that is never closed); shorten it`,
    );
  }
  const reason = (e.message ?? String(err)).split('\n')[0].slice(0, 200);
  return bi(
    `kan ikke læses som CSV (${reason}); gem regnearket som CSV igen`,
    `cannot be read as CSV (${reason}); save the spreadsheet as CSV again`,
  );
}

/** A spreadsheet that cannot be imported at all (no rows are looked at): the CLI prints it, exit 1. */
export class CsvError extends InputError {}
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
          throw new CsvError(
            bi(
              `har mere end ${MAX_CSV_ROWS.toLocaleString('da')} rækker; del den op i mindre filer`,
              `has more than ${MAX_CSV_ROWS.toLocaleString('en')} rows; split it into smaller files`,
            ),
            file,
          );
        }
        if (record.length > MAX_CSV_COLUMNS) {
          throw new CsvError(
            bi(
              `række ${row} har ${record.length} kolonner, mere end ${MAX_CSV_COLUMNS}; fjern de tomme kolonner i slutningen`,
              `row ${row} has ${record.length} columns, more than ${MAX_CSV_COLUMNS}; remove the empty columns at its end`,
            ),
            file,
          );
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
