export const DEFAULT_BUNDLES = ['/pagefind/'];

/**
 * The Pagefind bundles a search page names in `data-bundles` (a JSON list of base paths; the first
 * is the primary index, the rest are merged into it). Only paths on this site are taken, each
 * ending in a slash; anything else in the attribute falls back to the one default bundle.
 */
export function bundlePaths(attribute: string | undefined): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(attribute ?? '');
  } catch {
    return DEFAULT_BUNDLES;
  }
  if (!Array.isArray(parsed) || parsed.length === 0) return DEFAULT_BUNDLES;
  const onSite = (p: unknown): p is string =>
    typeof p === 'string' && /^\/(?![/\\])[^?#\s]*\/$/.test(p) && !p.split('/').includes('..');
  return parsed.every(onSite) ? [...new Set(parsed)] : DEFAULT_BUNDLES;
}
