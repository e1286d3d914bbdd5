import type { APIRoute } from 'astro';
import { blogFeed } from '../../site/blog-feed.ts';

export const GET: APIRoute = ({ site }) => blogFeed('en', site!);
