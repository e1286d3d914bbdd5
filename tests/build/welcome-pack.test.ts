import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIST } from './global-setup.ts';
import { launchChromium } from '../helpers/browser.ts';
import { NO_REPORTS, reports, watchedContext } from '../helpers/csp-watch.ts';
import { serveSite, type SiteServer } from '../../src/tools/static-server.ts';

/**
 * The welcome pack printed: a municipality's page in Chromium's print mode has no header,
 * footer or screen-only parts, and the largest municipality of the sample fits two A4 pages.
 */

let site: SiteServer;
let browser: Browser;

beforeAll(async () => {
  site = await serveSite({ dir: TEST_DIST });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Pages in a PDF: its page objects (`/Type /Page`, not the `/Pages` tree). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;

describe('the welcome pack in print', () => {
  it('hides the header, the footer and the parts for the screen', async () => {
    const w = await watchedContext(browser);
    const page = await w.context.newPage();
    await page.goto(`${site.url}/kommuner/guldborgsund/`);
    expect(await page.locator('.site-header').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.site-footer', '#kommune-letter', '#kommune-embed'])
      expect(await page.locator(selector).isVisible(), selector).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('.qr svg').isVisible()).toBe(true);
    // Websites are printed as short addresses.
    expect(await page.locator('.print-url').first().isVisible()).toBe(true);
    expect(reports(w)).toEqual(NO_REPORTS);
    await w.context.close();
  });

  it('fits on at most two A4 pages for the municipality with the most members, in both languages', async () => {
    const page = await browser.newPage();
    for (const path of ['/kommuner/guldborgsund/', '/en/municipalities/guldborgsund/', '/kommuner/lolland/']) {
      await page.goto(`${site.url}${path}`);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const pages = pdfPages(pdf);
      expect(pages, path).toBeGreaterThanOrEqual(1);
      expect(pages, path).toBeLessThanOrEqual(2);
    }
    await page.close();
  });

  it('the copy button copies the letter text with JavaScript, and is not offered without it', async () => {
    const w = await watchedContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await w.context.newPage();
    await page.goto(`${site.url}/kommuner/guldborgsund/`);
    const button = page.locator('button[data-copy="kommune-letter-text"]');
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      await page.locator('#kommune-letter-text').inputValue(),
    );
    expect(reports(w)).toEqual(NO_REPORTS);
    await w.context.close();
    const off = await browser.newContext({ javaScriptEnabled: false });
    const plain = await off.newPage();
    await plain.goto(`${site.url}/kommuner/guldborgsund/`);
    expect(await plain.locator('button[data-copy]').first().isVisible()).toBe(false);
    expect(await plain.locator('#kommune-letter-text').getAttribute('readonly')).not.toBeNull();
    await off.close();
  });
});
