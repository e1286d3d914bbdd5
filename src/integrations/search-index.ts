import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex } from '../site/search-index.ts';

/** Builds the Pagefind index over the finished site, so `astro build` yields site and search in one step. */
export function searchIndex(): AstroIntegration {
  return {
    name: 'mikronet:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // The benchmark times the index on its own.
        if (process.env.SKIP_SEARCH_INDEX === '1') return;
        const stats = await buildSearchIndex(fileURLToPath(dir));
        logger.info(
          `Pagefind indexed ${stats.pages} pages in ${stats.languages.join(', ')} (${(stats.ms / 1000).toFixed(1)} s)`,
        );
      },
    },
  };
}
