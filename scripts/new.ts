#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { collectionDir, contentDir, displayPath } from '../src/lib/content/paths.ts';
import { dayOption, doing, InputError, parseCli, runCli, UsageError } from '../src/lib/cli.ts';
import { collectionFor, scaffold } from '../src/tools/scaffold.ts';
import { MAX_SLUG_LENGTH, slugify } from '../src/lib/slug.ts';
import { bi, enDa } from '../src/schemas/meta.ts';

const HELP = `Usage: npm run new -- TYPE "NAME" [--dry-run] [--today YYYY-MM-DD]

Writes $CONTENT_DIR/<collection>/<slug of NAME>.md (default content/) with every required
field and, as YAML comments, each field's label, hint and allowed values; optional fields are
listed commented out. Fields only you can fill in are left empty: npm run check reports them
until they are filled in. An existing file is never overwritten. The slug is NAME in lowercase
a-z, digits and hyphens, at most ${MAX_SLUG_LENGTH} characters (a longer one is cut at a hyphen).

  TYPE       wiki (network), member, post, event, group, market or page
  --dry-run  print the file instead of writing it

Exit codes: 0 written, 1 the file exists already or cannot be written, 2 usage error.`;

function main(argv: string[]): number {
  const args = parseCli(
    argv,
    HELP,
    { 'dry-run': { type: 'boolean' }, today: { type: 'string' } },
    { positionals: true },
  );
  if (!args) return 0;
  const [type, ...words] = args.positionals;
  const name = words.join(' ').trim();
  const collection = type ? collectionFor(type) : undefined;
  if (!collection)
    throw new UsageError(bi('ukendt eller manglende type.', `Unknown or missing type${type ? ` "${type}"` : ''}`));
  if (!name) throw new UsageError(bi('angiv et navn.', 'Give a name'));
  const today = dayOption(args.values.today);
  if (!slugify(name))
    throw new UsageError(
      bi(
        `"${name}" giver intet filnavn (der skal være bogstaver eller tal)`,
        `"${name}" gives no file name (it needs letters or digits)`,
      ),
    );
  doing(bi('skrev den nye post', 'writing the new entry'));
  const { slug, text } = scaffold(collection, name, today);
  const folder = collectionDir(contentDir(), collection);
  const file = path.join(folder, `${slug}.md`);
  if (args.values['dry-run']) {
    process.stdout.write(text);
    console.error(enDa(bi('ikke skrevet', `--dry-run: ${displayPath(file)} not written`)));
    return 0;
  }
  // A collection folder that is a link would put the file somewhere outside the content folder.
  if (fs.lstatSync(folder, { throwIfNoEntry: false })?.isSymbolicLink()) {
    throw new InputError(
      bi(
        'er et symbolsk link; en samling skal være en mappe i indholdsmappen',
        'is a symbolic link; a collection must be a folder inside the content folder',
      ),
      folder,
    );
  }
  // The same slug under another spelling (X.md, x.mdx) is the same entry too.
  const existing = fs.existsSync(folder)
    ? fs.readdirSync(folder).find((n) => slugify(n.replace(/\.[^.]*$/, '')) === slug)
    : undefined;
  if (existing) {
    const at = displayPath(path.join(folder, existing));
    console.error(
      enDa(
        bi(
          `${at} findes allerede; intet er skrevet. Ret den fil, eller vælg et andet navn`,
          `${at} already exists; nothing was written. Edit that file, or choose another name`,
        ),
      ),
    );
    return 1;
  }
  fs.mkdirSync(folder, { recursive: true });
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    console.error(
      enDa(
        bi(
          `${displayPath(file)} findes allerede; intet er skrevet`,
          `${displayPath(file)} already exists; nothing was written`,
        ),
      ),
    );
    return 1;
  }
  console.log(`✎ ${displayPath(file)}`);
  console.log(
    enDa(
      bi('udfyld de tomme felter, og kør derefter npm run check', 'Fill in the empty fields, then run npm run check'),
    ),
  );
  return 0;
}

await runCli(HELP, main);
