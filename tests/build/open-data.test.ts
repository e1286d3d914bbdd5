import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIST, TEST_NOW } from './global-setup.ts';
import { ROOT } from '../helpers/build.ts';
import { launchChromium } from '../helpers/browser.ts';
import { NO_REPORTS, reports, watchedContext } from '../helpers/csp-watch.ts';
import { serveSite, type SiteServer } from '../../src/tools/static-server.ts';
import { validateContent, type ValidEntry } from '../../src/lib/content/validate.ts';
import { readTaxonomies } from '../../src/lib/content/taxonomies.ts';
import { municipalityNeighbours } from '../../src/site/geo.ts';
import type { Municipality } from '../../src/site/site-data.ts';

/**
 * Open data for partners (/data/): JSON and GeoJSON that parse, hold only listed members' public
 * fields, and per municipality exactly that municipality's entries; the embed script renders a
 * municipality's list on another site, under that site's strict CSP, with data as text only.
 */

const contentDir = process.env.CONTENT_DIR || path.join(ROOT, 'content');
let entries: ValidEntry[];
const of = (c: string) => entries.filter((e) => e.collection === c);
const neighbours = municipalityNeighbours(
  new Map((readTaxonomies(contentDir).municipalities as Municipality[]).map((m) => [m.id, m] as const)),
);
const dataDir = path.join(TEST_DIST, 'data');
const files = () =>
  fs
    .readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(geo)?json$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
const json = (file: string) => JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8'));

interface Dataset {
  municipality: { id: string } | null;
  members: { id: string; municipality: string }[];
  networks: { id: string }[];
  events: { id: string }[];
}

beforeAll(() => {
  entries = validateContent(contentDir).entries;
});

const now = new Date(TEST_NOW);
const upcoming = () =>
  of('events').filter((e) => ((e.data.end ?? e.data.start) as Date) >= now && e.data.recurrence === undefined);
const listed = () => of('members').filter((m) => m.data.listed === true);

