import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_DIST } from './global-setup.ts';
import { ROOT } from '../helpers/build.ts';
import { launchChromium } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';

/** axe-core's rules for WCAG 2.0 and 2.1, levels A and AA: what issue 10 asks to bring to zero. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** One page of every type, in both languages (the 404 page speaks both). */
const PAGES: Record<string, [da: string, en: string]> = {
  home: ['/', '/en/'],
  directory: ['/medlemmer/', '/en/members/'],
  member: ['/medlemmer/anne-soerensen/', '/en/members/anne-soerensen/'],
  'blog list': ['/blog/', '/en/blog/'],
  'post with a task list': ['/blog/aarsafslutning-i-enkeltmandsvirksomheden/', '/en/blog/vat-for-foreigners/'],
  'blog tag': ['/blog/emne/moms/', '/en/blog/tag/vat/'],
  'blog author': ['/blog/forfatter/anne-soerensen/', '/en/blog/author/sarah-mitchell/'],
  'wiki index': ['/netvaerk/', '/en/networks/'],
  network: ['/netvaerk/mikronet/', '/en/networks/mikronet/'],
  'events list': ['/arrangementer/', '/en/events/'],
  'past events': ['/arrangementer/tidligere/', '/en/events/past/'],
  event: ['/arrangementer/julefrokost-2026/', '/en/events/julefrokost-2026/'],
  groups: ['/grupper/', '/en/groups/'],
  market: ['/marked/', '/en/market/'],
  contact: ['/kontakt/', '/en/contact/'],
  'free page': ['/om/', '/en/about/'],
  search: ['/soeg/', '/en/search/'],
  '404': ['/404.html', '/404.html'],
};

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await serveStatic(TEST_DIST);
  browser = await launchChromium();
  // axe is injected into the page; the site's CSP (tested in csp.test.ts) would refuse it.
  context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs axe on the page as it is now; returns the violations as "rule: target (summary)" lines. */
async function axeViolations(): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_AA)} }, resultTypes: ['violations'] })
      .then((r) => r.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) })))`,
  )) as Violation[];
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}; ${n.failureSummary ?? ''}`),
  );
}

async function open(urlPath: string) {
  const response = await page.goto(`${server.url}${urlPath}`, { waitUntil: 'load' });
  expect(response?.status(), urlPath).toBeLessThan(urlPath === '/404.html' ? 500 : 400);
}

/** WCAG's contrast ratio of two `rgb()`/`rgba()` colours as getComputedStyle gives them. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('the keyboard focus', () => {
  // WCAG 2.4.7 and 1.4.11: what has focus is outlined, at 3:1 or more against what is around it.
  for (const urlPath of ['/', '/medlemmer/', '/medlemmer/anne-soerensen/', '/netvaerk/', '/kontakt/']) {
    it(`is outlined at 3:1 or more against the background on ${urlPath}`, async () => {
      await open(urlPath);
      const rings: string[] = [];
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press('Tab');
        const ring = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return undefined;
          const style = getComputedStyle(el);
          // The ring sits outside the element (outline-offset): its background is the parent's.
          let bg = 'rgb(255, 255, 255)';
          for (let p = el.parentElement; p; p = p.parentElement) {
            const c = getComputedStyle(p).backgroundColor;
            if (c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c)) {
              bg = c;
              break;
            }
          }
          const name = `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
          return {
            name,
            style: style.outlineStyle,
            width: parseFloat(style.outlineWidth),
            color: style.outlineColor,
            bg,
          };
        });
        if (!ring) continue;
        const ratio = contrast(ring.color, ring.bg);
        if (ring.style === 'none' || ring.width < 2 || ratio < 3)
          rings.push(`${ring.name}: ${ring.style} ${ring.width}px ${ring.color} on ${ring.bg} (${ratio.toFixed(2)}:1)`);
      }
      expect(rings).toEqual([]);
    });
  }
});

describe('axe-core (WCAG 2.1 A and AA) finds nothing', () => {
  for (const [type, [da, en]] of Object.entries(PAGES)) {
    for (const urlPath of new Set([da, en])) {
      it(`on the ${type} page (${urlPath})`, async () => {
        await open(urlPath);
        expect(await axeViolations()).toEqual([]);
      });
    }
  }

  for (const urlPath of ['/medlemmer/', '/en/members/']) {
    it(`on the directory (${urlPath}) after a search`, async () => {
      await open(urlPath);
      await page.fill('#search-q', 'regnskab');
      await page.press('#search-q', 'Enter');
      await page.waitForFunction(() => document.querySelector('[data-results] > li') !== null);
      expect(await axeViolations()).toEqual([]);
    });

    it(`on the directory (${urlPath}) after a facet is chosen`, async () => {
      await open(urlPath);
      const box = page.locator('[data-facet] input[type=checkbox]').first();
      // The filters may wait behind disclosures (on a phone, and for long lists): open them as a reader would.
      await box.evaluate((el) => {
        for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
      });
      await box.check();
      await page.waitForFunction(() => document.querySelector('[data-results] > li') !== null);
      expect(await axeViolations()).toEqual([]);
    });
  }

  it('on the search page after a search', async () => {
    await open('/soeg/');
    await page.fill('#search-q', 'moms');
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-results] > li') !== null);
    expect(await axeViolations()).toEqual([]);
  });
});
