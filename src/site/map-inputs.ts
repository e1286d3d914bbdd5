import { municipalitiesWithContent } from './municipality.ts';
import type { SiteData } from './site-data.ts';

/**
 * Everything the map (src/site/map.ts) shows, for the `inputs` of a route row whose page has it:
 * the members' municipalities, the networks' places, and which municipalities have a page (an
 * event's place gives one). Apart from map.ts so the route table, which the CMS bundles, does not
 * take the boundaries and d3-geo with it.
 */
export function mapInputs(data: SiteData): unknown {
  return [
    data.members.map((m) => m.data.municipality),
    data.networks.map((n) => [
      n.id,
      n.data.name,
      n.data.kind,
      n.data.nationwide,
      n.data.municipalities,
      n.data.location,
    ]),
    municipalitiesWithContent(data),
  ];
}
