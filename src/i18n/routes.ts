// The route table and the names it reserves live in src/site/routes.ts. This re-export keeps the
// content check (src/lib/content/validate.ts) and the CMS (src/cms/save.ts) working until they import from there.
export { RESERVED_SLUGS } from '../site/routes.ts';
