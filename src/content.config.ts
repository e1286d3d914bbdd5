import path from 'node:path';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import type { z } from 'zod';
import { fileCollections, folderCollections, type CollectionInfo } from './schemas/index.ts';
import { contentDir } from './lib/content/paths.ts';
import { readTaxonomies } from './lib/content/taxonomies.ts';
import { parseYamlData } from './lib/content/front-matter.ts';

const dir = contentDir();
const tax = readTaxonomies(dir);

/** One Markdown file per entry; generic so each collection keeps its own inferred type. */
const folder = <S extends z.ZodType>(info: CollectionInfo, schema: S) =>
  defineCollection({ loader: glob({ pattern: '*.md', base: path.join(dir, info.path) }), schema });

const { members, blog, wiki, events, groups, market, pages } = folderCollections;

export const collections = {
  members: folder(members.info, members.schema(tax)),
  blog: folder(blog.info, blog.schema()),
  wiki: folder(wiki.info, wiki.schema(tax)),
  events: folder(events.info, events.schema(tax)),
  groups: folder(groups.info, groups.schema()),
  market: folder(market.info, market.schema(tax)),
  pages: folder(pages.info, pages.schema()),
  trades: defineCollection({
    loader: file(path.join(dir, fileCollections.trades.info.path)),
    schema: fileCollections.trades.schema(),
  }),
  municipalities: defineCollection({
    loader: file(path.join(dir, fileCollections.municipalities.info.path)),
    schema: fileCollections.municipalities.schema(),
  }),
  settings: defineCollection({
    loader: file(path.join(dir, fileCollections.settings.info.path), {
      parser: (text) => [{ id: 'site', ...(parseYamlData(text) as object) }],
    }),
    schema: fileCollections.settings.schema(),
  }),
};

