/**
 * How the search index is split. A small site has one Pagefind bundle at /pagefind/. From
 * MEMBERS_PER_SHARD listed members on, member pages go into their own bundles (/pagefind/m0/,
 * /pagefind/m1/, …; a member's pages in both languages in the same one, chosen by a hash of the
 * slug) and the rest of the site stays at /pagefind/. The browser merges the bundles a search
 * needs (Pagefind's mergeIndex sums the facet counts across bundles), so results and counts are
 * the same as from one index. Why: a one-edit rebuild re-indexes only the bundle the edit is in
 * (src/site/search-index.ts), and no single Pagefind index grows past what it can hold (it is
 * reported to run out of memory above ~30,000 pages; at most MAX_SHARDS bundles keep a search's
 * requests few even at 160,000 members, about 20,000 pages a bundle).
 *
 * No Node imports: the directory's page (build) and the indexer (after the build) both use it.
 */

// The size trades a rebuild's index time against a search's work: at 10,000 members, 2,000 a bundle
// (5 bundles) re-indexed 3,800 pages in 4.5 s after one edit; 1,000 (10 bundles) takes 2.2–2.7 s,
// and a search through 10 bundles still answers in 37–89 ms (docs/PERFORMANCE.md).
// SEARCH_SHARD_SIZE lowers it for tests, so the sample content can be split too.
const fromEnv = typeof process === 'undefined' ? NaN : Number(process.env.SEARCH_SHARD_SIZE);
export const MEMBERS_PER_SHARD = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 1000;
export const MAX_SHARDS = 16;

/** 0 when the site is small enough for one bundle. */
export function memberShards(members: number): number {
  return members <= MEMBERS_PER_SHARD ? 0 : Math.min(MAX_SHARDS, Math.ceil(members / MEMBERS_PER_SHARD));
}

/** The bundle of a member's pages: FNV-1a of the slug, so it never moves while the count of bundles stays. */
export function shardOf(slug: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) {
    h ^= slug.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}

/** Folder of a bundle inside the site: '' is the site bundle (/pagefind/), 'm3' a member bundle. */
export const bundleFolder = (shard: number | undefined) => (shard === undefined ? '' : `m${shard}`);

/** The bundles a search reads, the first being the one whose pagefind.js is loaded. */
export function searchBundles(scope: 'members' | 'all', members: number): string[] {
  const shards = memberShards(members);
  if (shards === 0) return ['/pagefind/'];
  const memberBundles = Array.from({ length: shards }, (_, i) => `/pagefind/${bundleFolder(i)}/`);
  return scope === 'members' ? memberBundles : ['/pagefind/', ...memberBundles];
}
