import { geoPath, geoTransverseMercator, type GeoProjection } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { municipalityShapes, type Shape } from './geo.ts';
import { municipalitiesWithContent } from './municipality.ts';
import type { SiteData } from './site-data.ts';

/**
 * The network's map as data for an SVG drawn at build time (src/components/map/): one area per
 * municipality shaded by its listed members, the wiki's networks as points, Bornholm in a box of
 * its own. Computed once per build (the same for every page; the component adds the highlight).
 */

export const MAP_WIDTH = 480;
export const MAP_HEIGHT = 560;
const PAD = 8;
/** Bornholm lies far east of the rest: drawn at the same scale in a box in the top right corner. */
const INSET_CODE = '400';
const INSET = { x: MAP_WIDTH - 112, y: PAD, width: 104, height: 92 };

/**
 * The shades' lower bounds: 0 members, 1–2, 3–9, 10–29, 30–99, 100 and more. Fixed (not from the
 * data) so a shade means the same on every page and in every year; the top class holds the big
 * cities of a 10,000-member network.
 */
export const SHADE_FROM = [0, 1, 3, 10, 30, 100] as const;

/** The shade class (0–5) of a member count. */
export function shadeOf(count: number): number {
  let shade = 0;
  SHADE_FROM.forEach((from, i) => {
    if (count >= from) shade = i;
  });
  return shade;
}

export interface MapArea {
  id: string;
  name: string;
  region: string;
  members: number;
  networks: number;
  shade: number;
  /** Whether the municipality has a page of its own (src/site/municipality.ts says which do). */
  hasPage: boolean;
  /** SVG path data, in the map's own coordinates. */
  d: string;
}

export interface MapPoint {
  /** The network's slug. */
  id: string;
  name: string;
  x: number;
  y: number;
}

