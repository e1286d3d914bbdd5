#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import {
  contentFolder,
  doing,
  oneOf,
  parseCli,
  readInputFile,
  runCli,
  UsageError,
  wholeNumber,
} from '../src/lib/cli.ts';
import { InputError } from '../src/lib/input.ts';
import { readTaxonomies } from '../src/lib/content/taxonomies.ts';
import { displayPath } from '../src/lib/content/paths.ts';
import { LANGS } from '../src/i18n/locale.ts';
import { bi, enDa } from '../src/schemas/meta.ts';
import { MAX_PARTICIPANTS, MAX_SHEET_BYTES, OUTPUT_FILES, planMeeting } from '../src/tools/meetings/index.ts';

const HELP = `Usage: npm run meetings -- plan FILE.csv [--rounds N] [--out DIR] [--lang da|en] [--title TEXT] [--force] [--dry-run]

Plans a business-matchmaking meeting (matchmøde): rounds of 1:1 meetings from a sign-up sheet,
so that what one participant offers meets what the other seeks, and no two people meet twice.
With an odd number of participants one person has a break each round, in turn.

The sheet is the CSV a registration form exports (Google Forms, Microsoft Forms, a spreadsheet):
semicolons or commas, UTF-8 with or without BOM, a header row in Danish or English with the
columns Navn/Name, Branche/Trade, Tilbyder/Offers, Søger/Seeks, and optionally E-mail,
Virksomhed/Company and Kommune/Municipality (other columns, such as a timestamp, are ignored).
Trades that match the names in content/taxonomies/trades.yml count their "complements" too.
At most ${MAX_PARTICIPANTS} participants and ${MAX_SHEET_BYTES / 1024 / 1024} MB.

Writes into DIR: skema.html (one printed page per person: round, table, partner, what the
partner offers and seeks, why you were paired), bordplan.html and bordplan.csv (for the
organisers: round, table, A, B, score, reason). The same sheet always gives the same files.

Options:
  --rounds N    rounds, default 6; when everyone has met everyone before that, it stops there
  --out DIR     folder for the files, default matchmoede
  --lang da|en  language of the files, default da
  --title TEXT  the meeting's name on every page, default "Matchmøde" / "Matchmaking meeting"
  --force       overwrite the files if DIR has them already
  --dry-run     plan and print the summary, write nothing
  -h, --help    this text

Exit codes: 0 planned, 1 the sheet has problems (each is named with row and column) or cannot be
read, 2 usage error.`;

function main(argv: string[]): number {
  const args = parseCli(
    argv,
    HELP,
    {
      rounds: { type: 'string', default: '6' },
      out: { type: 'string', default: 'matchmoede' },
      lang: { type: 'string', default: 'da' },
      title: { type: 'string' },
      force: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
    },
    { positionals: true },
  );
  if (!args) return 0;
  const [command, file, ...rest] = args.positionals;
  if (command !== 'plan')
    throw new UsageError(
      bi('skriv plan og så tilmeldingsarket', `Give the command plan and the sign-up sheet, not "${command ?? ''}"`),
    );
  if (!file || rest.length) throw new UsageError(bi('angiv ét tilmeldingsark (CSV)', 'Give one sign-up sheet (CSV)'));
  const rounds = wholeNumber('--rounds', args.values.rounds, 1, 1000);
  const lang = oneOf('--lang', args.values.lang, LANGS);
  const title = (args.values.title ?? bi('Matchmøde', 'Matchmaking meeting')[lang]).trim().slice(0, 200);
  if (!title) throw new UsageError(bi('--title er tom', '--title is empty'));
  const out = path.resolve(args.values.out!);
  const tax = readTaxonomies(contentFolder(undefined, 'meetings'));

  doing(bi('læste tilmeldingsarket', 'reading the sign-up sheet'));
  const bytes = readInputFile(file, MAX_SHEET_BYTES);
  doing(bi('planlagde runderne', 'planning the rounds'));
  const meeting = planMeeting(bytes, { rounds, lang, title, tax, file });
  const { people, plan } = meeting;
  console.log(
    enDa(
      bi(
        `${people.length} deltagere, ${plan.rounds.length} runder, ${plan.rounds.reduce((s, r) => s + r.pairs.length, 0)} møder`,
        `${people.length} participants, ${plan.rounds.length} rounds, ${plan.rounds.reduce((s, r) => s + r.pairs.length, 0)} meetings`,
      ),
    ),
  );
  if (plan.requested > plan.maxRounds)
    console.log(
      enDa(
        bi(
          `${plan.requested} runder ønsket, men efter ${plan.maxRounds} har alle mødt alle; planen stopper der`,
          `${plan.requested} rounds asked for, but after ${plan.maxRounds} everyone has met everyone; the plan stops there`,
        ),
      ),
    );
  if (people.length % 2)
    console.log(
      enDa(
        bi(
          'ulige antal: én deltager holder pause i hver runde, på skift',
          'an odd number: one participant has a break each round, in turn',
        ),
      ),
    );
  if (args.values['dry-run']) {
    console.log(enDa(bi('intet er skrevet', '--dry-run: nothing written')));
    return 0;
  }
  doing(bi('skrev filerne', 'writing the files'));
  if (fs.existsSync(out) && !fs.statSync(out).isDirectory())
    throw new InputError(
      bi('findes og er ikke en mappe; vælg en anden --out', 'exists and is not a folder; choose another --out'),
      out,
    );
  fs.mkdirSync(out, { recursive: true });
  const existing = OUTPUT_FILES.filter((f) => fs.existsSync(path.join(out, f)));
  if (existing.length && !args.values.force)
    throw new InputError(
      bi(
        `har allerede ${existing.join(', ')}; brug --force for at overskrive, eller vælg en anden --out`,
        `has ${existing.join(', ')} already; use --force to overwrite them, or choose another --out`,
      ),
      out,
    );
  for (const name of OUTPUT_FILES) fs.writeFileSync(path.join(out, name), meeting.files[name]);
  console.log(
    enDa(
      bi(
        `skrev ${OUTPUT_FILES.join(', ')} i ${displayPath(out)}`,
        `wrote ${OUTPUT_FILES.join(', ')} in ${displayPath(out)}`,
      ),
    ),
  );
  return 0;
}

await runCli(HELP, main);
