import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIST, TEST_NOW } from './global-setup.ts';
import { launchChromium } from '../helpers/browser.ts';
import { fileFor } from '../helpers/dist.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { NO_REPORTS, reports, watchedContext, type PolicyWatch } from '../helpers/csp-watch.ts';

/**
 * Time stays true: the sample is built on TEST_NOW (2026-11-24 12:00); a reader who opens a list
 * of what is coming later does not see what is over by then. The pages are served with their
 * `_headers`, so the script runs under the site's Content-Security-Policy.
 * Sample dates: "Online kaffemøde for nye medlemmer" 2026-12-03 09:00–10:00 is the soonest event;
 * market entries expire 2027-01-15, 2027-01-31, 2027-02-28, 2027-03-31, 2027-04-30, 2027-05-31.
 */

let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
const watches: PolicyWatch[] = [];

beforeAll(async () => {
  server = await serveStatic(TEST_DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The page as a reader opens it at `time` (Danish time with offset), scripts on or off. */
async function openAt(urlPath: string, time: string, javaScriptEnabled = true): Promise<Page> {
  const watch = await watchedContext(browser, { javaScriptEnabled });
  watches.push(watch);
  await watch.context.clock.setFixedTime(new Date(time));
  const page = await watch.context.newPage();
  await page.goto(`${server.url}${urlPath}`);
  return page;
}

const visibleTitles = (page: Page, list = 'ul.grid > li.card') =>
  page.locator(list).filter({ visible: true }).locator('h2, h3').allTextContents();
const allTitles = (page: Page, list = 'ul.grid > li.card') => page.locator(list).locator('h2, h3').allTextContents();

afterAll(async () => {
  for (const w of watches) {
    expect(reports(w)).toEqual(NO_REPORTS);
    await w.context.close();
  }
});

describe('upcoming events', () => {
  it('are all shown when the page is read on the day it was built', async () => {
    const page = await openAt('/arrangementer/', TEST_NOW);
    const titles = await allTitles(page);
    expect(titles.length).toBeGreaterThan(3);
    expect(await visibleTitles(page)).toEqual(titles);
    expect(await page.locator('.ends-note').count()).toBe(0);
  });

  it('hides an event once it has ended, on the events page and the home page', async () => {
    for (const p of ['/arrangementer/', '/']) {
      const before = await openAt(p, '2026-12-03T09:59:00+01:00');
      expect(await visibleTitles(before), p).toContain('Online kaffemøde for nye medlemmer');
      const after = await openAt(p, '2026-12-03T10:01:00+01:00');
      const shown = await visibleTitles(after);
      expect(shown, p).not.toContain('Online kaffemøde for nye medlemmer');
      expect(shown.length, p).toBe((await visibleTitles(before)).length - 1);
    }
  });

  it('says so, with a way to the past events, when every event on the list is over', async () => {
    const page = await openAt('/arrangementer/', '2028-01-01T12:00:00+01:00');
    expect(await visibleTitles(page)).toEqual([]);
    const note = page.locator('.ends-note');
    expect(await note.textContent()).toBe('Ingen kommende arrangementer lige nu. Se tidligere arrangementer');
    expect(await note.locator('a').getAttribute('href')).toBe('/arrangementer/tidligere/');
    const en = await openAt('/en/events/', '2028-01-01T12:00:00+01:00');
    expect(await en.locator('.ends-note').textContent()).toBe('No upcoming events right now. See past events');
    const home = await openAt('/', '2028-01-01T12:00:00+01:00');
    expect(await home.locator('.ends-note').count()).toBe(1);
  });

  it('leaves the past events and a network’s own list of events as they are', async () => {
    for (const p of ['/arrangementer/tidligere/', '/en/events/past/', '/netvaerk/mikronet/']) {
      const page = await openAt(p, '2028-01-01T12:00:00+01:00');
      const titles = await allTitles(page);
      expect(titles.length, p).toBeGreaterThan(0);
      expect(await visibleTitles(page), p).toEqual(titles);
      expect(await page.locator('.ends-note').count(), p).toBe(0);
    }
  });

  it('changes nothing without JavaScript', async () => {
    const page = await openAt('/arrangementer/', '2028-01-01T12:00:00+01:00', false);
    const titles = await allTitles(page);
    expect(titles.length).toBeGreaterThan(3);
    expect(await visibleTitles(page)).toEqual(titles);
  });
});

describe('an event’s own page', () => {
  const path = '/arrangementer/online-kaffe-nye-medlemmer/';
  it('offers the calendar file while the event is coming, and says it has taken place once it is over', async () => {
    const before = await openAt(path, '2026-12-03T09:59:00+01:00');
    await expect(before.locator('.calendar-links').isVisible()).resolves.toBe(true);
    await expect(before.getByText('Arrangementet er afholdt.').isVisible()).resolves.toBe(false);
    const after = await openAt(path, '2026-12-03T10:01:00+01:00');
    await expect(after.locator('.calendar-links').isVisible()).resolves.toBe(false);
    await expect(after.getByText('Arrangementet er afholdt.').isVisible()).resolves.toBe(true);
    const noJs = await openAt(path, '2026-12-03T10:01:00+01:00', false);
    await expect(noJs.locator('.calendar-links').isVisible()).resolves.toBe(true);
  });
});

describe('market entries', () => {
  const market = 'ul.grid > li.card';
  it('are shown through their expiry day and hidden from the next Danish midnight', async () => {
    const lastDay = await openAt('/marked/', '2027-01-31T23:59:00+01:00');
    const titlesLastDay = await visibleTitles(lastDay, market);
    const nextDay = await openAt('/marked/', '2027-02-01T00:00:01+01:00');
    const titlesNextDay = await visibleTitles(nextDay, market);
    expect(titlesNextDay.length).toBe(titlesLastDay.length - 1);
    expect(await allTitles(nextDay, market)).toHaveLength((await allTitles(lastDay, market)).length);
  });

  it('say that nothing is current once every entry has expired, and nothing changes without JavaScript', async () => {
    const page = await openAt('/marked/', '2027-07-01T12:00:00+02:00');
    expect(await visibleTitles(page, market)).toEqual([]);
    expect(await page.locator('.ends-note').textContent()).toBe('Ingen aktuelle opslag.');
    const noJs = await openAt('/marked/', '2027-07-01T12:00:00+02:00', false);
    expect((await visibleTitles(noJs, market)).length).toBeGreaterThan(3);
  });
});

describe('the script', () => {
  it('is small and inline, only on the pages with a list of what is coming', () => {
    for (const p of ['/', '/arrangementer/', '/en/events/', '/marked/', '/en/market/']) {
      const html = fs.readFileSync(fileFor(TEST_DIST, p), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      const hiding = scripts.filter(([, , code]) => code.includes('data-ends'));
      expect(hiding, p).toHaveLength(1);
      expect(hiding[0][1], p).not.toContain('src=');
      expect(hiding[0][2].length, p).toBeLessThan(1200);
    }
    for (const p of ['/arrangementer/tidligere/', '/blog/', '/netvaerk/mikronet/'])
      expect(fs.readFileSync(fileFor(TEST_DIST, p), 'utf8'), p).not.toContain('data-ends');
  });
});