export interface MapModel {
  areas: MapArea[];
  points: MapPoint[];
  /** The box Bornholm is drawn in, when it is on the map. */
  inset: typeof INSET | undefined;
  /** The shades the legend shows: up to the highest one used. */
  shades: { shade: number; from: number; to: number | undefined }[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * SVG path data in whole map units with relative moves ("M12 30l3-1 2 4z"): about half the bytes of
 * d3's absolute decimals, which matters when a page carries 98 outlines. Deltas are taken between
 * rounded points, so rounding never drifts; points that round onto the previous one are dropped.
 * (d3-path writes absolute coordinates only, hence this small writer as a d3-geo path context.)
 */
class CompactPath {
  private out = '';
  private x = 0;
  private y = 0;
  private start = true;
  /** Where the current outline began: after "z" the pen is back there, and the next "m" counts from it. */
  private sx = 0;
  private sy = 0;
  moveTo(x: number, y: number) {
    const [rx, ry] = [Math.round(x), Math.round(y)];
    this.out += this.out === '' ? `M${rx} ${ry}` : `m${num(rx - this.x, true)}${num(ry - this.y)}`;
    [this.x, this.y, this.sx, this.sy, this.start] = [rx, ry, rx, ry, true];
  }
  lineTo(x: number, y: number) {
    const [rx, ry] = [Math.round(x), Math.round(y)];
    if (rx === this.x && ry === this.y) return;
    this.out += `${this.start ? 'l' : ''}${num(rx - this.x, this.start)}${num(ry - this.y)}`;
    [this.x, this.y, this.start] = [rx, ry, false];
  }
  closePath() {
    this.out += 'z';
    [this.x, this.y, this.start] = [this.sx, this.sy, true];
  }
  beginPath() {
    // A new shape: nothing to write (moveTo starts it).
  }
  arc() {
    // Only for point geometries, which the map does not draw as paths.
  }
  result() {
    const d = this.out;
    [this.out, this.x, this.y, this.start] = ['', 0, 0, true];
    return d;
  }
}

/** A number after another: a minus sign separates by itself, anything else needs a space. */
const num = (n: number, first = false) => (first || n < 0 ? `${n}` : ` ${n}`);

/** Points at one spot spread on a small circle, so that each stays visible and clickable. */
function spread(points: MapPoint[]): MapPoint[] {
  const groups = new Map<string, MapPoint[]>();
  for (const p of points) groups.set(`${p.x},${p.y}`, [...(groups.get(`${p.x},${p.y}`) ?? []), p]);
  return [...groups.values()].flatMap((group) =>
    group.length === 1
      ? group
      : group.map((p, i) => {
          const angle = (2 * Math.PI * i) / group.length;
          return { ...p, x: round(p.x + 6 * Math.cos(angle)), y: round(p.y + 6 * Math.sin(angle)) };
        }),
  );
}

function projectionFor(shapes: Shape[]): GeoProjection {
  const main: FeatureCollection = {
    type: 'FeatureCollection',
    features: shapes.filter((s) => s.properties.code !== INSET_CODE),
  };
  return geoTransverseMercator()
    .rotate([-10.5, -56])
    .fitExtent(
      [
        [PAD, PAD],
        [MAP_WIDTH - PAD, MAP_HEIGHT - PAD],
      ],
      main,
    );
}

let cached: { data: SiteData; model: MapModel } | undefined;

/** The map of this build's data (memoised: every page with a map shares it). */
export function mapModel(data: SiteData): MapModel {
  if (cached?.data === data) return cached.model;
  const model = buildMapModel(data);
  cached = { data, model };
  return model;
}

export function buildMapModel(data: SiteData): MapModel {
  const shapes = municipalityShapes(data.municipalities);
  const mainProjection = projectionFor([...shapes.values()]);
  const writer = new CompactPath();
  const outline = (projection: GeoProjection) => {
    const path = geoPath(projection, writer);
    return (shape: Shape) => {
      path(shape);
      return writer.result();
    };
  };
  const mainPath = outline(mainProjection);
  // Bornholm: the same projection moved so that its bounds sit in the middle of the box.
  const bornholm = [...shapes.values()].find((s) => s.properties.code === INSET_CODE);
  const [[bx0, by0], [bx1, by1]] = bornholm
    ? geoPath(mainProjection).bounds(bornholm)
    : [
        [0, 0],
        [0, 0],
      ];
  const [tx, ty] = mainProjection.translate();
  const insetProjection = projectionFor([...shapes.values()]).translate([
    tx + INSET.x + (INSET.width - (bx1 - bx0)) / 2 - bx0,
    ty + INSET.y + (INSET.height - (by1 - by0)) / 2 - by0,
  ]);
  const insetPath = outline(insetProjection);
  const place = (code: string | undefined, lon: number, lat: number) => {
    const p = (code === INSET_CODE ? insetProjection : mainProjection)([lon, lat]);
    return p && { x: round(p[0]), y: round(p[1]) };
  };

  const members = new Map<string, number>();
  for (const m of data.members) members.set(m.data.municipality, (members.get(m.data.municipality) ?? 0) + 1);
  const networks = new Map<string, number>();
  for (const n of data.networks)
    for (const id of new Set(n.data.municipalities)) networks.set(id, (networks.get(id) ?? 0) + 1);

  const withPage = new Set(municipalitiesWithContent(data));
  const areas: MapArea[] = [];
  for (const [id, shape] of shapes) {
    const m = data.municipalities.get(id)!;
    const count = members.get(id) ?? 0;
    const d = (m.code === INSET_CODE ? insetPath : mainPath)(shape);
    if (!d) continue;
    areas.push({
      id,
      name: m.name,
      region: m.region,
      members: count,
      networks: networks.get(id) ?? 0,
      shade: shadeOf(count),
      hasPage: withPage.has(id),
      d,
    });
  }

  const points: MapPoint[] = [];
  for (const n of data.networks) {
    if (n.data.nationwide || n.data.kind === 'online') continue;
    const home = data.municipalities.get(n.data.municipalities[0]!);
    if (!home) continue;
    const at = n.data.location ?? { lat: home.lat, lon: home.lon };
    const p = place(home.code, at.lon, at.lat);
    if (p) points.push({ id: n.id, name: n.data.name, ...p });
  }

  const top = Math.max(0, ...areas.map((a) => a.shade));
  const shades = SHADE_FROM.slice(0, top + 1).map((from, shade) => ({
    shade,
    from,
    to: shade < top ? SHADE_FROM[shade + 1]! - 1 : undefined,
  }));
  return { areas, points: spread(points), inset: bornholm ? INSET : undefined, shades };
}
