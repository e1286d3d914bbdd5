/**
 * What a municipality page (the welcome pack) and its open data show: the listed members based
 * there, the networks that meet there or cover it, upcoming events nearby, groups, market
 * entries and the neighbouring municipalities. Pure functions over the site's data (or anything
 * shaped like it), so the page, the open data and the tests agree on one rule.
 */

interface Entry<D> {
  id: string;
  data: D;
}

export type MemberLike = Entry<{ name: string; trades: string[]; municipality: string; groups?: string[] | undefined }>;
export type NetworkLike = Entry<{
  name: string;
  kind: string;
  municipalities: string[];
  nationwide?: boolean | undefined;
}>;
export type EventLike = Entry<{ start: Date; venue?: { municipality: string } | undefined }>;
export type GroupLike = Entry<{ name: string; kind: string; contacts?: string[] | undefined }>;
export type MarketLike = Entry<{ member: string }>;

/** The parts of SiteData the municipality pages read (unlisted members are already gone from `members`). */
export interface MunicipalitySource<
  M extends MemberLike = MemberLike,
  N extends NetworkLike = NetworkLike,
  E extends EventLike = EventLike,
  G extends GroupLike = GroupLike,
  K extends MarketLike = MarketLike,
> {
  members: M[];
  networks: N[];
  /** Every event, past ones too: an event's page links to its municipality whenever it was. */
  events: E[];
  upcoming: E[];
  groups: G[];
  /** Active market entries only. */
  market: K[];
  municipalities: ReadonlyMap<string, { name: string; region: string }>;
  neighbours: ReadonlyMap<string, readonly string[]>;
}

/**
 * Municipalities that get a page: those with a listed member, a network that names them, or an
 * event held there (past or coming). Nationwide and online networks cover every municipality but
 * make no page on their own: 98 pages that show the same few national networks would be noise,
 * and every page that links to a municipality (a member, a network, an event) names one of these.
 * In the taxonomy's order of names (Danish). Worked out once per site data (kept while its lists
 * are the same lists): every municipality page, its incremental-build key and the map ask for it,
 * and each asking walked all members.
 */
interface Found {
  from: readonly unknown[];
  ids: readonly string[];
}
const withContent = new WeakMap<MunicipalitySource, Found>();
export function municipalitiesWithContent(src: MunicipalitySource): readonly string[] {
  const from = [src.members, src.networks, src.events, src.municipalities];
  const found = withContent.get(src);
  if (found && found.from.every((list, i) => list === from[i])) return found.ids;
  const ids = findMunicipalitiesWithContent(src);
  withContent.set(src, { from, ids });
  return ids;
}

function findMunicipalitiesWithContent(src: MunicipalitySource): string[] {
  const ids = new Set<string>();
  for (const m of src.members) ids.add(m.data.municipality);
  for (const n of src.networks) for (const id of n.data.municipalities) ids.add(id);
  for (const e of src.events) if (e.data.venue) ids.add(e.data.venue.municipality);
  return [...ids]
    .filter((id) => src.municipalities.has(id))
    .sort((a, b) => src.municipalities.get(a)!.name.localeCompare(src.municipalities.get(b)!.name, 'da'));
}

/** A network that reaches everyone: nationwide, or online. */
export const coversEverywhere = (n: NetworkLike) => n.data.nationwide === true || n.data.kind === 'online';

export interface MunicipalityPage<M, N, E, G, K> {
  id: string;
  /** Listed members based here, by name. */
  members: M[];
  /** Members grouped by their first trade (their main one), trades by number of members, then id. */
  byTrade: { trade: string; members: M[] }[];
  /** Networks that name this municipality (they meet or work here). */
  local: N[];
  /** Nationwide and online networks that do not name it: open to anyone here too. */
  covering: N[];
  /** Coming events here, in a neighbouring municipality, or online; soonest first. */
  events: { event: E; where: 'here' | 'near' | 'online' }[];
  /** Groups a member here takes part in or is a contact of (regional groups first). */
  groups: G[];
  /** Active market entries of members here. */
  market: K[];
  /** Municipalities sharing a border, in the taxonomy's order. */
  neighbours: string[];
}

