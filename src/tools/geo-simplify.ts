import { neighbors, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, filterWeight, presimplify, quantile, simplify } from 'topojson-simplify';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';

/**
 * Turns a country's municipality boundaries (GeoJSON, one feature per polygon, each with its
 * official code) into the small topology the site draws its maps from (src/site/geo/). Done once
 * by `npm run geo:simplify`; the result is committed. A topology shares each border between its
 * two municipalities, so simplifying it never opens gaps, and tells which municipalities touch.
 */

export interface SimplifyOptions {
  /** The property that holds a feature's official code ("lau_1" in DAGI's file). */
  codeProperty: string;
  /** Keep only these codes (the taxonomy's); others (Christiansø, not a municipality) are dropped. */
  codes: Set<string>;
  /** The share of points kept (0–1): 0.05 keeps the detail a page-sized map needs. */
  keep: number;
  /** Islands smaller than this, in square degrees, are dropped (1e-4 is about 0.7 km² here). */
  minArea: number;
}

const flat = (ring: Position[]) => ring.map(([lon, lat]) => [lon!, lat!]);

/** One MultiPolygon feature per code, with the third coordinate (-999 in DAGI's file) dropped. */
export function byCode(geo: FeatureCollection, options: Pick<SimplifyOptions, 'codeProperty' | 'codes'>) {
  const polygons = new Map<string, Position[][][]>();
  for (const feature of geo.features) {
    const code = String(feature.properties?.[options.codeProperty] ?? '');
    if (!options.codes.has(code)) continue;
    const geometry = feature.geometry as Polygon | MultiPolygon;
    const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    polygons.set(code, [...(polygons.get(code) ?? []), ...parts.map((p) => p.map(flat))]);
  }
  const features: Feature<MultiPolygon, { code: string }>[] = [...polygons]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, coordinates]) => ({
      type: 'Feature',
      id: code,
      properties: { code },
      geometry: { type: 'MultiPolygon', coordinates },
    }));
  return { type: 'FeatureCollection' as const, features };
}

/** The simplified topology, its one object `municipalities` holding a geometry per code. */
export function simplifyMunicipalities(geo: FeatureCollection, options: SimplifyOptions): Topology<Objects<{}>> {
  const merged = byCode(geo, options);
  const missing = [...options.codes].filter((c) => !merged.features.some((f) => f.id === c));
  if (missing.length > 0)
    throw new Error(`no boundary for code(s) ${missing.join(', ')} — ingen grænse for kode(r) ${missing.join(', ')}`);
  // topojson-server types its result with GeoJSON's nullable properties, topojson-simplify takes {}.
  let topo = topology({ municipalities: merged }, 1e5) as unknown as Topology<Objects<{}>>;
  topo = presimplify(topo);
  // quantile(p) is the weight that p of the points reach: keep that share of them.
  topo = simplify(topo, quantile(topo, options.keep));
  topo = filter(topo, filterWeight(topo, options.minArea));
  // presimplify turned the quantized arcs into absolute coordinates with a weight each: back to
  // small integers (about 40 m on a map of Denmark), which is also what keeps the file small.
  return quantize(topo, 1e4);
}

/** Which codes share a border, from the topology's shared arcs. */
export function neighbourCodes(topo: Topology<Objects<{}>>): Map<string, string[]> {
  const geometries = (topo.objects.municipalities as GeometryCollection<{ code: string }>).geometries;
  const codeOf = (g: (typeof geometries)[number]) => (g.properties as { code: string }).code;
  const lists = neighbors(geometries as Parameters<typeof neighbors>[0]);
  return new Map(
    geometries.map((g, i) => [
      codeOf(g),
      lists[i]!.map((j) => codeOf(geometries[j]!))
        .filter((c) => c !== codeOf(g))
        .sort((a, b) => a.localeCompare(b)),
    ]),
  );
}
