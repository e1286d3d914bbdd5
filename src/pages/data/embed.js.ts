import type { APIRoute } from 'astro';
import { siteData } from '../../site/site-data.ts';
import { embedScript } from '../../site/embed.ts';

// The script a municipality's site includes (src/site/embed.ts); its words come from the UI dictionary.
export const GET: APIRoute = async () =>
  new Response(embedScript((await siteData()).settings.name), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
