import path from 'node:path';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import type { z } from 'zod';
import { fileCollections, folderCollections, type FolderCollection } from './schemas/index.ts';
import { collectionDir, contentDir } from './lib/content/paths.ts';
import { readTaxonomies } from './lib/content/taxonomies.ts';
import { parseYamlData } from './lib/content/front-matter.ts';

const dir = contentDir();
const tax = readTaxonomies(dir);

/** One Markdown file per entry (the wiki's may be in its own repository); generic so each collection keeps its own inferred type. */
const folder = <S extends z.ZodType>(name: FolderCollection, schema: S) =>
  defineCollection({ loader: glob({ pattern: '*.md', base: collectionDir(dir, name) }), schema });

const { members, blog, wiki, events, groups, market, pages } = folderCollections;

export const collections = {
  members: folder('members', members.schema(tax)),
  blog: folder('blog', blog.schema()),
  wiki: folder('wiki', wiki.schema(tax)),
  events: folder('events', events.schema(tax)),
  groups: folder('groups', groups.schema()),
  market: folder('market', market.schema(tax)),
  pages: folder('pages', pages.schema()),
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

