import { describe, expect, it } from 'vitest';
import {
  CsvError,
  decodeCsv,
  detectDelimiter,
  MAX_CSV_COLUMNS,
  MAX_CSV_ROWS,
  MAX_ROW_BYTES,
  readCsv,
} from '../../../src/tools/members-csv/csv.ts';

/** What readCsv says about a file it refuses, in English. */
const problem = (bytes: Uint8Array | string) => {
  try {
    readCsv(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(CsvError);
    return (err as CsvError).bilingual.en;
  }
  return 'no error';
};

describe('reading a spreadsheet saved as CSV', () => {
  it('detects the delimiter and the encoding', () => {
    expect(detectDelimiter('Navn;Kommune\nA;B')).toBe(';');
    expect(detectDelimiter('"Navn; fuldt",Kommune,Brancher\n')).toBe(',');
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ text: 'A', encoding: 'UTF-8', bom: true });
    expect(decodeCsv(new Uint8Array([0xc6, 0x62, 0x6c, 0x65]))).toEqual({
      text: 'Æble',
      encoding: 'Windows-1252',
      bom: false,
    });
  });

  it('refuses, with the row, a quote that is never closed, a row too long, too many columns or rows', () => {
    expect(problem('Navn;Ydelser\nAnne;ok\nBo;"Web\n')).toBe(
      'row 3: a cell starts with a quote (") that is never closed; close it or remove it',
    );
    expect(problem(`Navn;Præsentation\nAnne;${'x'.repeat(MAX_ROW_BYTES + 1)}\n`)).toMatch(
      /^row 2 holds more than 200 KB of text/,
    );
    expect(problem(`Navn;Kommune\nAnne${';'.repeat(MAX_CSV_COLUMNS)}\n`)).toBe(
      `row 2 has ${MAX_CSV_COLUMNS + 1} columns, more than ${MAX_CSV_COLUMNS}; remove the empty columns at its end`,
    );
    expect(problem(`Navn\n${'\n'.repeat(MAX_CSV_ROWS)}`)).toBe(
      'has more than 10,000 rows; split it into smaller files',
    );
    expect(problem(`Navn\n${'Anne\n'.repeat(MAX_CSV_ROWS - 1)}`)).toBe('no error');
  });

  it('says what a file is when it is not CSV text: an Excel workbook, UTF-16 text, binary data', () => {
    expect(problem(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0]))).toMatch(/^is an Excel workbook, not CSV/);
    expect(problem(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toMatch(/^is an Excel workbook, not CSV/);
    expect(problem(new Uint8Array([0xff, 0xfe, 0x4e, 0x00]))).toMatch(/^is UTF-16 text/);
    expect(problem(new Uint8Array([0x4e, 0x61, 0x76, 0x6e, 0x00, 0x41]))).toMatch(/^is not a text file/);
  });

  it('numbers rows as the spreadsheet does, skipping blank ones, with quoted line breaks inside a cell', () => {
    const t = readCsv(new TextEncoder().encode('Navn;Ydelser\r\n"Anne";"a\r\nb"\r\n;\r\nBo;c\r\n'));
    expect(t.rows).toEqual([
      { row: 2, cells: ['Anne', 'a\nb'] },
      { row: 4, cells: ['Bo', 'c'] },
    ]);
  });

  it('takes the first row that is not blank as the header, trimmed', () => {
    const t = readCsv(new TextEncoder().encode(';;\n Navn ;Kommune\nAnne;Lolland\n'));
    expect(t.header).toEqual(['Navn', 'Kommune']);
    expect(t.rows).toEqual([{ row: 3, cells: ['Anne', 'Lolland'] }]);
    expect(readCsv(new TextEncoder().encode('\n\n'))).toMatchObject({ header: [], rows: [] });
  });
});
