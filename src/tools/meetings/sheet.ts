import { bi, type Bilingual } from '../../schemas/index.ts';
import { InputError } from '../../lib/input.ts';
import { slugify } from '../../lib/slug.ts';
import { readCsv } from '../members-csv/csv.ts';

/**
 * A matchmaking meeting's sign-up sheet: the CSV a registration form exports (Google Forms,
 * Microsoft Forms, a spreadsheet), read by the same rules as the member import (csv-parse, UTF-8
 * with or without BOM or Windows-1252, `;` `,` or tab, bounded), with Danish or English headers.
 */

export interface Participant {
  /** Row in the sheet (the header is row 1). */
  row: number;
  name: string;
  trade: string;
  offers: string;
  seeks: string;
  email?: string;
  company?: string;
  municipality?: string;
}

export type Column = 'name' | 'trade' | 'offers' | 'seeks' | 'email' | 'company' | 'municipality';
export const REQUIRED_COLUMNS: readonly Column[] = ['name', 'trade', 'offers', 'seeks'];

export const COLUMN_LABELS: Record<Column, Bilingual> = {
  name: bi('Navn', 'Name'),
  trade: bi('Branche', 'Trade'),
  offers: bi('Tilbyder', 'Offers'),
  seeks: bi('Søger', 'Seeks'),
  email: bi('E-mail', 'E-mail'),
  company: bi('Virksomhed', 'Company'),
  municipality: bi('Kommune', 'Municipality'),
};

/**
 * Which column a header is, by its words after slugify (so "Hvad kan du tilbyde?" and "Offers"
 * both count). Checked in this order: "Virksomhedens navn" is the company, not the name.
 */
const HEADER_RULES: [Column, RegExp][] = [
  ['email', /e-?mail/],
  ['company', /virksomhed|firma|company|business|organisation|organization/],
  ['municipality', /kommune|municipality|^by$|city|town/],
  ['offers', /tilbyd|tilbud|offer|kan-hjaelpe|can-help|provide/],
  ['seeks', /soeg|leder-efter|looking|seek|need|behov|mangler/],
  ['trade', /branche|trade|fag|profession|industry|erhverv/],
  ['name', /navn|name/],
];

/** At most this many people: a meeting's sheet, not a member list (the planner compares every pair). */
export const MAX_PARTICIPANTS = 400;
/** Bytes of the sheet: far above 400 sign-ups with long answers. */
export const MAX_SHEET_BYTES = 1024 * 1024;

export interface SheetProblem {
  row?: number;
  column?: string;
  message: Bilingual;
}

/** A sheet that cannot be planned: every problem, each naming row and column where it can. */
export class SheetError extends InputError {
  readonly problems: SheetProblem[];
  constructor(problems: SheetProblem[], file?: string) {
    super(
      bi(
        `${problems.length} problem(er) i tilmeldingsarket:\n${problems.map((p) => `  ${where(p).da}${p.message.da}`).join('\n')}`,
        `${problems.length} problem(s) in the sign-up sheet:\n${problems.map((p) => `  ${where(p).en}${p.message.en}`).join('\n')}`,
      ),
      file,
    );
    this.problems = problems;
  }
}

function where(p: SheetProblem): Bilingual {
  const col = p.column ? `"${p.column}"` : '';
  if (p.row && col) return bi(`række ${p.row}, kolonne ${col}: `, `row ${p.row}, column ${col}: `);
  if (p.row) return bi(`række ${p.row}: `, `row ${p.row}: `);
  if (col) return bi(`kolonne ${col}: `, `column ${col}: `);
  return bi('', '');
}

const foldName = (s: string) => slugify(s) || s.trim().toLowerCase();

