// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { contentCheck } from './src/integrations/content-check.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { stripInlineSourceMaps } from './src/integrations/strip-inline-source-maps.ts';
import { rehypeCleanBody } from './src/lib/sanitize.ts';

export default defineConfig({
  site: process.env.SITE_URL || process.env.URL || 'https://mikronet.dk',
  // Tests and the benchmark build into their own folders.
  outDir: process.env.OUT_DIR || './dist',
  // A build of other content (tests, benchmark) keeps its content cache apart from yours.
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // Bodies are untrusted: raw HTML is dropped, links and pictures are limited (src/lib/sanitize.ts,
    // the same rule the content check applies). The unified processor (rather than the default
    // Sätteri) is what runs rehype plugins.
    processor: unified({ rehypePlugins: [rehypeCleanBody] }),
    syntaxHighlight: false,
  },
  integrations: [contentCheck(), mdx(), searchIndex(), securityHeaders()],
  devToolbar: { enabled: false },
  vite: {
    plugins: [stripInlineSourceMaps()],
    build: {
      // The CMS (Decap, about 5 MB) is one chunk, loaded by /admin/ only; site pages stay small.
      chunkSizeWarningLimit: 6000,
      rolldownOptions: {
        // Decap's dependencies use eval and "use client"; not ours to change, and harmless in the admin bundle.
        onLog(level, log, handler) {
          const fromDependency = /node_modules/.test(`${log.id ?? ''} ${log.message ?? ''}`);
          if (level === 'warn' && fromDependency && (log.code === 'EVAL' || log.code === 'MODULE_LEVEL_DIRECTIVE'))
            return;
          handler(level, log);
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
});
