#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, displayPath } from '../src/lib/content/paths.ts';
import { loadRawContent } from '../src/lib/content/load.ts';
import { isoDay } from '../src/lib/dates.ts';
import { describeAge, staleNetworks } from '../src/lib/freshness.ts';

const HELP = `Usage: npm run wiki:stale [-- DIR] [--days 365] [--format text|json] [--today YYYY-MM-DD]

Lists the network-wiki entries in DIR (default: $CONTENT_DIR or content/) whose last_verified
is more than --days days old (default 365), oldest first, with file, name, date and age: the
list for the yearly update. Entries without a valid last_verified come first.

Exit codes: 0 report written (stale entries are not an error), 2 usage error.`;

function main(argv: string[]): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        days: { type: 'string', default: '365' },
        format: { type: 'string', default: 'text' },
        today: { type: 'string' },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.values.help) {
    console.log(HELP);
    return 0;
  }
  const days = Number(args.values.days);
  if (!Number.isInteger(days) || days < 0) {
    console.error(`--days must be a whole number of days, not "${args.values.days}" — --days skal være et helt antal dage\n\n${HELP}`);
    return 2;
  }
  const format = args.values.format;
  if (format !== 'text' && format !== 'json') {
    console.error(`--format must be text or json, not "${format}" — --format skal være text eller json\n\n${HELP}`);
    return 2;
  }
  const today = args.values.today ?? isoDay(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    console.error(`--today must be a date written YYYY-MM-DD, not "${today}" — --today skal være en dato skrevet ÅÅÅÅ-MM-DD\n\n${HELP}`);
    return 2;
  }
  const dir = args.positionals[0] ? path.resolve(args.positionals[0]) : contentDir();
  if (args.positionals.length > 1 || !fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    console.error(`${dir}: no such folder. Give the content folder, e.g. npm run wiki:stale -- content — mappen findes ikke; angiv indholdsmappen\n\n${HELP}`);
    return 2;
  }
  const raw = loadRawContent(dir);
  const total = raw.entries.filter((e) => e.collection === 'wiki').length;
  const stale = staleNetworks(raw.entries, today, days);
  if (format === 'json') {
    console.log(JSON.stringify({ dir: displayPath(dir), today, days, total, stale }, null, 2));
    return 0;
  }
  if (stale.length === 0) {
    console.log(`✓ all ${total} networks were verified within ${days} days of ${today} — alle ${total} netværk er kontrolleret inden for ${days} dage`);
    return 0;
  }
  console.log(`${stale.length} of ${total} networks not verified for more than ${days} days (today: ${today}) — ${stale.length} af ${total} netværk er ikke kontrolleret i over ${days} dage (i dag: ${today})`);
  console.log('');
  const rows = stale.map((n) => {
    const age = n.ageDays === undefined ? { en: 'never verified', da: 'aldrig kontrolleret' } : describeAge(n.ageDays);
    return [n.lastVerified ?? '—', n.ageDays === undefined ? '—' : `${n.ageDays} d`, `${age.en} — ${age.da}`, n.name, n.file];
  });
  const header = ['last_verified', 'days — dage', 'age — alder', 'name — navn', 'file — fil'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log('');
  console.log(`Check each network, correct the file and set last_verified to today — tjek hvert netværk, ret filen, og sæt last_verified til i dag.`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
