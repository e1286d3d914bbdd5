import type { Lang } from '../i18n/locale.ts';
import { eventPath, memberPath, networkPath, OPEN_DATA_ROOT, openDataPath } from '../i18n/urls.ts';
import type { Member, Network, SiteData, SiteEvent } from './site-data.ts';
import { coversEverywhere, municipalitiesWithContent, municipalityPage } from './municipality.ts';

/**
 * Open data for partners (municipalities, business councils, researchers): the listed members'
 * public fields, the networks and the coming events, for the whole network and per municipality,
 * as JSON and GeoJSON under /data/ (src/pages/data/[...file].ts). Only what the site already
 * shows to anyone: never an e-mail address, a phone number, a CVR number or an unlisted member
 * (they are not in SiteData at all). The shape is documented in docs/OPEN-DATA.md; change both.
 */

export const OPEN_DATA_VERSION = 1;
export type OpenDataFormat = 'json' | 'geojson';

type Urls = Record<Lang, string>;

export interface OpenMunicipality {
  id: string;
  name: string;
  code: string | null;
  region: string;
}

export interface OpenMember {
  id: string;
  name: string;
  business: string | null;
  trades: { id: string; da: string; en: string }[];
  municipality: string;
  services: string[];
  website: string | null;
  url: Urls;
}

export interface OpenNetwork {
  id: string;
  name: string;
  kind: string;
  municipalities: string[];
  nationwide: boolean;
  /** Nationwide or online: open to anyone anywhere. */
  everywhere: boolean;
  audience: string;
  meets: string | null;
  website: string | null;
  location: { lat: number; lon: number } | null;
  url: Urls;
}

export interface OpenEvent {
  id: string;
  title: string;
  lang: Lang;
  start: string;
  end: string | null;
  status: string;
  venue: { name: string; address: string | null; municipality: string } | null;
  online: boolean;
  price: string | null;
  registration_url: string | null;
  network: string | null;
  url: Urls;
}

export interface OpenDataset {
  version: number;
  source: string;
  licence: string;
  /** null for the whole network. */
  municipality: OpenMunicipality | null;
  municipalities: OpenMunicipality[];
  members: OpenMember[];
  networks: OpenNetwork[];
  events: OpenEvent[];
}

export const OPEN_DATA_LICENCE =
  'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/): credit the network and link to its site.';

const both = (site: URL, path: (lang: Lang) => string): Urls => ({
  da: new URL(path('da'), site).href,
  en: new URL(path('en'), site).href,
});

const or = <T>(value: T | undefined): T | null => value ?? null;

function openMember(m: Member, data: SiteData, site: URL): OpenMember {
  const d = m.data;
  return {
    id: m.id,
    name: d.name,
    business: or(d.business),
    trades: d.trades.map((id) => ({ id, da: data.trades.get(id)?.da ?? id, en: data.trades.get(id)?.en ?? id })),
    municipality: d.municipality,
    services: d.services ?? [],
    website: or(d.website),
    url: both(site, (lang) => memberPath(lang, m.id)),
  };
}

function openNetwork(n: Network, site: URL): OpenNetwork {
  const d = n.data;
  return {
    id: n.id,
    name: d.name,
    kind: d.kind,
    municipalities: d.municipalities,
    nationwide: d.nationwide === true,
    everywhere: coversEverywhere(n),
    audience: d.audience,
    meets: or(d.meets),
    website: or(d.website),
    location: d.location ? { lat: d.location.lat, lon: d.location.lon } : null,
    url: both(site, (lang) => networkPath(lang, n.id)),
  };
}

function openEvent(e: SiteEvent, site: URL): OpenEvent {
  const d = e.data;
  return {
    id: e.id,
    title: d.title,
    lang: d.lang,
    start: d.start.toISOString(),
    end: d.end ? d.end.toISOString() : null,
    status: d.status,
    venue: d.venue ? { name: d.venue.name, address: or(d.venue.address), municipality: d.venue.municipality } : null,
    online: d.online_url !== undefined,
    price: or(d.price),
    registration_url: or(d.registration_url),
    network: or(d.network),
    url: both(site, (lang) => eventPath(lang, e.id)),
  };
}

