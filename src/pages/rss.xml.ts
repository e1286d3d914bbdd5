import type { APIRoute } from 'astro';
import { feedSpec } from '../site/feeds.ts';
import { feedResponse } from '../site/feed.ts';
import { siteData } from '../site/site-data.ts';

// The blog's RSS at the address people subscribed to; its Atom and JSON Feed are under /feed/blog/.
export const GET: APIRoute = async ({ site }) =>
  feedResponse(feedSpec('da', { kind: 'blog' }, await siteData(), site!), 'rss');
