import { feature, neighbors } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import boundaries from './geo/municipalities.topo.json' with { type: 'json' };
import type { Municipality } from './site-data.ts';

/**
 * The municipalities' boundaries (src/site/geo/, made by `npm run geo:simplify`), matched to the
 * taxonomy by official code: the shapes the maps draw and which municipalities share a border.
 * A municipality without a code, or whose code the file does not have, has no shape and no
 * neighbours; the pages still work without them.
 */

const topology = boundaries as unknown as Topology<{ municipalities: GeometryCollection<{ code: string }> }>;
const geometries = topology.objects.municipalities.geometries;
/** The official code a geometry carries (every one in the file has one: src/tools/geo-simplify.ts). */
const codeOf = (g: (typeof geometries)[number]) => (g.properties as { code: string }).code;

export type Shape = Feature<Polygon | MultiPolygon, { code: string }>;

/** Municipality id → its boundary, for every taxonomy entry whose code the file has. */
export function municipalityShapes(municipalities: Map<string, Municipality>): Map<string, Shape> {
  const byCode = new Map(geometries.map((g) => [codeOf(g), g]));
  const out = new Map<string, Shape>();
  for (const [id, m] of municipalities) {
    const geometry = m.code ? byCode.get(m.code) : undefined;
    if (geometry) out.set(id, feature(topology, geometry) as Shape);
  }
  return out;
}

/** Municipality id → the ids of the municipalities it shares a border with, in the taxonomy's order. */
export function municipalityNeighbours(municipalities: Map<string, Municipality>): Map<string, string[]> {
  const idByCode = new Map([...municipalities].flatMap(([id, m]) => (m.code ? [[m.code, id] as const] : [])));
  const lists = neighbors(geometries as Parameters<typeof neighbors>[0]);
  const out = new Map<string, string[]>([...municipalities.keys()].map((id) => [id, []]));
  const rank = new Map([...municipalities.keys()].map((id, i) => [id, i]));
  geometries.forEach((g, i) => {
    const id = idByCode.get(codeOf(g));
    if (!id) return;
    // Two parts of one municipality that touch (Haderslev's do) make it its own neighbour.
    const ids = lists[i]!.map((j) => idByCode.get(codeOf(geometries[j]!))).filter(
      (n): n is string => n !== undefined && n !== id,
    );
    out.set(
      id,
      ids.sort((a, b) => rank.get(a)! - rank.get(b)!),
    );
  });
  return out;
}
