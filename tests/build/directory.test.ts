import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TEST_DIST } from './global-setup.ts';
import { launchChromium } from '../../src/tools/chromium.ts';
import { serveSite, type SiteServer } from '../../src/tools/static-server.ts';

let server: SiteServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveSite({ dir: TEST_DIST });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every Danish filter file of every Pagefind bundle of the build (one bundle, or several merged). */
function danishFilterFiles(): number {
  return fs
    .readdirSync(path.join(TEST_DIST, 'pagefind'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)filter\/da_[^/]+\.pf_filter$/.test(f.split(path.sep).join('/'))).length;
}

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

async function open(path: string, options: { javaScriptEnabled?: boolean; phone?: boolean } = {}) {
  const context = await browser.newContext({
    ...(options.phone === false ? { viewport: { width: 1280, height: 800 } } : PHONE),
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(server.url + path, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  return { page, requested, close: () => context.close() };
}

/** The card's parts as a reader sees them: each element's tag, class and own text, in order. */
const shape = (page: Page, selector: string) =>
  page.locator(selector).evaluate((card) =>
    [card, ...card.querySelectorAll('*')].map((el) => [
      el.tagName,
      el.className,
      [...el.childNodes]
        .filter((n) => n.nodeType === 3)
        .map((n) => n.textContent!.trim())
        .join(''),
      el.getAttribute('href') ?? '',
    ]),
  );

/** WCAG contrast of an element's text against the first opaque background behind it. */
const contrast = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) =>
        [r, g, b]
          .map((v) => v / 255)
          .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
          .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
      let bg: number[] = [255, 255, 255];
      for (let n: Element | null = el; n; n = n.parentElement) {
        const c = rgb(getComputedStyle(n).backgroundColor);
        if (c.length === 3 || c[3] === 1) {
          bg = c.slice(0, 3);
          break;
        }
      }
      const style = getComputedStyle(el);
      if (Number(style.opacity) < 1) return 0;
      const [a, b] = [lum(rgb(style.color).slice(0, 3)), lum(bg)].sort((x, y) => y - x);
      return (a + 0.05) / (b + 0.05);
    });

describe('the directory on a phone (375 × 812)', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`shows the first member card within the first screen ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async () => {
      const { page, close } = await open('/medlemmer/', { javaScriptEnabled });
      try {
        const card = page.locator('main .card').first();
        expect(await card.isVisible()).toBe(true);
        const box = (await card.boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + 40).toBeLessThan(812);
      } finally {
        await close();
      }
    });
  }

  it('keeps the filters behind one closed "Filtre (0 valgt)" disclosure, after the search box', async () => {
    const { page, close } = await open('/medlemmer/');
    try {
      const filters = page.locator('details.search__filters');
      expect(await filters.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await filters.locator('> summary').textContent()).toBe('Filtre (0 valgt)');
      expect(await page.locator('main input[type=checkbox]').first().isVisible()).toBe(false);
      await filters.locator('> summary').click();
      await page.locator('input[name="region"]').first().check();
      await expect.poll(() => filters.locator('> summary').textContent()).toBe('Filtre (1 valgt)');
    } finally {
      await close();
    }
  });

  it('has no box that scrolls inside the page, with every filter open', async () => {
    const { page, close } = await open('/medlemmer/');
    try {
      await page.evaluate(() =>
        document.querySelectorAll('main details').forEach((d) => ((d as HTMLDetailsElement).open = true)),
      );
      const scrollers = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => /(auto|scroll)/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1)
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(scrollers).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('the directory loads search only when it is used', () => {
  it('shows the build-time list and counts first, without fetching any Pagefind file', async () => {
    const { page, requested, close } = await open('/medlemmer/', { phone: false });
    try {
      expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
      expect(await page.locator('[data-static-list] .card').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-static-list]').isVisible()).toBe(true);
      // The count is shown once: the list's own line, not a search status as well.
      expect(await page.locator('#search-status').isVisible()).toBe(false);
      await page.locator('main input[type=search]').focus();
      await expect.poll(() => requested.filter((p) => p.endsWith('/pagefind.js')).length).toBe(1);
      // Only the filters on screen, never all of them up front: trades and municipalities are closed.
      const filterFiles = () => requested.filter((p) => /\/filter\/da_[^/]+\.pf_filter$/.test(p)).length;
      await expect.poll(filterFiles).toBeGreaterThan(0);
      await page.waitForTimeout(500);
      expect(filterFiles()).toBeLessThan(danishFilterFiles());
    } finally {
      await close();
    }
  });
});

describe('one card design', () => {
  it('renders a search result like the static card of the same member', async () => {
    const { page, close } = await open('/medlemmer/', { phone: false });
    try {
      const first = page.locator('[data-static-list] .card').first();
      const href = (await first.locator('a').first().getAttribute('href'))!;
      const staticShape = await shape(page, `[data-static-list] .card:has(a[href="${href}"])`);
      const place = (await first.locator('.meta').textContent())!.trim();
      await page
        .locator('details.facet[data-facet="municipality"]')
        .evaluate((d) => ((d as HTMLDetailsElement).open = true));
      await page.locator(`input[name="municipality"][value="${place}"]`).check();
      const jsCard = `[data-results] .card:has(a[href="${href}"])`;
      await expect.poll(() => page.locator(jsCard).count()).toBe(1);
      expect(await shape(page, jsCard)).toEqual(staticShape);
    } finally {
      await close();
    }
  });
});

describe('facet counts', () => {
  it('show a value no result has (count 0) at a contrast of at least 4.5:1', async () => {
    const { page, close } = await open('/medlemmer/', { phone: false });
    try {
      const value = await page.locator('input[name="region"]').first().getAttribute('value');
      await page.locator(`input[name="region"][value="${value}"]`).check();
      const empty = 'details.facet[data-facet="region"] li[data-empty]';
      await expect.poll(() => page.locator(empty).count()).toBeGreaterThan(0);
      expect(await page.locator(`${empty} .count`).first().textContent()).toBe('0');
      expect(await contrast(page, `${empty} label span`)).toBeGreaterThanOrEqual(4.5);
      expect(await contrast(page, `${empty} .count`)).toBeGreaterThanOrEqual(4.5);
    } finally {
      await close();
    }
  });
});
