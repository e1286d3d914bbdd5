import type { z } from 'zod';
import type { CollectionInfo, RefTarget, TaxonomyName } from './meta.ts';
import type { Taxonomies } from './common.ts';
import { memberSchema, membersInfo } from './members.ts';
import { blogSchema, blogInfo } from './blog.ts';
import { wikiSchema, wikiInfo } from './wiki.ts';
import { eventSchema, eventsInfo } from './events.ts';
import { groupSchema, groupsInfo } from './groups.ts';
import { marketSchema, marketInfo } from './market.ts';
import { pageSchema, pagesInfo } from './pages.ts';
import { settingsSchema, settingsInfo } from './settings.ts';
import { municipalitiesInfo, municipalitySchema, tradeSchema, tradesInfo } from './taxonomies.ts';

export type { Taxonomies } from './common.ts';
export * from './meta.ts';

export interface CollectionDef {
  info: CollectionInfo;
  /** Schema of one entry (front matter, or one list item for taxonomies). */
  schema: (tax: Taxonomies) => z.ZodObject;
}

/** Markdown collections, one file per entry. The order is the order editors see. */
export const folderCollections = {
  members: { info: membersInfo, schema: memberSchema },
  blog: { info: blogInfo, schema: () => blogSchema() },
  wiki: { info: wikiInfo, schema: wikiSchema },
  events: { info: eventsInfo, schema: eventSchema },
  groups: { info: groupsInfo, schema: () => groupSchema() },
  market: { info: marketInfo, schema: marketSchema },
  pages: { info: pagesInfo, schema: () => pageSchema() },
} satisfies Record<string, CollectionDef>;

/** YAML files: settings is one object, taxonomies are lists of entries with an `id`. */
export const fileCollections = {
  settings: { info: settingsInfo, schema: () => settingsSchema(), list: false },
  trades: { info: tradesInfo, schema: () => tradeSchema, list: true },
  municipalities: { info: municipalitiesInfo, schema: () => municipalitySchema, list: true },
} satisfies Record<string, CollectionDef & { list: boolean }>;

export type FolderCollection = keyof typeof folderCollections;
export type FileCollection = keyof typeof fileCollections;

// meta.ts names the collections a field may refer to (RefTarget, TaxonomyName) by hand, since this
// registry imports it; the build's type check fails here if a name is not one of the registry's.
true satisfies RefTarget extends FolderCollection ? (TaxonomyName extends FileCollection ? true : never) : never;
