import { createHash } from 'node:crypto';
import { ALL_CONTENT, type PageKey } from './routes.ts';
import type { SiteData } from './site-data.ts';

/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page is rendered
 * again only when its key changes (or the code it is built from: Astro hashes the page's module
 * graph itself). A key covers the page's route and path, its head, its props, what its row says
 * it reads (`inputs` in src/site/routes.ts) and what every page shows (settings, taxonomies).
 *
 * A content entry counts by its collection, id and digest (Astro's hash of the file), not by its
 * data, so a key costs a few string joins per entry even at 10,000 members.
 */

type Entry = { collection: string; id: string; digest?: string; data: unknown };
const isEntry = (v: unknown): v is Entry =>
  typeof v === 'object' && v !== null && 'collection' in v && 'id' in v && 'data' in v;

/** JSON of a value with content entries written as `collection/id@digest` and maps as their entries. */
export function fingerprint(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) => {
      if (isEntry(v)) return `${v.collection}/${v.id}@${v.digest ?? JSON.stringify(v.data)}`;
      if (v instanceof Map) return [...v];
      if (v instanceof Set) return [...v];
      if (typeof v === 'symbol') return v.description;
      return v;
    }) ?? 'undefined'
  );
}

const sha = (text: string) => createHash('sha1').update(text).digest('base64url');

/** The key maker for one build's data. */
export function pageKeys(data: SiteData): PageKey {
  // What every page shows (header, footer, taxonomy labels in facts), and, for rows that do not
  // say what they read, all content.
  const site = fingerprint([data.settings, data.trades, data.municipalities]);
  let all: string | undefined;
  const everything = () =>
    (all ??= sha(
      fingerprint([
        data.members,
        data.posts,
        data.networks,
        data.events,
        data.upcoming.map((e) => e.id),
        data.groups,
        data.market,
        data.pages,
      ]),
    ));
  return (route, path, head, props, inputs) =>
    sha(
      [
        site,
        route,
        path,
        fingerprint(head),
        fingerprint(props),
        inputs === ALL_CONTENT ? everything() : fingerprint(inputs),
      ].join('\n'),
    );
}
