import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { ROOT } from '../helpers/build.ts';
import { copyRepository, npmStart, type NpmStart } from '../helpers/npm-start.ts';

/**
 * The done-when test of live publishing: `npm start` for real (its own process, free ports), on a
 * copy of this repository (the CMS writes into the copy's content/ and public/media/, never into
 * this one's), and the CMS in Chromium: a member saved in the CMS shows on its page, and the
 * directory's search finds it, within seconds; the CMS says so and links to the page.
 */

let work: string;
let copy: string;
let start: NpmStart;
let site: string;
let browser: Browser;
const output = () => start.output();

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-live-'));
  copy = path.join(work, 'repo');
  copyRepository(copy);
  start = await npmStart(copy, path.join(work, 'cache'));
  site = start.site;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await start?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function openEntry(hash: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${site}/admin/`);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('link', { name: 'Medlemmer' }).first().waitFor();
  await page.goto(`${site}/admin/#${hash}`);
  await page.locator('[id^="name-field"]').first().waitFor();
  return page;
}

async function publish(page: Page) {
  await page.getByRole('button', { name: 'Publicer' }).click();
  await page.getByText('Publicer nu').click();
}

/** The directory's own search (the site's Pagefind index), run in a page of the site. */
async function searchDirectory(page: Page, query: string): Promise<string[]> {
  // A string, so that the test runner does not rewrite the import() for Node.
  return page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const found = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(found.results.map(async (r) => (await r.data()).url));
  })()`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('live publishing under npm start', () => {
  it('shows a member saved in the CMS on its page and in the directory search within seconds, and says so in the CMS', async () => {
    const slug = 'aase-thomsen';
    const memberUrl = `${site}/medlemmer/${slug}/`;
    expect(await (await fetch(memberUrl)).text()).not.toContain('Kvistgaard');
    const timings: { notice: number; page: number; search: number }[] = [];
    const reader = await browser.newPage();
    await reader.goto(`${site}/medlemmer/`);

    for (const name of ['Åse Kvistgaard', 'Åse Kvistgaard Holm']) {
      const page = await openEntry(`/collections/members/entries/${slug}`);
      await page.locator('[id^="name-field"]').first().fill(name);
      const saved = Date.now();
      await publish(page);
      await page.getByText('Opdaterer siden …').waitFor({ timeout: 10_000 });

      // The notice links to the member's page once it is built.
      const link = page.getByRole('link', { name: 'Se siden' });
      await link.waitFor({ timeout: 120_000 });
      const notice = Date.now() - saved;
      expect(await page.locator('[data-live-notice]').textContent()).toContain('Siden er opdateret');
      expect(await link.getAttribute('href')).toBe(memberUrl);

      let html = '';
      await expect
        .poll(async () => (html = await (await fetch(memberUrl)).text()), { timeout: 120_000, interval: 100 })
        .toContain(`>${name}<`);
      const shown = Date.now() - saved;
      await reader.reload();
      await expect
        .poll(() => searchDirectory(reader, name.split(' ').at(-1)!), { timeout: 60_000, interval: 200 })
        .toContain(`/medlemmer/${slug}/`);
      timings.push({ notice, page: shown, search: Date.now() - saved });
      await page.close();
    }
    const figures = {
      notice: median(timings.map((t) => t.notice)),
      page: median(timings.map((t) => t.page)),
      search: median(timings.map((t) => t.search)),
    };
    console.log(`[live] save → notice / page / search (ms, median of ${timings.length}):`, figures, timings);
    // The goal is 5 s on the sample content; a shared CI machine gets a margin, and the figure is printed.
    expect(figures.search).toBeLessThan(30_000);
    await reader.close();
  });

  it('serves a newly uploaded picture at once, before the site is built again', async () => {
    const media = path.join(copy, 'public/media');
    const fixture = fs.readFileSync(path.join(ROOT, 'tests/fixtures/media/tiny.png'));
    fs.mkdirSync(path.join(media, 'members'), { recursive: true });
    const file = path.join(media, 'members/ny-portraet.png');
    const before = output().length;
    fs.writeFileSync(file, fixture);
    const started = Date.now();
    const res = await fetch(`${site}/media/members/ny-portraet.png`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(fixture)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    // It was served from the upload: no build had finished yet.
    expect(output().slice(before)).not.toContain('the site is updated');
  });

  it('keeps the previous site up when the build fails, and shows the problem in the terminal and the CMS', async () => {
    // Broken outside the CMS (an edit by hand): a trade that does not exist.
    const other = path.join(copy, 'content/members/bo-rasmussen.md');
    const good = fs.readFileSync(other, 'utf8');
    fs.writeFileSync(other, good.replace(/^trades: .*$/m, 'trades: [ingen-saadan-branche]'));
    await expect
      .poll(output, { timeout: 120_000, interval: 200 })
      .toContain('the build failed; the site still shows the previous build');
    expect(output()).toMatch(/bo-rasmussen\.md.*ingen-saadan-branche/);

    // A save in the CMS now cannot reach the site either, and the CMS says why.
    const page = await openEntry('/collections/members/entries/aase-thomsen');
    await page.locator('[id^="name-field"]').first().fill('Åse Kvistgaard Lund');
    await publish(page);
    const notice = page.locator('[data-live-notice]');
    await expect
      .poll(() => notice.textContent(), { timeout: 120_000, interval: 200 })
      .toContain('kunne ikke opdateres');
    expect(await notice.textContent()).toMatch(/bo-rasmussen\.md.*ingen-saadan-branche/);
    const res = await fetch(`${site}/medlemmer/aase-thomsen/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('>Åse Kvistgaard Holm<');

    // Fixed: the next build publishes both.
    fs.writeFileSync(other, good);
    await expect
      .poll(async () => (await fetch(`${site}/medlemmer/aase-thomsen/`)).text(), { timeout: 120_000, interval: 200 })
      .toContain('>Åse Kvistgaard Lund<');
    await page.close();
  });
});
