import { defineMiddleware } from 'astro:middleware';
import { pageContext } from './site/page-context.ts';
import type { RouteProps } from './site/routes.ts';
import { siteData } from './site/site-data.ts';

/**
 * Every page's context in `Astro.locals` (src/site/page-context.ts). Astro runs middleware at
 * build time for each prerendered page, with the props getStaticPaths gave it; pages of the route
 * table carry their head there.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const head = (context.props as Partial<RouteProps> | undefined)?.head;
  Object.assign(context.locals, pageContext(context.url.pathname, await siteData(), head));
  return next();
});
