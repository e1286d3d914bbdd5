import { defineMiddleware } from 'astro:middleware';
import { collecting, withPagePolicy } from './integrations/inline-code.ts';
import { pageContext } from './site/page-context.ts';
import type { RouteProps } from './site/routes.ts';
import { siteData } from './site/site-data.ts';

/**
 * Every page's context in `Astro.locals` (src/site/page-context.ts). Astro runs middleware at
 * build time for each prerendered page, with the props getStaticPaths gave it; pages of the route
 * table carry their head there. In a build, each rendered page then gets its Content-Security-
 * Policy `<meta>` and its inline code is recorded for `dist/_headers`
 * (src/integrations/inline-code.ts); the dev server's pages carry Vite's scripts and get none.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const { head, route, props } = (context.props ?? {}) as Partial<RouteProps>;
  const page = route && props ? { route, props } : undefined;
  Object.assign(context.locals, pageContext(context.url.pathname, await siteData(), head, page));
  const response = await next();
  if (!collecting() || !(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const html = withPagePolicy(context.url.pathname, await response.text());
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
