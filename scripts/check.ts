#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, displayPath } from '../src/lib/content/paths.ts';
import { validateContent } from '../src/lib/content/validate.ts';
import { issueLine } from '../src/lib/content/issues.ts';

const HELP = `Usage: npm run check [-- DIR] [--format text|json]

Validates every content file in DIR (default: $CONTENT_DIR or content/) against the
schemas, taxonomies and cross-references, without building the site.
Reports every problem at once, one line each: file, field, what is wrong, what to do.

Exit codes: 0 valid, 1 content problems found, 2 usage error.`;

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' }, format: { type: 'string', default: 'text' } },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.values.help) {
    console.log(HELP);
    return 0;
  }
  const format = args.values.format;
  if (format !== 'text' && format !== 'json') {
    console.error(`--format must be text or json, not "${format}"\n\n${HELP}`);
    return 2;
  }
  if (args.positionals.length > 1) {
    console.error(`Give at most one folder.\n\n${HELP}`);
    return 2;
  }
  const dir = args.positionals[0] ? path.resolve(args.positionals[0]) : contentDir();
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    console.error(`${dir}: no such folder. Give the content folder, e.g. npm run check -- content`);
    return 2;
  }
  const { issues, raw } = validateContent(dir);
  if (format === 'json') {
    console.log(JSON.stringify({ dir: displayPath(dir), files: raw.entries.length, issues }, null, 2));
  } else {
    for (const issue of issues) console.log(issueLine(issue));
    const files = new Set(issues.map((i) => i.file)).size;
    console.error(
      issues.length === 0
        ? `✓ ${raw.entries.length} files in ${displayPath(dir)} are valid — alle filer er gyldige`
        : `✗ ${issues.length} problem(s) in ${files} file(s) — ${issues.length} problem(er) i ${files} fil(er)`,
    );
  }
  return issues.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