/** Everything a municipality's page shows. */
export function municipalityPage<
  M extends MemberLike,
  N extends NetworkLike,
  E extends EventLike,
  G extends GroupLike,
  K extends MarketLike,
>(src: MunicipalitySource<M, N, E, G, K>, id: string): MunicipalityPage<M, N, E, G, K> {
  const members = src.members.filter((m) => m.data.municipality === id);
  const trades = new Map<string, M[]>();
  for (const m of members) {
    const main = m.data.trades[0];
    if (main === undefined) continue;
    trades.set(main, [...(trades.get(main) ?? []), m]);
  }
  const byTrade = [...trades]
    .map(([trade, list]) => ({ trade, members: list }))
    .sort((a, b) => b.members.length - a.members.length || a.trade.localeCompare(b.trade));
  const local = src.networks.filter((n) => n.data.municipalities.includes(id));
  const covering = src.networks.filter((n) => coversEverywhere(n) && !n.data.municipalities.includes(id));
  const neighbours = [...(src.neighbours.get(id) ?? [])];
  const near = new Set(neighbours);
  const events = src.upcoming.flatMap((event): { event: E; where: 'here' | 'near' | 'online' }[] => {
    const place = event.data.venue?.municipality;
    if (place === id) return [{ event, where: 'here' }];
    if (place !== undefined && near.has(place)) return [{ event, where: 'near' }];
    if (place === undefined) return [{ event, where: 'online' }];
    return [];
  });
  const slugs = new Set(members.map((m) => m.id));
  const inGroups = new Set(members.flatMap((m) => m.data.groups ?? []));
  const groups = src.groups
    .filter((g) => inGroups.has(g.id) || (g.data.contacts ?? []).some((c) => slugs.has(c)))
    .sort((a, b) => Number(b.data.kind === 'regional') - Number(a.data.kind === 'regional'));
  const market = src.market.filter((e) => slugs.has(e.data.member));
  return { id, members, byTrade, local, covering, events, groups, market, neighbours };
}

export interface MunicipalityCount {
  id: string;
  members: number;
  networks: number;
  events: number;
}

/** The index: the municipalities with a page by region (in `regions`' order), with their counts. */
export function municipalitiesByRegion(
  src: MunicipalitySource,
  regions: readonly string[],
): { region: string; municipalities: MunicipalityCount[] }[] {
  const members = countBy(src.members.map((m) => m.data.municipality));
  const networks = countBy(src.networks.flatMap((n) => n.data.municipalities));
  const events = countBy(src.upcoming.flatMap((e) => (e.data.venue ? [e.data.venue.municipality] : [])));
  const rows = municipalitiesWithContent(src).map((id) => ({
    id,
    members: members.get(id) ?? 0,
    networks: networks.get(id) ?? 0,
    events: events.get(id) ?? 0,
  }));
  return regions
    .map((region) => ({
      region,
      municipalities: rows.filter((r) => src.municipalities.get(r.id)?.region === region),
    }))
    .filter((r) => r.municipalities.length > 0);
}

function countBy(values: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
}

/** A URL as a reader types it: without scheme, `www.` and the trailing slash (for print). */
export function shortUrl(url: string): string {
  return url
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/$/, '');
}

/**
 * What a municipality page reads beyond its own props, for the incremental build's key: its
 * entries, which neighbours have a page (linked or not), and what the map beside it shows (the
 * members per municipality and the networks).
 */
export function municipalityInputs(src: MunicipalitySource, id: string): unknown {
  const withPage = new Set(municipalitiesWithContent(src));
  const page = municipalityPage(src, id);
  return [
    page,
    page.neighbours.filter((n) => withPage.has(n)),
    countBy(src.members.map((m) => m.data.municipality)),
    src.networks,
    [...withPage],
  ];
}
