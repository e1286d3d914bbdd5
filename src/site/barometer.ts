/**
 * The barometer's figures, per year: members (joined, members at the year's end, listed on the
 * site) per trade, municipality and region; networks per region and kind and verified that year;
 * events held; posts written. Pure functions over plain facts (src/site/barometer-data.ts loads
 * them, unlisted members included, for counting only).
 *
 * Counts that include unlisted members are protected by cell suppression (docs/ARCHITECTURE.md,
 * "Barometer"); what a figure could give away is its unlisted part u = all − listed.
 * - Primary: a trade or municipality cell under 3 that includes unlisted members (u > 0) is
 *   suppressed; its u is then 1 or 2.
 * - Secondary: figures that add up (municipalities → region → all; last year's end + joined this
 *   year → this year's end) are checked relation by relation: every suppressed figure must keep
 *   at least two possible values given everything shown; where not, the smallest shown figure of
 *   that relation is suppressed too (the total last), until nothing changes.
 */

export const TIME_ZONE = 'Europe/Copenhagen';
/**
 * The calendar year of a moment in Danish time (a date-only value is UTC midnight: the same day
 * there). New Year is always in winter time, UTC+1, so an hour on is the Danish year in UTC —
 * no time-zone formatter, which at 10,000 members and twenty years was 0.75 s of every build.
 */
export const yearOf = (d: Date): number => new Date(d.getTime() + 3_600_000).getUTCFullYear();

export interface MemberFacts {
  trades: readonly string[];
  municipality: string;
  joined: Date;
  listed: boolean;
  /** When the member's file first entered the site (git), if known. */
  onSite?: Date;
}

export interface NetworkFacts {
  kind: string;
  municipalities: readonly string[];
  nationwide: boolean;
  /** When the entry first entered the site (git), if known. */
  onSite?: Date;
  founded?: number;
  lastVerified: Date;
  /** Dates of commits that changed last_verified (git), if known. */
  verifiedCommits: Date[];
}

export interface BarometerInput {
  now: Date;
  members: MemberFacts[];
  networks: NetworkFacts[];
  events: { start: Date; cancelled: boolean }[];
  posts: { date: Date; lang: string }[];
  /** Municipality id → region id. */
  regionOf: ReadonlyMap<string, string>;
  trades: readonly string[];
  regions: readonly string[];
  kinds: readonly string[];
}

/** A figure that counts unlisted members too: `value` is shown only when not suppressed. */
export interface Cell {
  value: number;
  suppressed: boolean;
}

export interface MemberRow {
  /** Trade, municipality or region id; '' for the whole network. */
  id: string;
  joined: Cell;
  members: Cell;
  /** Listed members on the site at the year's end (public anyway: never suppressed). */
  listed: number;
}

export type Dimension = 'trade' | 'municipality' | 'region';

export interface NetworkRow {
  /** Region id, or 'nationwide'. */
  region: string;
  byKind: Record<string, number>;
  total: number;
  verified: number;
}

export interface YearFigures {
  year: number;
  /** The year of "now": figures so far. */
  partial: boolean;
  total: MemberRow;
  members: Record<Dimension, MemberRow[]>;
  networks: NetworkRow[];
  networksTotal: NetworkRow;
  events: number;
  posts: { total: number; byLang: Record<string, number> };
}

export interface Barometer {
  years: YearFigures[];
  /** How many members' and networks' site dates came from git history, and how many fell back. */
  history: { fromGit: number; fallback: number };
}

const PRIMARY_BELOW = 3;

// ---------- suppression ----------

interface Figure {
  all: number;
  unlisted: number;
  suppressed: boolean;
  primary: boolean;
}

/** total = sum of parts, over figure keys. */
export interface Relation {
  total: string;
  parts: string[];
}

/** The values a suppressed figure's unlisted part can take for someone who knows the rule. */
const domain = (f: Figure): [number, number] => (f.primary ? [1, PRIMARY_BELOW - 1] : [0, Infinity]);

/** Whether every suppressed figure of the relation keeps two or more possible values. */
function relationHolds(rel: Relation, figures: Map<string, Figure>): boolean {
  const members = [
    { f: figures.get(rel.total)!, sign: -1 },
    ...rel.parts.map((p) => ({ f: figures.get(p)!, sign: 1 })),
  ];
  const hidden = members.filter((m) => m.f.suppressed);
  if (hidden.length === 0) return true;
  const known = members.filter((m) => !m.f.suppressed).reduce((s, m) => s + m.sign * m.f.unlisted, 0);
  for (const j of hidden) {
    let lo = 0;
    let hi = 0;
    for (const i of hidden) {
      if (i === j) continue;
      const [a, b] = domain(i.f);
      lo += i.sign > 0 ? a : -b;
      hi += i.sign > 0 ? b : -a;
    }
    // sign_j * x_j = -known - rest, rest in [lo, hi]
    const [from, to] = j.sign > 0 ? [-known - hi, -known - lo] : [known + lo, known + hi];
    const [a, b] = domain(j.f);
    if (Math.min(to, b) - Math.max(from, a) < 1) return false;
  }
  return true;
}

