#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { contentFolder, doing, InputError, parseCli, runCli, UsageError } from '../src/lib/cli.ts';
import { displayPath } from '../src/lib/content/paths.ts';
import { readTaxonomies } from '../src/lib/content/taxonomies.ts';
import { listedMembers, lookups, membersCsv, membersVcf, readMembers } from '../src/tools/members-csv/index.ts';
import { bi, enDa } from '../src/schemas/meta.ts';

const HELP = `Usage: npm run members:export [-- --out DIR]

Writes the listed members (listed: true) of $CONTENT_DIR (default content/) as
  DIR/medlemmer.csv  semicolons, UTF-8 with BOM, Danish headers — opens in Excel as is
  DIR/medlemmer.vcf  vCard 4.0, one card per member, for address books
Unlisted members are never exported. The files hold personal data: keep them out of git
(the default DIR, .tmp/members-export, is ignored by git).

Exit codes: 0 written, 1 the members could not be read or the files not written, 2 usage error.`;

function main(argv: string[]): number {
  const args = parseCli(argv, HELP, { out: { type: 'string', default: '.tmp/members-export' } });
  if (!args) return 0;
  if (!args.values.out.trim()) throw new UsageError(bi('--out skal have en mappe', '--out needs a folder'));
  const dir = contentFolder(undefined, 'members:export');
  doing(bi('læste medlemmerne', 'reading the members'));
  const tax = readTaxonomies(dir);
  const groupsDir = path.join(dir, 'groups');
  const look = lookups(
    tax,
    fs.existsSync(groupsDir) ? fs.readdirSync(groupsDir).map((n) => n.replace(/\.md$/, '')) : [],
  );
  const members = listedMembers(readMembers(dir));
  const out = path.resolve(args.values.out);
  doing(bi(`skrev i ${displayPath(out)}`, `writing into ${displayPath(out)}`));
  if (fs.statSync(out, { throwIfNoEntry: false })?.isDirectory() === false) {
    throw new InputError(bi('er en fil; --out skal være en mappe', 'is a file; --out needs a folder'), out);
  }
  fs.mkdirSync(out, { recursive: true });
  const csv = path.join(out, 'medlemmer.csv');
  const vcf = path.join(out, 'medlemmer.vcf');
  fs.writeFileSync(csv, membersCsv(members, look));
  fs.writeFileSync(vcf, membersVcf(members, look));
  console.log(enDa(bi(`${members.length} synlige medlemmer`, `${members.length} listed member(s)`)));
  console.log(`  ${displayPath(csv)}`);
  console.log(`  ${displayPath(vcf)}`);
  return 0;
}

await runCli(HELP, main);