describe('open data', () => {
  it('carries no e-mail address, phone number or CVR number, and no unlisted member, in any file', () => {
    const all = files();
    expect(all.length).toBeGreaterThan(20);
    const secrets = [
      ...of('members').flatMap((m) => [m.data.email, m.data.phone, m.data.cvr]),
      ...of('wiki').map((n) => n.data.contact_email),
    ].filter((v): v is string => typeof v === 'string');
    const unlisted = of('members').filter((m) => m.data.listed !== true);
    expect(unlisted.length).toBeGreaterThan(0);
    for (const file of all) {
      const text = fs.readFileSync(file, 'utf8');
      expect(() => JSON.parse(text), file).not.toThrow();
      expect(text, file).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
      expect(text, file).not.toMatch(/"(email|phone|cvr|contact_email)"/);
      for (const s of secrets) expect(text, file).not.toContain(s);
      for (const u of unlisted) {
        expect(text, file).not.toContain(`"${u.slug}"`);
        expect(text, file).not.toContain(String(u.data.name));
      }
    }
  });

  it('for the whole network: every listed member, every network, the coming events', () => {
    const d = json('network.json') as Dataset;
    expect(d.municipality).toBeNull();
    expect(d.members.map((m) => m.id).sort()).toEqual(
      listed()
        .map((m) => m.slug)
        .sort(),
    );
    expect(d.networks.map((n) => n.id).sort()).toEqual(
      of('wiki')
        .map((n) => n.slug)
        .sort(),
    );
    const ids = d.events.map((e) => e.id);
    for (const e of upcoming()) expect(ids).toContain(e.slug);
  });

  it('per municipality: exactly its members, its networks with the nationwide and online ones, and events there, next door or online', () => {
    const perMunicipality = fs.readdirSync(path.join(dataDir, 'municipalities')).filter((f) => f.endsWith('.json'));
    expect(perMunicipality.length).toBe(fs.readdirSync(path.join(TEST_DIST, 'kommuner')).length - 1);
    for (const file of perMunicipality) {
      const id = file.slice(0, -'.json'.length);
      const d = json(`municipalities/${file}`) as Dataset;
      expect(d.municipality?.id).toBe(id);
      expect(d.members.map((m) => m.id).sort(), id).toEqual(
        listed()
          .filter((m) => m.data.municipality === id)
          .map((m) => m.slug)
          .sort(),
      );
      expect(d.networks.map((n) => n.id).sort(), id).toEqual(
        of('wiki')
          .filter(
            (n) =>
              (n.data.municipalities as string[]).includes(id) ||
              n.data.nationwide === true ||
              n.data.kind === 'online',
          )
          .map((n) => n.slug)
          .sort(),
      );
      const near = new Set([id, ...(neighbours.get(id) ?? [])]);
      const expected = upcoming()
        .filter((e) => {
          const venue = e.data.venue as { municipality: string } | undefined;
          return venue === undefined || near.has(venue.municipality);
        })
        .map((e) => e.slug);
      const ids = d.events.map((e) => e.id);
      for (const e of expected) expect(ids, id).toContain(e);
      // Recurring events are in the list by their next date; every other event in it is one of these.
      const recurring = new Set(
        of('events')
          .filter((e) => e.data.recurrence !== undefined)
          .map((e) => e.slug),
      );
      expect(ids.filter((e) => !recurring.has(e)).sort(), id).toEqual(expected.sort());
    }
  });

  it('GeoJSON: a FeatureCollection of points at [lon, lat] inside Denmark, the same entries as the JSON', () => {
    const geo = files().filter((f) => f.endsWith('.geojson'));
    expect(geo.length).toBeGreaterThan(10);
    for (const file of geo) {
      const g = JSON.parse(fs.readFileSync(file, 'utf8'));
      expect(g.type).toBe('FeatureCollection');
      for (const f of g.features) {
        expect(f.type).toBe('Feature');
        expect(f.geometry.type).toBe('Point');
        const [lon, lat] = f.geometry.coordinates;
        expect(lon, file).toBeGreaterThanOrEqual(8);
        expect(lon, file).toBeLessThanOrEqual(15.3);
        expect(lat, file).toBeGreaterThanOrEqual(54.5);
        expect(lat, file).toBeLessThanOrEqual(57.8);
        expect(['member', 'network', 'event']).toContain(f.properties.type);
      }
      const d = JSON.parse(fs.readFileSync(file.replace(/\.geojson$/, '.json'), 'utf8')) as Dataset;
      const count = (type: string) =>
        g.features.filter((f: { properties: { type: string } }) => f.properties.type === type).length;
      expect(count('member'), file).toBe(d.members.length);
      expect(count('network'), file).toBe(d.networks.length);
    }
  });

  it('may be fetched by any site (Access-Control-Allow-Origin: *)', () => {
    const headers = fs.readFileSync(path.join(TEST_DIST, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/data\/\*\n\s+Access-Control-Allow-Origin: \*$/m);
  });
});

describe('the embed script on another site', () => {
  let site: SiteServer;
  let host: http.Server;
  let hostUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    site = await serveSite({ dir: TEST_DIST });
    const siteOrigin = new URL(site.url).origin;
    const script = fs.readFileSync(path.join(dataDir, 'embed.js'), 'utf8');
    // A municipality's page with a strict policy of its own: scripts and data only from the network's site.
    host = http.createServer((req, res) => {
      const policy = `default-src 'none'; script-src ${siteOrigin} 'self'; connect-src ${siteOrigin} 'self'`;
      if (req.url === '/') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': policy });
        res.end(`<!doctype html><html lang="da"><title>Kommunen</title><h1>Ny virksomhed?</h1>
<div data-kommune="guldborgsund" data-lang="da"></div><div data-kommune="lolland" data-lang="en"></div>
<script src="${siteOrigin}/data/embed.js" async></script>`);
      } else if (req.url === '/hostile') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': policy });
        res.end(
          `<!doctype html><html lang="da"><title>x</title><div data-kommune="evil"></div><script src="/data/embed.js"></script>`,
        );
      } else if (req.url === '/data/embed.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript' });
        res.end(script);
      } else if (req.url === '/data/municipalities/evil.json') {
        const evil = '<img src=x onerror="window.pwned=1">';
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            source: 'https://example.org/',
            municipality: { name: evil },
            members: [{ name: evil, business: evil, url: { da: 'javascript:window.pwned=1' } }],
            networks: [],
            events: [],
          }),
        );
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await site?.close();
  });

  it('renders each municipality list from its JSON, in the asked language, with no policy violation', async () => {
    const w = await watchedContext(browser);
    const page = await w.context.newPage();
    await page.goto(`${hostUrl}/`);
    await page.waitForSelector('[data-kommune="lolland"] .open-data-list');
    await page.waitForSelector('[data-kommune="guldborgsund"] .open-data-list');
    const d = json('municipalities/guldborgsund.json') as Dataset;
    const items = await page.locator('[data-kommune="guldborgsund"] li').count();
    expect(items).toBe(d.members.length + d.networks.length + d.events.length);
    const links = await page
      .locator('[data-kommune="guldborgsund"] a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    expect(links).toContain('https://mikronet.dk/medlemmer/anne-soerensen/');
    expect(links.at(-1)).toBe('https://mikronet.dk/kommuner/guldborgsund/');
    expect(await page.locator('[data-kommune="lolland"] h3').first().textContent()).toBe('Members');
    expect(reports(w)).toEqual(NO_REPORTS);
    await w.context.close();
  });

  it('shows data as text: markup in a name stays text, and a javascript: link gets no address', async () => {
    const w = await watchedContext(browser);
    const page = await w.context.newPage();
    await page.goto(`${hostUrl}/hostile`);
    await page.waitForSelector('.open-data-list');
    expect(await page.locator('.open-data-list img').count()).toBe(0);
    expect(await page.locator('.open-data-list li').first().textContent()).toContain('<img src=x');
    expect(await page.locator('.open-data-list li a').first().getAttribute('href')).toBeNull();
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    await w.context.close();
  });
});