/** Marks figures suppressed: primary by the rule, then secondary until every relation holds. Mutates `figures`. */
export function suppress(figures: Map<string, Figure>, relations: Relation[]): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const rel of relations) {
      if (relationHolds(rel, figures)) continue;
      const shown = rel.parts
        .filter((p) => !figures.get(p)!.suppressed)
        .sort((a, b) => figures.get(a)!.all - figures.get(b)!.all || a.localeCompare(b));
      const candidates = [...shown, ...(figures.get(rel.total)!.suppressed ? [] : [rel.total])];
      // Everything already hidden: nothing more can be done for this relation.
      if (candidates.length === 0) continue;
      // The smallest figure whose hiding alone mends the relation (a zero beside a hidden 1 never
      // does: only the total can); else the smallest, and the loop comes back for more.
      const mends = (key: string) => {
        figures.get(key)!.suppressed = true;
        const holds = relationHolds(rel, figures);
        figures.get(key)!.suppressed = false;
        return holds;
      };
      const next = candidates.find(mends) ?? candidates[0]!;
      figures.get(next)!.suppressed = true;
      changed = true;
    }
  }
}

// ---------- figures ----------

const inYearBy = (d: Date | undefined, year: number) => d !== undefined && yearOf(d) <= year;

/** The barometer for every year from the first member, network, event or post to the year of `now`. */
export function barometer(input: BarometerInput): Barometer {
  const { now, members, networks, regionOf } = input;
  const thisYear = yearOf(now);
  const firstYear = Math.min(
    thisYear,
    ...members.map((m) => yearOf(m.joined)),
    ...networks.map((n) => yearOf(n.onSite ?? n.lastVerified)),
    ...input.events.map((e) => yearOf(e.start)),
    ...input.posts.map((p) => yearOf(p.date)),
  );
  const years = Array.from({ length: thisYear - firstYear + 1 }, (_, i) => firstYear + i);

  // Members: the raw counts per figure key `metric|dimension|id|year`.
  const figures = new Map<string, Figure>();
  const listedAt = new Map<string, number>();
  const key = (metric: 'joined' | 'members', dim: Dimension | 'all', id: string, year: number) =>
    `${metric}|${dim}|${id}|${year}`;
  const categories: Record<Dimension, string[]> = {
    trade: [...input.trades],
    municipality: [...regionOf.keys()],
    region: [...input.regions],
  };
  const idsOf = (m: MemberFacts): [Dimension | 'all', string[]][] => [
    ['trade', [...new Set(m.trades)]],
    ['municipality', [m.municipality]],
    ['region', [regionOf.get(m.municipality) ?? '']],
    ['all', ['']],
  ];
  for (const year of years)
    for (const metric of ['joined', 'members'] as const)
      for (const [dim, ids] of [...Object.entries(categories), ['all', ['']]] as [Dimension | 'all', string[]][])
        for (const id of ids)
          figures.set(key(metric, dim, id, year), {
            all: 0,
            unlisted: 0,
            suppressed: false,
            primary: false,
          });
  for (const m of members) {
    const joinedYear = yearOf(m.joined);
    // A listed member is on the site from the first commit of their file, or (without history) from joining.
    const onSite = m.onSite ?? m.joined;
    for (const year of years)
      for (const [dim, ids] of idsOf(m))
        for (const id of ids) {
          const add = (metric: 'joined' | 'members') => {
            const f = figures.get(key(metric, dim, id, year));
            if (!f) return;
            f.all++;
            if (!m.listed) f.unlisted++;
          };
          if (joinedYear === year) add('joined');
          if (joinedYear <= year) add('members');
          if (m.listed && inYearBy(onSite, year)) {
            const k = `${dim}|${id}|${year}`;
            listedAt.set(k, (listedAt.get(k) ?? 0) + 1);
          }
        }
  }
  for (const [k, f] of figures) {
    const dim = k.split('|')[1];
    if ((dim === 'trade' || dim === 'municipality') && f.unlisted > 0 && f.all < PRIMARY_BELOW)
      f.primary = f.suppressed = true;
  }
  const relations: Relation[] = [];
  for (const year of years)
    for (const metric of ['joined', 'members'] as const) {
      for (const region of input.regions)
        relations.push({
          total: key(metric, 'region', region, year),
          parts: categories.municipality
            .filter((m) => regionOf.get(m) === region)
            .map((m) => key(metric, 'municipality', m, year)),
        });
      relations.push({
        total: key(metric, 'all', '', year),
        parts: input.regions.map((r) => key(metric, 'region', r, year)),
      });
    }
  // Members at a year's end are last year's plus those who joined: per figure, across years.
  for (const [dim, ids] of [...Object.entries(categories), ['all', ['']]] as [Dimension | 'all', string[]][])
    for (const id of ids)
      for (const year of years)
        relations.push({
          total: key('members', dim, id, year),
          parts: [...(year > firstYear ? [key('members', dim, id, year - 1)] : []), key('joined', dim, id, year)],
        });
  suppress(figures, relations);

  const cell = (k: string): Cell => {
    const f = figures.get(k)!;
    return { value: f.all, suppressed: f.suppressed };
  };
  const row = (dim: Dimension | 'all', id: string, year: number): MemberRow => ({
    id,
    joined: cell(key('joined', dim, id, year)),
    members: cell(key('members', dim, id, year)),
    listed: listedAt.get(`${dim}|${id}|${year}`) ?? 0,
  });
  // A row is shown when it has anyone in it, or something hidden.
  const anyone = (r: MemberRow) =>
    r.listed > 0 || r.joined.value > 0 || r.members.value > 0 || r.joined.suppressed || r.members.suppressed;

  const fromGit = members.filter((m) => m.onSite).length + networks.filter((n) => n.onSite).length;
  const fallback = members.length + networks.length - fromGit;

  const nationwide = 'nationwide';
  const figuresFor = (year: number): YearFigures => {
    const networkRows = [...input.regions, nationwide].map((region) => ({
      region,
      byKind: Object.fromEntries(input.kinds.map((k) => [k, 0])) as Record<string, number>,
      total: 0,
      verified: 0,
    }));
    const networksTotal: NetworkRow = {
      region: '',
      byKind: Object.fromEntries(input.kinds.map((k) => [k, 0])),
      total: 0,
      verified: 0,
    };
    for (const n of networks) {
      // On the site from its first commit; without history, from its founding year, else its last check.
      const since = n.onSite ? yearOf(n.onSite) : (n.founded ?? yearOf(n.lastVerified));
      if (since > year) continue;
      const verified = [n.lastVerified, ...n.verifiedCommits].some((d) => yearOf(d) === year);
      const regions = new Set(n.municipalities.map((m) => regionOf.get(m) ?? ''));
      if (n.nationwide) regions.add(nationwide);
      for (const r of networkRows.filter((r) => regions.has(r.region))) {
        r.byKind[n.kind] = (r.byKind[n.kind] ?? 0) + 1;
        r.total++;
        if (verified) r.verified++;
      }
      networksTotal.byKind[n.kind] = (networksTotal.byKind[n.kind] ?? 0) + 1;
      networksTotal.total++;
      if (verified) networksTotal.verified++;
    }
    const byLang: Record<string, number> = {};
    const posts = input.posts.filter((p) => yearOf(p.date) === year && p.date <= now);
    for (const p of posts) byLang[p.lang] = (byLang[p.lang] ?? 0) + 1;
    return {
      year,
      partial: year === thisYear,
      total: row('all', '', year),
      members: {
        trade: categories.trade.map((id) => row('trade', id, year)).filter(anyone),
        municipality: categories.municipality.map((id) => row('municipality', id, year)).filter(anyone),
        region: categories.region.map((id) => row('region', id, year)),
      },
      networks: networkRows,
      networksTotal,
      events: input.events.filter((e) => !e.cancelled && e.start <= now && yearOf(e.start) === year).length,
      posts: { total: posts.length, byLang },
    };
  };
  return { years: years.map(figuresFor), history: { fromGit, fallback } };
}

/** A figure's change from last year, or undefined when either is hidden or missing. */
export function change(now: Cell | number, before: Cell | number | undefined): number | undefined {
  const value = (c: Cell | number | undefined) =>
    c === undefined ? undefined : typeof c === 'number' ? c : c.suppressed ? undefined : c.value;
  const a = value(now);
  const b = value(before);
  return a === undefined || b === undefined ? undefined : a - b;
}
