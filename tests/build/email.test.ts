import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIST } from './global-setup.ts';
import { ROOT } from '../helpers/build.ts';
import { launchChromium } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { validateContent, type ValidEntry } from '../../src/lib/content/validate.ts';

/**
 * E-mail addresses without JavaScript: no button that does nothing, and a way that works
 * instead (the contact page; on the contact page, the address spelled out for people).
 */

const contentDir = process.env.CONTENT_DIR || path.join(ROOT, 'content');
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let member: ValidEntry;
let network: ValidEntry;

beforeAll(async () => {
  const entries = validateContent(contentDir).entries;
  member = entries.find((e) => e.collection === 'members' && e.data.listed && e.data.email)!;
  network = entries.find((e) => e.collection === 'wiki' && e.data.contact_email)!;
  server = await serveStatic(TEST_DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function withoutJs(urlPath: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}${urlPath}`);
  return page;
}

describe('without JavaScript', () => {
  it('shows no e-mail button anywhere, so none is dead', async () => {
    for (const p of ['/', `/medlemmer/${member.slug}/`, `/en/networks/${network.slug}/`, '/kontakt/', '/en/contact/']) {
      const page = await withoutJs(p);
      // The home page's footer no longer has one; the others have one each, hidden.
      expect(await page.locator('button[data-email]').count(), p).toBe(p === '/' ? 0 : 1);
      for (const button of await page.locator('button[data-email]').all())
        expect(await button.isVisible(), p).toBe(false);
      expect(
        await page
          .getByText(/Vis e-mailadresse|Show e-mail address/)
          .filter({ visible: true })
          .count(),
        p,
      ).toBe(0);
      await page.context().close();
    }
  });

  it('offers the contact page on a profile and a wiki entry, and it opens', async () => {
    for (const [p, text, contact] of [
      [`/medlemmer/${member.slug}/`, 'Skriv til Mikronet, så formidler vi kontakten', '/kontakt/'],
      [`/en/networks/${network.slug}/`, 'Write to Mikronet, and we will put you in touch', '/en/contact/'],
    ]) {
      const page = await withoutJs(p);
      const link = page.getByRole('link', { name: text });
      expect(await link.isVisible(), p).toBe(true);
      await link.click();
      await page.waitForURL(`${server.url}${contact}`);
      expect(await page.locator('h1').textContent()).toBe(contact === '/kontakt/' ? 'Kontakt' : 'Contact');
      await page.context().close();
    }
  });

  it('spells the network’s address out on the contact page, for people to type', async () => {
    const da = await withoutJs('/kontakt/');
    expect(await da.locator('main').textContent()).toContain(
      'kontakt (snabel-a) mikronet (punktum) dk (skriv @ for "snabel-a" og . for "punktum")',
    );
    const en = await withoutJs('/en/contact/');
    expect(await en.locator('main').textContent()).toContain(
      'kontakt (at) mikronet (dot) dk (type @ for "at" and . for "dot")',
    );
    expect(await en.locator('main').getByRole('link', { name: 'Subscribe to the newsletter' }).isVisible()).toBe(true);
  });
});

describe('with JavaScript', () => {
  it('shows the button once the script runs, and the address after a click', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/netvaerk/${network.slug}/`);
    const button = page.getByRole('button', { name: 'Vis e-mailadresse' });
    await button.click();
    const address = String(network.data.contact_email);
    expect(await page.getByRole('link', { name: address }).getAttribute('href')).toBe(`mailto:${address}`);
    // The <noscript> way is not shown when the script can run.
    expect(await page.getByRole('link', { name: 'Skriv til Mikronet, så formidler vi kontakten' }).count()).toBe(0);
    await page.close();
  });
});
