import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TEST_DIST } from './global-setup.ts';
import { ROOT } from '../helpers/build.ts';
import { launchChromium } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { validateContent, type ValidEntry } from '../../src/lib/content/validate.ts';
import { useTranslations } from '../../src/i18n/ui.ts';
import { languageName } from '../../src/lib/labels.ts';

const contentDir = process.env.CONTENT_DIR || path.join(ROOT, 'content');
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let page: Page;
let members: ValidEntry[];
let trades: Map<string, { da: string; en: string }>;

beforeAll(async () => {
  const content = validateContent(contentDir);
  members = content.entries.filter((e) => e.collection === 'members');
  trades = new Map(content.taxonomies.trades.map((t) => [t.id, t]));
  server = await serveStatic(TEST_DIST);
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Runs a query against the real Pagefind index through its browser API, on a page of the given
 * language, with the bundles that page names (merged, when the index is split). The script goes to the browser as text, untouched by the test runner's transforms.
 */
async function pagefindSearch(pagePath: string, query: string | null, filters: Record<string, unknown>) {
  await page.goto(`${server.url}${pagePath}`);
  const script = `(async () => {
    const named = document.querySelector('[data-bundles]');
    const bundles = named ? JSON.parse(named.dataset.bundles) : ['/pagefind/'];
    const pf = await import(bundles[0] + 'pagefind.js');
    await pf.init();
    await Promise.all(bundles.slice(1).map((b) => pf.mergeIndex(b)));
    await pf.filters();
    const res = await pf.search(${JSON.stringify(query)}, { filters: ${JSON.stringify(filters)} });
    const data = await Promise.all(res.results.map((r) => r.data()));
    return { urls: data.map((d) => d.url).sort(), filters: res.filters };
  })()`;
  return (await page.evaluate(script)) as { urls: string[]; filters: Record<string, Record<string, number>> };
}

const listedWithTrade = (trade: string) =>
  members
    .filter((m) => m.data.listed && (m.data.trades as string[]).includes(trade))
    .map((m) => m.slug)
    .sort();

describe('the directory search', () => {
  it('returns exactly the listed members of a trade when filtered by it (Danish index)', async () => {
    const expected = listedWithTrade('it-data');
    expect(expected.length).toBeGreaterThan(1);
    const { urls } = await pagefindSearch('/medlemmer/', null, { type: 'Medlem', trade: trades.get('it-data')!.da });
    expect(urls).toEqual(expected.map((s) => `/medlemmer/${s}/`));
  });

  it('keeps English pages in their own index, with English facet values', async () => {
    const expected = listedWithTrade('it-data');
    const { urls } = await pagefindSearch('/en/members/', null, { type: 'Member', trade: trades.get('it-data')!.en });
    expect(urls).toEqual(expected.map((s) => `/en/members/${s}/`));
  });

  it('counts results per facet value', async () => {
    const { filters } = await pagefindSearch('/medlemmer/', null, { type: 'Medlem' });
    const listed = members.filter((m) => m.data.listed);
    for (const [id, t] of trades) {
      const n = listed.filter((m) => (m.data.trades as string[]).includes(id)).length;
      if (n > 0) expect(filters.trade?.[t.da], t.da).toBe(n);
    }
    expect(Object.keys(filters.municipality ?? {}).length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(filters.region ?? {}).length).toBeGreaterThan(1);
    expect(Object.keys(filters.open_to ?? {}).length).toBeGreaterThan(1);
    expect(Object.keys(filters.language ?? {}).length).toBeGreaterThan(1);
  });

  it('never finds an unlisted member', async () => {
    const unlisted = members.filter((m) => !m.data.listed);
    expect(unlisted.length).toBeGreaterThan(0);
    for (const m of unlisted) {
      const { urls } = await pagefindSearch('/medlemmer/', String(m.data.name), {});
      expect(urls.filter((u) => u.includes(m.slug))).toEqual([]);
      const { urls: all } = await pagefindSearch('/medlemmer/', String(m.data.name).split(' ').at(-1)!, {
        type: 'Medlem',
      });
      expect(all).not.toContain(`/medlemmer/${m.slug}/`);
    }
  });

  it('shows filtered results and live counts in the directory page itself', async () => {
    const label = trades.get('it-data')!.da;
    await page.goto(`${server.url}/medlemmer/?trade=${encodeURIComponent(label)}`);
    const status = page.locator('#search-status');
    const expected = listedWithTrade('it-data');
    const t = useTranslations('da');
    await expect
      .poll(() => status.textContent())
      .toBe(expected.length === 1 ? t('search.resultOne') : t('search.results', { n: expected.length }));
    const hrefs = await page.locator('[data-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual(expected.map((s) => `/medlemmer/${s}/`));
    expect(await page.locator(`input[name="trade"][value="${label}"]`).isChecked()).toBe(true);
    expect(await page.locator('[data-static-list]').isHidden()).toBe(true);
  });
});

describe('the directory page without a search', () => {
  it('shows the build-time list until a search, then the results 24 at a time, with "Vis flere" for the rest', async () => {
    await page.goto(`${server.url}/medlemmer/`);
    expect(await page.locator('[data-static-list] .card').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-static-list]').isVisible()).toBe(true);
    const danish = members.filter((m) => m.data.listed && (m.data.languages as string[]).includes('da'));
    expect(danish.length).toBeGreaterThan(24);
    await page
      .locator('details.search__filters, details[data-facet="language"]')
      .evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await page.locator(`input[name="language"][value="${languageName('da', 'da')}"]`).check();
    const cards = page.locator('[data-results] a');
    await expect.poll(() => cards.count()).toBe(24);
    expect(await page.locator('[data-static-list]').isHidden()).toBe(true);
    const more = page.getByRole('button', { name: 'Vis flere' });
    // A double click must not show the same batch twice.
    await more.dblclick();
    for (let shown = 48; shown < danish.length; shown += 24) await more.click();
    await expect.poll(() => cards.count()).toBe(danish.length);
    await page.waitForTimeout(300);
    expect(await cards.count()).toBe(danish.length);
    const hrefs = await cards.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual(danish.map((m) => `/medlemmer/${m.slug}/`).sort());
    expect(await more.isHidden()).toBe(true);
    // Clearing the filters brings back the list the page came with.
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
    await expect.poll(() => page.locator('[data-static-list]').isVisible()).toBe(true);
    expect(await page.locator('[data-results] a').count()).toBe(0);
    expect(new URL(page.url()).search).toBe('');
  });
});

describe('the site-wide search', () => {
  it('covers members, posts, networks and events, filterable by content type', async () => {
    const { filters } = await pagefindSearch('/soeg/', null, {});
    expect(Object.keys(filters.type ?? {}).sort()).toEqual(['Arrangement', 'Blogindlæg', 'Medlem', 'Netværk']);
    const networks = await pagefindSearch('/soeg/', null, { type: 'Netværk' });
    expect(networks.urls.length).toBeGreaterThan(0);
    expect(networks.urls.every((u) => u.startsWith('/netvaerk/'))).toBe(true);
  });
});
