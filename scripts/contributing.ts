#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { doing, parseCli, runCli } from '../src/lib/cli.ts';
import { generatedFiles } from '../src/tools/contributing.ts';
import { bi, enDa } from '../src/schemas/meta.ts';

const HELP = `Usage: npm run docs:contributing [-- --check]

Regenerates the parts of the contributor documentation that come from the schemas in
src/schemas/: the field tables in CONTRIBUTING.md (between <!-- generated:… --> markers) and the
GitHub issue form .github/ISSUE_TEMPLATE/new-network.yml.

  --check   change nothing; exit 1 if a file is out of date

Exit codes: 0 up to date (or updated), 1 out of date (--check) or a file that cannot be read or written, 2 usage error.`;

const ROOT = path.resolve(import.meta.dirname, '..');

function main(argv: string[]): number {
  const args = parseCli(argv, HELP, { check: { type: 'boolean' } });
  if (!args) return 0;
  const read = (file: string) => {
    const abs = path.join(ROOT, file);
    return fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : undefined;
  };
  doing(bi('lavede dokumentationen ud fra skemaerne', 'generating the documentation from the schemas'));
  let stale = 0;
  for (const [file, text] of Object.entries(generatedFiles(read))) {
    if (read(file) === text) {
      console.log(`✓ ${enDa(bi('er opdateret', `${file} is up to date`))}`);
      continue;
    }
    if (args.values.check) {
      console.error(
        `✗ ${enDa(bi(`${file} er forældet; kør npm run docs:contributing`, `${file} is out of date; run npm run docs:contributing`))}`,
      );
      stale++;
      continue;
    }
    fs.mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
    fs.writeFileSync(path.join(ROOT, file), text);
    console.log(`✎ ${enDa(bi('opdateret fra skemaerne', `${file} updated from the schemas`))}`);
  }
  return stale ? 1 : 0;
}

await runCli(HELP, main);
