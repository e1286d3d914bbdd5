import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';

/** What a reader of the directory waits for and downloads; times in ms, medians over the runs. */
export interface SearchBench {
  /** Bytes of every response until the page is loaded and the network is idle, each gzipped as a host would serve it. */
  firstLoadGzipBytes: number;
  requests: number;
  /** From navigation to the first result card on screen, in the list the page settles on. */
  firstResultsMs: number;
  /** From the last keystroke of a typed query to the first cards of its results on the page. */
  typingMs: number;
  /** From Enter in the search box to the first cards of the results on the page. */
  submitMs: number;
  /** From a click on a facet checkbox to the first cards of the results on the page. */
  facetMs: number;
}

export interface BenchSearchOptions {
  /** The served site, e.g. `http://127.0.0.1:4321` (serveSite from static-server.ts). */
  url: string;
  /** The directory page, e.g. `/medlemmer/`. */
  path: string;
  runs?: number;
  /** Typed, then submitted; by default words from the names on the first cards. */
  typed?: string;
  submitted?: string;
  /** The facet whose first value is clicked (its `name`), default `region`. */
  facet?: string;
  /** A browser to reuse; by default one is launched and closed. */
  browser?: Browser;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs in the page before its own scripts: notes when a result card is first on screen (and
 * forgets it when the cards go away again, as when a static list is replaced by a script's),
 * when the result list or the status line last changed, and when the last key or click came.
 */
const INSTRUMENT = `(() => {
  const b = (window.__bench = { firstCard: undefined, changed: 0, action: 0, shown: [] });
  const results = '[data-results], [data-static-list], #search-status';
  const visibleCard = () =>
    [...document.querySelectorAll('main .card')].some((c) => c.closest(results) && c.checkVisibility());
  const frame = () => {
    if (!visibleCard()) b.firstCard = undefined;
    else if (b.firstCard === undefined) b.firstCard = performance.now();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (el && el.closest(results)) b.changed = now;
      // New result cards on screen, and the search (in the URL) they are for.
      if (el && el.matches('[data-results]') && r.type === 'childList' && r.addedNodes.length > 0)
        b.shown.push({ at: now, search: location.search });
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['hidden'] });
  for (const type of ['keydown', 'click'])
    addEventListener(type, (e) => { b.action = e.timeStamp; }, { capture: true });
})()`;

interface Marks {
  firstCard: number | undefined;
  changed: number;
  action: number;
  shown: { at: number; search: string }[];
}
const marks = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Marks }).__bench);

/**
 * Waits until the results have not changed for `quietMs` after the last action, then returns the
 * time from the action to the first cards of its results on screen (those of the search the URL
 * ends with: a query typed shows results for its first letters on the way).
 */
async function settle(page: Page, quietMs = 700, timeoutMs = 20_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    await page.waitForTimeout(100);
    const m = await marks(page);
    const [now, search] = await page.evaluate(() => [performance.now(), location.search] as const);
    if (m.changed > m.action && now - m.changed > quietMs) {
      const shown = m.shown.find((s) => s.at > m.action && s.search === search);
      return (shown?.at ?? m.changed) - m.action;
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `The results did not change within ${timeoutMs} ms of the last action — resultaterne ændrede sig ikke inden for ${timeoutMs} ms`,
      );
  }
}

async function loaded(page: Page, path: string, quietMs = 700, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    await page.waitForLoadState('networkidle');
    const m = await marks(page);
    const now = await page.evaluate(() => performance.now());
    if (m.firstCard !== undefined && now - m.changed > quietMs) return m.firstCard;
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `${path}: no result card on screen ${timeoutMs} ms after loading — intet resultatkort på skærmen ${timeoutMs} ms efter indlæsning`,
      );
    await page.waitForTimeout(100);
  }
}

async function oneRun(browser: Browser, o: Required<Omit<BenchSearchOptions, 'browser'>>) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(INSTRUMENT);
    let loading = true;
    let bytes = 0;
    let requests = 0;
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      if (!loading || response.url().startsWith('data:')) return;
      requests++;
      pending.push(
        response.body().then(
          (body) => void (bytes += Math.min(body.length, zlib.gzipSync(body).length)),
          () => undefined,
        ),
      );
    });
    await page.goto(o.url + o.path, { waitUntil: 'load' });
    // Loaded: the network is idle and the list on screen has stopped changing.
    const firstCard = await loaded(page, o.path);
    loading = false;
    await Promise.all(pending);

    const names = await page
      .locator('main .card h2 a, main .card h3 a')
      .evaluateAll((as) => as.filter((a) => (a as HTMLElement).checkVisibility()).map((a) => a.textContent ?? ''));
    const word = (i: number, last: boolean) => {
      const parts = (names[i] ?? names[0] ?? 'a').trim().split(/\s+/);
      return (last ? parts.at(-1) : parts[0]) ?? 'a';
    };
    const typed = o.typed || word(0, false);
    const submitted = o.submitted || word(1, true);

    // A reader clicks into the box, then types: the click is when the page may start to get ready.
    const input = page.locator('main input[type=search]');
    await input.click();
    await page.waitForLoadState('networkidle');
    await input.pressSequentially(typed, { delay: 120 });
    const typingMs = await settle(page);

    await input.evaluate((el, v) => ((el as HTMLInputElement).value = v), submitted);
    await input.press('Enter');
    const submitMs = await settle(page);

    await input.evaluate((el) => ((el as HTMLInputElement).value = ''));
    const box = page.locator(`main input[type=checkbox][name="${o.facet}"]`).first();
    // A facet inside a closed disclosure is opened first, as a reader would.
    await box.evaluate((el) => {
      for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
    });
    await page.waitForTimeout(300);
    await box.click();
    const facetMs = await settle(page);

    return { firstLoadGzipBytes: bytes, requests, firstResultsMs: firstCard, typingMs, submitMs, facetMs };
  } finally {
    await context.close();
  }
}

/**
 * Measures the directory's search in Chromium, each run in a new browser context (cold cache):
 * what the first load transfers, when the first results show, and the time from a keystroke, an
 * Enter and a facet click to the results in the page. Medians over `runs` (default 3).
 */
export async function benchSearch(options: BenchSearchOptions): Promise<SearchBench> {
  const o = { runs: 3, typed: '', submitted: '', facet: 'region', ...options };
  const browser = options.browser ?? (await launchChromium());
  try {
    const runs: SearchBench[] = [];
    for (let i = 0; i < o.runs; i++) runs.push(await oneRun(browser, o));
    const pick = (k: keyof SearchBench) => Math.round(median(runs.map((r) => r[k])));
    return {
      firstLoadGzipBytes: pick('firstLoadGzipBytes'),
      requests: pick('requests'),
      firstResultsMs: pick('firstResultsMs'),
      typingMs: pick('typingMs'),
      submitMs: pick('submitMs'),
      facetMs: pick('facetMs'),
    };
  } finally {
    if (!options.browser) await browser.close();
  }
}
