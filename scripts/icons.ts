#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { doing, parseCli, runCli } from '../src/lib/cli.ts';
import { bi, enDa } from '../src/schemas/meta.ts';
import { cssCustomProperty, ICONS_SOURCE_RECORD } from '../src/site/icons.ts';
import { drawIcons } from '../src/tools/icons.ts';

const HELP = `Usage: node scripts/icons.ts [--dry-run]

Draws the site's PNG icons (32 px favicon, 180 px Apple touch icon, 192 and 512 px, and a
maskable 512 px) from public/favicon.svg into public/icons/, on the site's accent colour
(--color-accent in src/styles/global.css) where an icon needs a background. Run it after
changing the favicon and commit the files; a unit test fails while they are stale.

Options:
  --dry-run   say what would be written, write nothing

Exit codes: 0 done, 1 the favicon or the stylesheet could not be read, 2 usage error.`;

const ROOT = path.resolve(import.meta.dirname, '..');

async function main(argv: string[]): Promise<number> {
  const args = parseCli(argv, HELP, { 'dry-run': { type: 'boolean', default: false } });
  if (!args) return 0;
  const svg = fs.readFileSync(path.join(ROOT, 'public/favicon.svg'));
  const background = cssCustomProperty(
    fs.readFileSync(path.join(ROOT, 'src/styles/global.css'), 'utf8'),
    '--color-accent',
  );
  if (!background) {
    console.error(
      enDa(bi('src/styles/global.css: --color-accent mangler', 'src/styles/global.css: --color-accent is missing')),
    );
    return 1;
  }
  doing(bi('tegner ikoner fra public/favicon.svg', 'drawing icons from public/favicon.svg'));
  const { files, record } = await drawIcons(svg, background);
  for (const [file, bytes] of files) {
    const target = path.join(ROOT, 'public', file);
    console.log(`${args.values['dry-run'] ? '(dry run) ' : ''}public${file} ${bytes.length} B`);
    if (args.values['dry-run']) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  }
  if (!args.values['dry-run'])
    fs.writeFileSync(path.join(ROOT, ICONS_SOURCE_RECORD), `${JSON.stringify(record, null, 2)}\n`);
  return 0;
}

await runCli(HELP, main);
