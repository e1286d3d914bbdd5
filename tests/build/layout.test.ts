import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_DIST } from './global-setup.ts';
import { launchChromium } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await serveStatic(TEST_DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function pageAt(viewport: { width: number; height: number }, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport, javaScriptEnabled });
  contexts.push(context);
  return context.newPage();
}

/** An element's box in page coordinates (top from the top of the document). */
const box = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, height: r.height };
    });

describe('a phone', () => {
  // Pages with wide tables (the barometer, the municipalities, the map's figures opened): a table
  // scrolls by itself, the page never sideways.
  const wide = ['/barometer/2025/', '/en/barometer/2025/', '/kommuner/', '/kommuner/guldborgsund/', '/medlemmer/'];
  it(`never scrolls sideways, also with the map's table opened (${wide.join(', ')})`, async () => {
    const page = await pageAt(PHONE);
    for (const path of wide) {
      await page.goto(`${server.url}${path}`);
      for (const details of await page.locator('details.map-table').all())
        await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(PHONE.width);
    }
  });
});

describe('the header', () => {
  for (const path of ['/', '/en/', '/medlemmer/anne-soerensen/']) {
    it(`takes at most 130 px of a phone's first screen (${path})`, async () => {
      const page = await pageAt(PHONE);
      await page.goto(`${server.url}${path}`);
      expect((await box(page, '.site-header')).height).toBeLessThanOrEqual(130);
      // Nothing sticks out sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    });

    it(`has brand, menu and language switch on one row at 1280 px (${path})`, async () => {
      const page = await pageAt(DESKTOP);
      await page.goto(`${server.url}${path}`);
      const nav = await box(page, '.site-nav');
      const lang = await box(page, '.lang-switch');
      const brand = await box(page, '.brand');
      expect(lang.top).toBeLessThan(nav.bottom);
      expect(nav.top).toBeLessThan(brand.bottom);
      expect(lang.left).toBeGreaterThan(nav.left);
      const rows = await page
        .locator('.site-nav a')
        .evaluateAll((links) => new Set(links.map((a) => Math.round(a.getBoundingClientRect().top))).size);
      expect(rows, 'rows of menu').toBe(1);
    });
  }
});

describe('a member page on a phone', () => {
  for (const path of ['/medlemmer/anne-soerensen/', '/en/members/anne-soerensen/']) {
    it(`shows the contact block within the first screen (${path})`, async () => {
      const page = await pageAt(PHONE);
      await page.goto(`${server.url}${path}`);
      expect((await box(page, '.profile aside')).top).toBeLessThan(PHONE.height);
      expect((await box(page, '.profile aside')).top).toBeLessThan((await box(page, '.profile .prose')).top);
    });

    it(`keeps "show e-mail address" on one line, also in the narrow column at 1280 px (${path})`, async () => {
      for (const viewport of [PHONE, DESKTOP]) {
        const page = await pageAt(viewport);
        await page.goto(`${server.url}${path}`);
        const lines = await page
          .locator('button[data-email]')
          .first()
          .evaluate((el) => {
            const range = document.createRange();
            range.selectNodeContents(el);
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
          });
        expect(lines, `${viewport.width} px`).toBe(1);
      }
    });
  }
});

describe('without JavaScript', () => {
  it('shows no button that would do nothing, on any kind of page', async () => {
    const page = await pageAt(PHONE, false);
    const dead: string[] = [];
    for (const path of [
      '/',
      '/medlemmer/',
      '/medlemmer/anne-soerensen/',
      '/blog/',
      '/blog/aarsafslutning-i-enkeltmandsvirksomheden/',
      '/netvaerk/',
      '/netvaerk/mikronet/',
      '/arrangementer/',
      '/arrangementer/julefrokost-2026/',
      '/kontakt/',
      '/soeg/?q=moms',
      '/en/search/?q=vat',
    ]) {
      await page.goto(`${server.url}${path}`);
      const buttons = await page
        .locator('button, input[type=submit], input[type=search]')
        .evaluateAll((els) => els.filter((el) => el.checkVisibility()).map((el) => el.outerHTML.slice(0, 80)));
      dead.push(...buttons.map((b) => `${path}: ${b}`));
    }
    expect(dead).toEqual([]);
  });

  it('offers no search form on the home page, but links to the lists instead', async () => {
    const page = await pageAt(PHONE, false);
    await page.goto(`${server.url}/`);
    expect(await page.locator('form[role=search]').isVisible()).toBe(false);
    for (const href of ['/medlemmer/', '/blog/', '/netvaerk/', '/arrangementer/'])
      expect(await page.locator(`.hero a.chip[href="${href}"]`).isVisible(), href).toBe(true);
  });

  it('filters the network wiki and says when nothing matches', async () => {
    const page = await pageAt(DESKTOP, false);
    await page.goto(`${server.url}/netvaerk/`);
    const visibleCards = () => page.locator('.wiki .grid > li:visible').count();
    const all = await visibleCards();
    expect(all).toBeGreaterThan(5);
    expect(await page.locator('.wiki-empty').isVisible()).toBe(false);
    await page.locator('#kind-online').check();
    const online = await visibleCards();
    expect(online).toBeGreaterThan(0);
    expect(online).toBeLessThan(all);
    // Some kind is found in fewer regions than all: choose one of those pairs.
    const empty = await page.evaluate(() => {
      const cards = [...document.querySelectorAll<HTMLElement>('.wiki .grid > li')];
      const kinds = [...document.querySelectorAll<HTMLInputElement>('input[name=kind]')].map((i) => i.value);
      const regions = [...document.querySelectorAll<HTMLInputElement>('input[name=region]')].map((i) => i.value);
      for (const k of kinds.filter(Boolean))
        for (const r of regions.filter(Boolean))
          if (!cards.some((c) => c.dataset.kind === k && (c.dataset.regions ?? '').split(' ').includes(r)))
            return { k, r };
      return undefined;
    });
    expect(empty, 'the sample has a kind missing from some region').toBeDefined();
    await page.locator(`#kind-${empty!.k}`).check();
    await page.locator(`#region-${empty!.r}`).check();
    expect(await visibleCards()).toBe(0);
    expect(await page.locator('.wiki-empty').isVisible()).toBe(true);
  });

  it('shows no social links from the sample settings, which list none', async () => {
    const page = await pageAt(DESKTOP, false);
    await page.goto(`${server.url}/kontakt/`);
    const hrefs = await page.locator('footer a, main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.filter((h) => /linkedin|mastodon|\.example/.test(h ?? ''))).toEqual([]);
  });
});

describe('with JavaScript, state in the address', () => {
  it('keeps the wiki filter in the address and restores it from there', async () => {
    const page = await pageAt(DESKTOP);
    await page.goto(`${server.url}/netvaerk/`);
    await page.locator('#kind-online').check();
    expect(new URL(page.url()).searchParams.get('kind')).toBe('online');
    await page.goto(`${server.url}/netvaerk/?kind=online`);
    expect(await page.locator('#kind-online').isChecked()).toBe(true);
  });

  it('takes the query along when switching language', async () => {
    const page = await pageAt(DESKTOP);
    await page.goto(`${server.url}/netvaerk/?kind=online`);
    await page.locator('.lang-switch').click();
    await page.waitForURL(/\/en\/networks\//);
    expect(new URL(page.url()).search).toBe('?kind=online');
    expect(await page.locator('#kind-online').isChecked()).toBe(true);
  });

  it('takes a search along from the search page to its other language', async () => {
    const page = await pageAt(DESKTOP);
    await page.goto(`${server.url}/soeg/?q=moms`);
    await page.locator('.lang-switch').click();
    await page.waitForURL(/\/en\/search\//);
    expect(new URL(page.url()).searchParams.get('q')).toBe('moms');
  });
});
