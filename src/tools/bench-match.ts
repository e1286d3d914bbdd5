import { parseYamlData } from '../lib/content/front-matter.ts';
import type { Taxonomies } from '../schemas/index.ts';
import { municipalityNeighbours } from '../site/geo.ts';
import { matchmake, type MatchMember } from '../site/matchmaker.ts';
import type { Municipality } from '../site/site-data.ts';
import { syntheticContent } from './synthetic.ts';

/** The matchmaker's benchmark: the same synthetic members as `npm run bench`, without building the site. */

export interface MatchFigures {
  members: number;
  /** Listed members: the ones the matchmaker sees. */
  listed: number;
  runs: number;
  /** Median wall time of one run of matchmake over all listed members, in milliseconds. */
  medianMs: number;
  timesMs: number[];
  pairsScored: number;
  /** n·(n−1) for the listed members: what scoring every ordered pair would take. */
  allPairs: number;
  /** Listed members with at least one suggestion, and the mean number per member. */
  withSuggestions: number;
  meanSuggestions: number;
}

/** The synthetic members of `syntheticContent(n, tax)`, listed ones only, as the matchmaker reads them. */
export function syntheticMatchMembers(n: number, tax: Taxonomies): MatchMember[] {
  const out: MatchMember[] = [];
  for (const file of syntheticContent(n, tax)) {
    const slug = /^members\/(.+)\.md$/.exec(file.path)?.[1];
    if (!slug) continue;
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(file.text)![1];
    const d = parseYamlData(yaml) as Record<string, never>;
    if (d.listed !== true) continue;
    out.push({
      slug,
      name: d.name,
      trades: d.trades,
      municipality: d.municipality,
      services: d.services,
      openTo: d.open_to,
      groups: d.groups,
      joined: new Date(d.joined),
    });
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function benchMatch(
  n: number,
  runs: number,
  tax: Taxonomies,
  now = new Date('2026-11-24T12:00:00Z'),
): MatchFigures {
  const members = syntheticMatchMembers(n, tax);
  const municipalities = new Map(tax.municipalities.map((m) => [m.id, m as Municipality]));
  const neighbours = municipalityNeighbours(municipalities);
  const complements = new Map(tax.trades.map((t) => [t.id, t.complements ?? []]));
  const timesMs: number[] = [];
  let result: ReturnType<typeof matchmake> | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = matchmake(members, { complements, neighbours, now });
    timesMs.push(performance.now() - start);
  }
  const lists = [...result!.suggestions.values()];
  return {
    members: n,
    listed: members.length,
    runs,
    medianMs: median(timesMs),
    timesMs,
    pairsScored: result!.pairsScored,
    allPairs: members.length * (members.length - 1),
    withSuggestions: lists.filter((l) => l.length > 0).length,
    meanSuggestions: lists.reduce((s, l) => s + l.length, 0) / Math.max(1, lists.length),
  };
}
