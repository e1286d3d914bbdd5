#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { contentFolder, doing, parseCli, readInputFile, runCli, UsageError } from '../src/lib/cli.ts';
import { readTaxonomies } from '../src/lib/content/taxonomies.ts';
import { neighbourCodes, simplifyMunicipalities } from '../src/tools/geo-simplify.ts';
import { bi, enDa } from '../src/schemas/meta.ts';

const HELP = `Usage: npm run geo:simplify -- BOUNDARIES.geojson [--content DIR] [--out FILE] [--keep 0.05]

Makes the map's boundaries (src/site/geo/municipalities.topo.json) from a GeoJSON file of
municipality boundaries with their official codes in the property "lau_1" (Denmark: DAGI,
Geodatastyrelsen & Danske Kommuner). Keeps the municipalities whose code is in
taxonomies/municipalities.yml of DIR (default: $CONTENT_DIR or content/), simplifies the shared
borders to --keep of their points and drops the smallest islands. Run it once when the boundaries
or the taxonomy's codes change, and commit the result with the source's attribution.

Exit codes: 0 written, 1 the input could not be read, 2 usage error.`;

const MAX_GEOJSON_BYTES = 50 * 1024 * 1024;

function main(argv: string[]): number {
  const args = parseCli(
    argv,
    HELP,
    {
      content: { type: 'string' },
      out: { type: 'string', default: 'src/site/geo/municipalities.topo.json' },
      keep: { type: 'string', default: '0.05' },
    },
    { positionals: true },
  );
  if (!args) return 0;
  if (args.positionals.length !== 1)
    throw new UsageError(bi('angiv én GeoJSON-fil med grænserne', 'Give one GeoJSON file of boundaries'));
  const keep = Number(args.values.keep);
  if (!(keep > 0 && keep <= 1))
    throw new UsageError(
      bi('--keep skal være et tal over 0 og højst 1', '--keep must be a number above 0 and at most 1'),
    );
  const dir = contentFolder(args.values.content, 'geo:simplify');
  const codes = new Set(
    readTaxonomies(dir)
      .municipalities.map((m) => (m as { code?: unknown }).code)
      .filter((c): c is string => typeof c === 'string'),
  );
  if (codes.size === 0)
    throw new UsageError(
      bi(
        'ingen kommune i taxonomies/municipalities.yml har en code; tilføj de officielle koder først',
        'no municipality in taxonomies/municipalities.yml has a code; add the official codes first',
      ),
    );
  doing(bi('læste grænserne', 'reading the boundaries'));
  const geo = JSON.parse(readInputFile(args.positionals[0]!, MAX_GEOJSON_BYTES).toString('utf8'));
  doing(bi('forenklede grænserne', 'simplifying the boundaries'));
  const topo = simplifyMunicipalities(geo, { codeProperty: 'lau_1', codes, keep, minArea: 1e-4 });
  const text = `${JSON.stringify(topo)}\n`;
  fs.mkdirSync(path.dirname(args.values.out), { recursive: true });
  fs.writeFileSync(args.values.out, text);
  const lonely = [...neighbourCodes(topo)].filter(([, n]) => n.length === 0).map(([c]) => c);
  console.log(
    enDa(
      bi(
        `skrev ${args.values.out}: ${codes.size} kommuner, ${(text.length / 1024).toFixed(0)} KB; uden naboer (øer): ${lonely.join(', ') || 'ingen'}`,
        `wrote ${args.values.out}: ${codes.size} municipalities, ${(text.length / 1024).toFixed(0)} KB; without neighbours (islands): ${lonely.join(', ') || 'none'}`,
      ),
    ),
  );
  return 0;
}

runCli(HELP, main);
