import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIST } from './global-setup.ts';
import { benchSearch } from '../../src/tools/bench-search.ts';
import { serveSite, type SiteServer } from '../../src/tools/static-server.ts';

let server: SiteServer;
beforeAll(async () => {
  server = await serveSite({ dir: TEST_DIST });
});
afterAll(() => server?.close());

describe('the search benchmark', () => {
  it('measures the directory of the sample site: what it loads, and how soon results follow a key, Enter and a facet', async () => {
    const figures = await benchSearch({ url: server.url, path: '/medlemmer/', runs: 1 });
    expect(Object.keys(figures).sort()).toEqual(
      ['facetMs', 'firstLoadGzipBytes', 'firstResultsMs', 'requests', 'submitMs', 'typingMs'].sort(),
    );
    for (const [name, value] of Object.entries(figures)) {
      expect(Number.isFinite(value), name).toBe(true);
      expect(value, name).toBeGreaterThan(0);
    }
    // The page, its CSS and script: the search index is not part of the first load.
    expect(figures.firstLoadGzipBytes).toBeLessThan(150_000);
    expect(figures.requests).toBeLessThan(10);
    // Generous bounds for a shared machine; the benchmark reports the real figures.
    for (const ms of [figures.firstResultsMs, figures.typingMs, figures.submitMs, figures.facetMs])
      expect(ms).toBeLessThan(5_000);
  }, 120_000);
});
