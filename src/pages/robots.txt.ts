import type { APIRoute } from 'astro';
import { robotsTxt } from '../site/robots.ts';

// Outside the route table: a text file for crawlers.
export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(site!), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
