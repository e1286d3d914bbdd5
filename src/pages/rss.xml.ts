import type { APIRoute } from 'astro';
import { blogFeed } from '../site/blog-feed.ts';

// Outside the route table: a feed is XML, not a page with a view.
export const GET: APIRoute = ({ site }) => blogFeed('da', site!);