function openMunicipality(data: SiteData, id: string): OpenMunicipality {
  const m = data.municipalities.get(id);
  return { id, name: m?.name ?? id, code: or(m?.code), region: m?.region ?? '' };
}

/**
 * The whole network (`municipality` undefined): every listed member, every network, every coming
 * event. One municipality: its members, the networks that name it plus the nationwide and online
 * ones, and the coming events there, in a neighbouring municipality or online — what its page shows.
 */
export function openDataset(data: SiteData, site: URL, municipality?: string): OpenDataset {
  const scope = municipality === undefined ? undefined : municipalityPage(data, municipality);
  const members = scope ? scope.members : data.members;
  const networks = scope ? [...scope.local, ...scope.covering] : data.networks;
  const events = scope ? scope.events.map((e) => e.event) : data.upcoming;
  const places = new Set([
    ...members.map((m) => m.data.municipality),
    ...networks.flatMap((n) => n.data.municipalities),
    ...events.flatMap((e) => (e.data.venue ? [e.data.venue.municipality] : [])),
  ]);
  return {
    version: OPEN_DATA_VERSION,
    source: new URL('/', site).href,
    licence: OPEN_DATA_LICENCE,
    municipality: municipality === undefined ? null : openMunicipality(data, municipality),
    municipalities: [...data.municipalities.keys()]
      .filter((id) => places.has(id))
      .map((id) => openMunicipality(data, id)),
    members: members.map((m) => openMember(m, data, site)),
    networks: networks.map((n) => openNetwork(n, site)),
    events: events.map((e) => openEvent(e, site)),
  };
}

type Point = { type: 'Point'; coordinates: [number, number] };
export interface GeoFeature {
  type: 'Feature';
  geometry: Point;
  properties: Record<string, unknown> & { type: 'member' | 'network' | 'event' };
}
export interface GeoCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

/**
 * The same entries as GeoJSON points ([lon, lat], RFC 7946): a member and an event at their
 * municipality's main town, a network at its own `location` or else at the main town of its first
 * municipality (of this municipality, in a municipality's file). Online events have no place and
 * are left out.
 */
export function openGeoJson(dataset: OpenDataset, data: SiteData): GeoCollection {
  const town = (id: string): Point | undefined => {
    const m = data.municipalities.get(id);
    return m ? { type: 'Point', coordinates: [m.lon, m.lat] } : undefined;
  };
  const here = dataset.municipality?.id;
  const features: GeoFeature[] = [];
  const add = (geometry: Point | undefined, type: GeoFeature['properties']['type'], properties: object) => {
    if (geometry) features.push({ type: 'Feature', geometry, properties: { type, ...properties } });
  };
  for (const m of dataset.members) add(town(m.municipality), 'member', m);
  for (const n of dataset.networks) {
    const place = here && n.municipalities.includes(here) ? here : n.municipalities[0];
    add(
      n.location ? { type: 'Point', coordinates: [n.location.lon, n.location.lat] } : place ? town(place) : undefined,
      'network',
      n,
    );
  }
  for (const e of dataset.events) if (e.venue) add(town(e.venue.municipality), 'event', e);
  return { type: 'FeatureCollection', features };
}

/** Every file under /data/ but the embed script: the network's and each municipality's JSON and GeoJSON. */
export function openDataFiles(data: SiteData): { file: string; municipality?: string; format: OpenDataFormat }[] {
  const scopes = [undefined, ...municipalitiesWithContent(data)];
  return scopes.flatMap((municipality) =>
    (['json', 'geojson'] as const).map((format) => ({
      file: openDataPath(format, municipality).slice(OPEN_DATA_ROOT.length),
      format,
      ...(municipality !== undefined && { municipality }),
    })),
  );
}

/** A dataset as the endpoint serves it: stable key order, two-space indent, a final newline. */
export function openDataResponse(body: unknown, format: OpenDataFormat): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: {
      'Content-Type': format === 'json' ? 'application/json; charset=utf-8' : 'application/geo+json; charset=utf-8',
    },
  });
}