/** The participants of a sign-up sheet, or a SheetError with every problem found. */
export function readSheet(bytes: Uint8Array, file?: string): Participant[] {
  const table = readCsv(bytes, file);
  const problems: SheetProblem[] = [];
  const columns = new Map<Column, number>();
  table.header.forEach((header, i) => {
    const key = slugify(header);
    const rule = HEADER_RULES.find(([, re]) => re.test(key));
    if (!rule) return;
    const [column] = rule;
    if (columns.has(column)) {
      problems.push({
        column: header,
        message: bi(
          `endnu en kolonne for ${COLUMN_LABELS[column].da} (den første er "${table.header[columns.get(column)!]}"); slet eller omdøb den ene`,
          `another column for ${COLUMN_LABELS[column].en} (the first is "${table.header[columns.get(column)!]}"); delete or rename one of them`,
        ),
      });
      return;
    }
    columns.set(column, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length) {
    if (table.header.length === 1) {
      throw new SheetError(
        [
          {
            row: 1,
            message: bi(
              `første linje er én kolonne ("${table.header[0].slice(0, 60)}"): arket er ikke adskilt med semikolon, komma eller tabulator; gem det som CSV igen`,
              `the first line is one column ("${table.header[0].slice(0, 60)}"): the sheet is not separated by semicolons, commas or tabs; save it as CSV again`,
            ),
          },
        ],
        file,
      );
    }
    for (const c of missing)
      problems.push({
        column: COLUMN_LABELS[c].da,
        message: bi(
          `kolonnen mangler; tilføj en kolonne med overskriften ${COLUMN_LABELS[c].da} (eller ${COLUMN_LABELS[c].en}). Overskrifterne nu: ${table.header.join(', ') || '(ingen)'}`,
          `the column is missing; add a column headed ${COLUMN_LABELS[c].en} (or ${COLUMN_LABELS[c].da}). The headers now: ${table.header.join(', ') || '(none)'}`,
        ),
      });
    throw new SheetError(problems, file);
  }
  if (table.rows.length > MAX_PARTICIPANTS) {
    throw new SheetError(
      [
        {
          message: bi(
            `${table.rows.length} tilmeldinger; planlæggeren tager højst ${MAX_PARTICIPANTS}. Del mødet op i flere hold`,
            `${table.rows.length} sign-ups; the planner takes at most ${MAX_PARTICIPANTS}. Split the meeting into groups`,
          ),
        },
      ],
      file,
    );
  }
  const cell = (cells: string[], c: Column) => {
    const i = columns.get(c);
    return i === undefined ? '' : (cells[i] ?? '').replace(/\s+/g, ' ').trim().slice(0, 500);
  };
  const header = (c: Column) => table.header[columns.get(c)!];
  const seen = new Map<string, number>();
  const out: Participant[] = [];
  for (const { row, cells } of table.rows) {
    const name = cell(cells, 'name');
    if (!name) {
      problems.push({
        row,
        column: header('name'),
        message: bi(
          'navnet er tomt; skriv deltagerens navn, eller slet rækken',
          'the name is empty; fill it in or delete the row',
        ),
      });
      continue;
    }
    const key = foldName(name);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        row,
        column: header('name'),
        message: bi(
          `"${name}" står der allerede i række ${first}; slet den dobbelte tilmelding, eller skeln med fx efternavn`,
          `"${name}" is already in row ${first}; delete the duplicate sign-up, or tell the two apart (a surname)`,
        ),
      });
      continue;
    }
    seen.set(key, row);
    const optional = (c: Column) => cell(cells, c) || undefined;
    out.push({
      row,
      name,
      trade: cell(cells, 'trade'),
      offers: cell(cells, 'offers'),
      seeks: cell(cells, 'seeks'),
      email: optional('email'),
      company: optional('company'),
      municipality: optional('municipality'),
    });
  }
  if (!problems.length && out.length < 2)
    problems.push({
      message: bi(
        `arket har ${out.length} deltager(e); der skal mindst to til et møde`,
        `the sheet has ${out.length} participant(s); a meeting needs at least two`,
      ),
    });
  if (problems.length) throw new SheetError(problems, file);
  return out;
}
