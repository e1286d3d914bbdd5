import type { AstroComponentFactory } from 'astro/runtime/server/index.js';

/**
 * Every view by its file name, as the route table (src/site/routes.ts) names them: adding a
 * view is adding its file.
 */
const modules = import.meta.glob<{ default: AstroComponentFactory }>('./*.astro', { eager: true });

export const views: Record<string, AstroComponentFactory> = Object.fromEntries(
  Object.entries(modules).map(([file, module]) => [file.slice(2, -'.astro'.length), module.default]),
);
