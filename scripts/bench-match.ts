#!/usr/bin/env node
import { contentFolder, doing, parseCli, runCli, wholeNumber } from '../src/lib/cli.ts';
import { readTaxonomies } from '../src/lib/content/taxonomies.ts';
import { bi } from '../src/schemas/meta.ts';
import { benchMatch } from '../src/tools/bench-match.ts';

const HELP = `Usage: npm run bench:match -- [--members N] [--runs R] [--json]

Times the matchmaker ("Hvem bør du kende?", src/site/matchmaker.ts) over N synthetic members
(the generator of npm run bench, with the real taxonomies of $CONTENT_DIR or content/), without
building the site, and reports the median time of R runs and how many pairs of members were
scored against n·(n−1), what scoring every pair would take.

Options:
  --members N   number of members, default 1000 (1–200000)
  --runs R      runs, default 5 (1–50)
  --json        print the figures as JSON
  -h, --help    this text

Exit codes: 0 ok, 1 the content folder could not be read, 2 usage error.`;

function main(argv: string[]): number {
  const args = parseCli(argv, HELP, {
    members: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    json: { type: 'boolean' },
  });
  if (!args) return 0;
  const n = wholeNumber('--members', args.values.members, 1, 200_000);
  const runs = wholeNumber('--runs', args.values.runs, 1, 50);
  const tax = readTaxonomies(contentFolder(undefined, 'bench:match'));
  doing(bi('målte matchmakeren', 'timing the matchmaker'));
  const f = benchMatch(n, runs, tax);
  if (args.values.json) {
    console.log(JSON.stringify(f, null, 2));
    return 0;
  }
  const pct = (x: number) => `${((100 * x) / Math.max(1, f.allPairs)).toFixed(2)} %`;
  console.log(`members ${f.members.toLocaleString('en')} (${f.listed.toLocaleString('en')} listed), ${f.runs} run(s)`);
  console.log(
    `matchmaker: median ${f.medianMs.toFixed(0)} ms (runs: ${f.timesMs.map((t) => t.toFixed(0)).join(', ')} ms)`,
  );
  console.log(
    `pairs scored: ${f.pairsScored.toLocaleString('en')} of ${f.allPairs.toLocaleString('en')} (n·(n−1)): ${pct(f.pairsScored)}`,
  );
  console.log(
    `suggestions: ${f.withSuggestions.toLocaleString('en')} of ${f.listed.toLocaleString('en')} members have some, ${f.meanSuggestions.toFixed(2)} each on average`,
  );
  return 0;
}

await runCli(HELP, main);
