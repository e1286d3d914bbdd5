#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { doing, oneOf, parseCli, runCli, UsageError } from '../src/lib/cli.ts';
import { displayPath } from '../src/lib/content/paths.ts';
import { checkLinks } from '../src/tools/link-check.ts';
import { bi, enDa } from '../src/schemas/meta.ts';

const HELP = `Usage: npm run check:links [-- DIR] [--site URL | --no-site] [--format text|json]

Checks that every internal link (href, src, srcset, poster, action) in every HTML page of the
built site in DIR (default: $OUT_DIR or dist/) points at a file that exists. Links to the site's
own address (taken from the pages' canonical links, or --site) count as internal; --no-site
checks relative and root-relative links only. Run npm run build first.

Exit codes: 0 every link works, 1 broken links or a page that cannot be read, 2 usage error (no built site).`;

function main(argv: string[]): number {
  const args = parseCli(
    argv,
    HELP,
    { site: { type: 'string' }, 'no-site': { type: 'boolean' }, format: { type: 'string', default: 'text' } },
    { positionals: true },
  );
  if (!args) return 0;
  const format = oneOf('--format', args.values.format, ['text', 'json']);
  if (args.positionals.length > 1) throw new UsageError(bi('angiv højst én mappe', 'Give at most one folder'));
  if (args.positionals[0]?.trim() === '') throw new UsageError(bi('mappenavnet er tomt', 'The folder name is empty'));
  let origin: string | false | undefined;
  if (args.values['no-site']) origin = false;
  else if (args.values.site) {
    const url = URL.parse(args.values.site);
    if (!url || !/^https?:$/.test(url.protocol))
      throw new UsageError(
        bi(
          '--site skal være en webadresse (https://…)',
          `--site must be a web address (https://…), not "${args.values.site}"`,
        ),
      );
    origin = url.origin;
  }
  const dist = path.resolve(args.positionals[0] ?? process.env.OUT_DIR ?? 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    console.error(
      enDa(
        bi(
          'intet bygget site her; kør npm run build først',
          `${displayPath(dist)}: no built site here (no index.html); run npm run build first`,
        ),
      ),
    );
    return 2;
  }
  doing(bi(`læste siderne i ${displayPath(dist)}`, `reading the pages in ${displayPath(dist)}`));
  const report = checkLinks(dist, { origin });
  if (format === 'json') {
    console.log(JSON.stringify({ dist: displayPath(dist), ...report }, null, 2));
    return report.broken.length ? 1 : 0;
  }
  for (const b of report.broken) {
    console.log(
      `${b.page}: ${b.link} (${b.attribute}): ${enDa(bi('findes ikke i det byggede site', 'no such file in the built site'))}`,
    );
  }
  const pages = new Set(report.broken.map((b) => b.page)).size;
  console.error(
    report.broken.length === 0
      ? `✓ ${enDa(bi('alle interne links virker', `${report.links} internal links in ${report.pages} pages work`))}`
      : `✗ ${enDa(bi(`${report.broken.length} brudte link(s) på ${pages} side(r)`, `${report.broken.length} broken link(s) in ${pages} page(s) of ${report.pages}`))}`,
  );
  return report.broken.length ? 1 : 0;
}

await runCli(HELP, main);
