import type { APIRoute } from 'astro';
import css from '../styles/global.css?raw';
import { siteColours, webManifest } from '../site/icons.ts';
import { siteData } from '../site/site-data.ts';

// Outside the route table: the web manifest is JSON, not a page with a view.
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(webManifest((await siteData()).settings, 'da', siteColours(css)), null, 2), {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
