import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { readTaxonomies } from '../../src/lib/content/taxonomies.ts';
import { municipalityNeighbours, municipalityShapes } from '../../src/site/geo.ts';
import type { Municipality } from '../../src/site/site-data.ts';
import { byCode, neighbourCodes, simplifyMunicipalities } from '../../src/tools/geo-simplify.ts';

const municipalities = new Map(
  (readTaxonomies('content').municipalities as Municipality[]).map((m) => [m.id, m] as const),
);

describe('the committed boundaries and the municipality taxonomy', () => {
  it('give every municipality of the taxonomy its own code and a shape', () => {
    const codes = [...municipalities.values()].map((m) => m.code);
    expect(codes.every((c) => /^\d{3}$/.test(c ?? ''))).toBe(true);
    expect(new Set(codes).size).toBe(municipalities.size);
    expect(municipalityShapes(municipalities).size).toBe(98);
    expect(municipalities.get('guldborgsund')?.code).toBe('376');
    expect(municipalities.get('aarhus')?.code).toBe('751');
  });

  it('know who shares a border: both ways, never themselves, and islands alone', () => {
    const neighbours = municipalityNeighbours(municipalities);
    for (const [id, list] of neighbours) {
      expect(list).not.toContain(id);
      for (const other of list) expect(neighbours.get(other), `${other} ↔ ${id}`).toContain(id);
    }
    expect(neighbours.get('koebenhavn')).toContain('frederiksberg');
    expect(neighbours.get('lolland')).toEqual(['guldborgsund']);
    for (const island of ['bornholm', 'samsoe', 'laesoe', 'fanoe', 'aeroe']) expect(neighbours.get(island)).toEqual([]);
  });

  it('leave a municipality without a code without shape or neighbours', () => {
    const some = new Map([...municipalities].slice(0, 3));
    const [firstId, first] = [...some][0]!;
    some.set(firstId, { ...first, code: undefined });
    expect(municipalityShapes(some).has(firstId)).toBe(false);
    expect(municipalityNeighbours(some).get(firstId)).toEqual([]);
  });
});

const square = (x: number, y: number, code: string) => ({
  type: 'Feature' as const,
  properties: { lau_1: code },
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, y, -999],
        [x + 1, y, -999],
        [x + 1, y + 1, -999],
        [x, y + 1, -999],
        [x, y, -999],
      ],
    ],
  },
});

describe('npm run geo:simplify (src/tools/geo-simplify.ts)', () => {
  const geo: FeatureCollection = {
    type: 'FeatureCollection',
    features: [square(10, 55, '101'), square(11, 55, '147'), square(14, 55, '101'), square(20, 50, '411')],
  };

  it('makes one shape per listed code, drops the third coordinate and codes not in the taxonomy', () => {
    const merged = byCode(geo, { codeProperty: 'lau_1', codes: new Set(['101', '147']) });
    expect(merged.features.map((f) => f.id)).toEqual(['101', '147']);
    expect(merged.features[0]!.geometry.coordinates).toHaveLength(2);
    expect(merged.features[0]!.geometry.coordinates[0]![0]![0]).toEqual([10, 55]);
  });

  it('finds shared borders, and names a code the boundaries lack', () => {
    const options = { codeProperty: 'lau_1', keep: 1, minArea: 0 };
    const topo = simplifyMunicipalities(geo, { ...options, codes: new Set(['101', '147']) });
    expect(Object.fromEntries(neighbourCodes(topo))).toEqual({ '101': ['147'], '147': ['101'] });
    expect(() => simplifyMunicipalities(geo, { ...options, codes: new Set(['101', '999']) })).toThrow(/999/);
  });
});
