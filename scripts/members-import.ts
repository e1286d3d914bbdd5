#!/usr/bin/env node
import { contentFolder, doing, parseCli, readInputFile, runCli, UsageError } from '../src/lib/cli.ts';
import { displayPath } from '../src/lib/content/paths.ts';
import { readTaxonomies } from '../src/lib/content/taxonomies.ts';
import { applyImport, importSummary, MAX_CSV_BYTES, MAX_CSV_ROWS, planImport } from '../src/tools/members-csv/index.ts';
import { bi, enDa } from '../src/schemas/meta.ts';

const HELP = `Usage: npm run members:import -- FILE.csv [--dry-run]

Creates or updates member files in $CONTENT_DIR/members (default content/members) from a
spreadsheet saved as CSV: semicolons or commas, UTF-8 with or without BOM, Danish or English
headers (Navn, Virksomhed, Brancher, Kommune, E-mail, Telefon, Hjemmeside, CVR, Medlem siden,
Vis offentligt, …; see CONTRIBUTING.md). Municipalities and trades may be names or ids.
The file may be at most ${MAX_CSV_BYTES / 1024 / 1024} MB and ${MAX_CSV_ROWS.toLocaleString('en')} rows.

A row updates the member with the same slug (a Slug column), e-mail or name; only cells with a
value change the file, whose body, unknown fields and field order stay as they are. Nothing is
ever deleted. A summary comes first; rows with problems are skipped with the reason, among them
a presentation that npm run check would refuse (raw HTML, javascript: links).

  --dry-run   show the summary, write nothing

Exit codes: 0 every row imported (or unchanged), 1 rows rejected or the file unreadable, 2 usage error.`;

function main(argv: string[]): number {
  const args = parseCli(argv, HELP, { 'dry-run': { type: 'boolean' } }, { positionals: true });
  if (!args) return 0;
  if (args.positionals.length !== 1 || !args.positionals[0])
    throw new UsageError(bi('angiv én CSV-fil.', 'Give one CSV file'));
  const file = args.positionals[0];
  const dir = contentFolder(undefined, 'members:import');
  doing(bi('læste regnearket', 'reading the spreadsheet'));
  const plan = planImport(readInputFile(file, MAX_CSV_BYTES), dir, readTaxonomies(dir), file);
  for (const line of importSummary(plan, file)) console.log(line);
  const rejected = plan.outcomes.filter((o) => o.kind === 'rejected').length;
  if (args.values['dry-run']) {
    console.log(enDa(bi('intet er skrevet', '--dry-run: nothing written')));
  } else {
    doing(bi('skrev medlemsfilerne', 'writing the member files'));
    const written = applyImport(plan);
    console.log(
      enDa(bi(`${written.length} fil(er) skrevet`, `${written.length} file(s) written in ${displayPath(dir)}/members`)),
    );
  }
  if (rejected) {
    const others = args.values['dry-run'] ? 'ready' : 'imported';
    console.error(
      `✗ ${enDa(bi(`${rejected} række(r) afvist; ret dem i regnearket, og importér igen`, `${rejected} row(s) rejected; fix them in the spreadsheet and import again (the other rows are ${others})`))}`,
    );
  }
  return rejected ? 1 : 0;
}

await runCli(HELP, main);
