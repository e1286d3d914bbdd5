#!/usr/bin/env node
import { contentFolder, dayOption, doing, oneOf, parseCli, runCli, UsageError, wholeNumber } from '../src/lib/cli.ts';
import { displayPath } from '../src/lib/content/paths.ts';
import { loadRawContent } from '../src/lib/content/load.ts';
import { describeAge, staleNetworks } from '../src/tools/freshness.ts';
import { bi, enDa } from '../src/schemas/meta.ts';

const HELP = `Usage: npm run wiki:stale [-- DIR] [--days 365] [--format text|json] [--today YYYY-MM-DD]

Lists the network-wiki entries in DIR (default: $CONTENT_DIR or content/) whose last_verified
is more than --days days old (default 365), oldest first, with file, name, date and age: the
list for the yearly update. Entries without a valid last_verified come first.

Exit codes: 0 report written (stale entries are not an error), 1 the content could not be read, 2 usage error.`;

function main(argv: string[]): number {
  const args = parseCli(
    argv,
    HELP,
    {
      days: { type: 'string', default: '365' },
      format: { type: 'string', default: 'text' },
      today: { type: 'string' },
    },
    { positionals: true },
  );
  if (!args) return 0;
  const days = wholeNumber('--days', args.values.days, 0);
  const format = oneOf('--format', args.values.format, ['text', 'json']);
  const today = dayOption(args.values.today);
  if (args.positionals.length > 1) throw new UsageError(bi('angiv højst én mappe', 'Give at most one folder'));
  const dir = contentFolder(args.positionals[0], 'wiki:stale');
  doing(bi(`læste ${displayPath(dir)}`, `reading ${displayPath(dir)}`));
  const raw = loadRawContent(dir);
  const total = raw.entries.filter((e) => e.collection === 'wiki').length;
  const stale = staleNetworks(raw.entries, today, days);
  if (format === 'json') {
    console.log(JSON.stringify({ dir: displayPath(dir), today, days, total, stale }, null, 2));
    return 0;
  }
  if (stale.length === 0) {
    console.log(
      `✓ ${enDa(bi(`alle ${total} netværk er kontrolleret inden for ${days} dage`, `all ${total} networks were verified within ${days} days of ${today}`))}`,
    );
    return 0;
  }
  console.log(
    enDa(
      bi(
        `${stale.length} af ${total} netværk er ikke kontrolleret i over ${days} dage (i dag: ${today})`,
        `${stale.length} of ${total} networks not verified for more than ${days} days (today: ${today})`,
      ),
    ),
  );
  console.log('');
  const rows = stale.map((n) => {
    const age = n.ageDays === undefined ? bi('aldrig kontrolleret', 'never verified') : describeAge(n.ageDays);
    return [n.lastVerified ?? '—', n.ageDays === undefined ? '—' : `${n.ageDays} d`, enDa(age), n.name, n.file];
  });
  const header = [
    'last_verified',
    ...[bi('dage', 'days'), bi('alder', 'age'), bi('navn', 'name'), bi('fil', 'file')].map(enDa),
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log('');
  console.log(
    enDa(
      bi(
        'tjek hvert netværk, ret filen, og sæt last_verified til i dag.',
        'Check each network, correct the file and set last_verified to today',
      ),
    ),
  );
  return 0;
}

await runCli(HELP, main);
