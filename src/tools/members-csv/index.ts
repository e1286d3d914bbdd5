/**
 * The member spreadsheet round trip: CSV in (create or update member files, never delete,
 * never touch a body), CSV and vCard out (listed members only). Columns come from the member
 * schema's labels, so a renamed label is a renamed column.
 *
 * columns.ts  which column is which field          csv.ts      reading the file
 * cells.ts    a cell and its field's value          members.ts  the member files as they are
 * plan.ts     what an import would do, row by row   write.ts    doing it
 * summary.ts  the import's report                   export.ts   CSV for Excel
 * vcard.ts    vCard for address books               docs.ts     the columns for CONTRIBUTING.md
 */
export { cellText, cellValue, lookups, type Cell, type Lookups } from './cells.ts';
export { mapHeaders, memberColumns, type Column } from './columns.ts';
export {
  CsvError,
  decodeCsv,
  detectDelimiter,
  MAX_CSV_BYTES,
  MAX_CSV_COLUMNS,
  MAX_CSV_ROWS,
  MAX_ROW_BYTES,
  readCsv,
  type CsvTable,
} from './csv.ts';
export { columnsTable } from './docs.ts';
export { listedMembers, membersCsv } from './export.ts';
export { readMembers, type ExistingMember } from './members.ts';
export { planImport, type ImportPlan, type RowOutcome } from './plan.ts';
export { importSummary } from './summary.ts';
export { foldLine, membersVcf } from './vcard.ts';
export { applyImport } from './write.ts';
