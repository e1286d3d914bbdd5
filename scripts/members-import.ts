#!/usr/bin/env node
import fs from 'node:fs';
import { parseCli, runCli, UsageError } from '../src/lib/cli.ts';
import { contentDir, displayPath } from '../src/lib/content/paths.ts';
import { readTaxonomies } from '../src/lib/content/taxonomies.ts';
import { applyImport, CsvError, importSummary, planImport } from '../src/lib/members-csv.ts';

const HELP = `Usage: npm run members:import -- FILE.csv [--dry-run]

Creates or updates member files in $CONTENT_DIR/members (default content/members) from a
spreadsheet saved as CSV: semicolons or commas, UTF-8 with or without BOM, Danish or English
headers (Navn, Virksomhed, Brancher, Kommune, E-mail, Telefon, Hjemmeside, CVR, Medlem siden,
Vis offentligt, …; see CONTRIBUTING.md). Municipalities and trades may be names or ids.

A row updates the member with the same slug (a Slug column), e-mail or name; only cells with a
value change the file, whose body, unknown fields and field order stay as they are. Nothing is
ever deleted. A summary comes first; rows with problems are skipped with the reason.

  --dry-run   show the summary, write nothing

Exit codes: 0 every row imported (or unchanged), 1 rows rejected or the file unreadable, 2 usage error.`;

function main(argv: string[]): number {
  const args = parseCli(argv, HELP, { 'dry-run': { type: 'boolean' } }, { positionals: true });
  if (!args) return 0;
  if (args.positionals.length !== 1) throw new UsageError(`Give one CSV file — angiv én CSV-fil.`);
  const file = args.positionals[0];
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    console.error(`${file}: no such file — filen findes ikke`);
    return 2;
  }
  const dir = contentDir();
  let plan;
  try {
    plan = planImport(fs.readFileSync(file), dir, readTaxonomies(dir));
  } catch (err) {
    if (err instanceof CsvError) {
      console.error(`${file}: ${err.message}`);
      return 1;
    }
    throw err;
  }
  for (const line of importSummary(plan, file)) console.log(line);
  const rejected = plan.outcomes.filter((o) => o.kind === 'rejected').length;
  if (args.values['dry-run']) {
    console.log(`--dry-run: nothing written — intet er skrevet`);
  } else {
    const written = applyImport(plan);
    console.log(`${written.length} file(s) written in ${displayPath(dir)}/members — ${written.length} fil(er) skrevet`);
  }
  if (rejected) {
    console.error(`✗ ${rejected} row(s) rejected; fix them in the spreadsheet and import again (the other rows are ${args.values['dry-run'] ? 'ready' : 'imported'}) — ${rejected} række(r) afvist; ret dem i regnearket, og importér igen`);
  }
  return rejected ? 1 : 0;
}

await runCli(HELP, main);
