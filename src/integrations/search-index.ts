import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex } from '../site/search-index.ts';

/**
 * Builds the Pagefind index over the finished site, so `astro build` yields site and search in one
 * step. The Astro cache folder keeps what the index was made from, so a rebuild re-indexes only
 * the bundles whose pages changed.
 */
export function searchIndex(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'mikronet:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        // The benchmark can time the index on its own.
        if (process.env.SKIP_SEARCH_INDEX === '1') return;
        const stats = await buildSearchIndex(fileURLToPath(dir), { cacheDir });
        // `npm run bench` reads this line (src/tools/bench-report.ts): keep its start.
        logger.info(
          `Pagefind indexed ${stats.pages} pages in ${stats.languages.join(', ')} (${(stats.ms / 1000).toFixed(1)} s); ` +
            `${stats.kept} of ${stats.bundles} bundle(s) unchanged`,
        );
      },
    },
  };
}
