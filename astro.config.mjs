// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { adminBundle } from './src/integrations/admin-bundle.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { incrementalOutput } from './src/integrations/incremental-output.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { siteMap } from './src/integrations/sitemap.ts';
import { socialImages } from './src/integrations/social-images.ts';
import { rehypeCleanBody } from './src/lib/sanitize.ts';

export default defineConfig({
  site: process.env.SITE_URL || process.env.URL || 'https://mikronet.dk',
  // Tests and the benchmark build into their own folders.
  outDir: process.env.OUT_DIR || './dist',
  // A build of other content (tests, benchmark) keeps its content cache apart from yours.
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  // Pages render while earlier ones are written: with one at a time, a 10,000-member build spent
  // most of its time waiting on the file system (61 s against 36 s with 8).
  build: { format: 'directory', concurrency: 8 },
  markdown: {
    // Bodies are untrusted: raw HTML is dropped, links and pictures are limited (src/lib/sanitize.ts,
    // the same rule the content check applies). The unified processor (rather than the default
    // Sätteri) is what runs rehype plugins.
    processor: unified({ rehypePlugins: [rehypeCleanBody] }),
    syntaxHighlight: false,
  },
  // The CMS script is built apart from the content and cached (adminBundle): first, so a build of
  // it is over before the content is read, and its files are in place before the search index and
  // the security headers read the output.
  integrations: [
    adminBundle(),
    contentCheck(),
    mdx(),
    incrementalOutput(),
    // Before the headers, which give each top-level file its rules: the sitemap's files are among them.
    siteMap(),
    searchIndex(),
    socialImages(),
    securityHeaders(),
  ],
  // A build renders only the pages whose inputs changed since the last build with the same cache
  // folder (cache keys: src/site/page-keys.ts); the rest stay in the output folder, which is
  // therefore not emptied first (src/integrations/incremental-output.ts removes what is stale).
  experimental: { incrementalBuild: true },
  vite: { build: { emptyOutDir: false } },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
});
