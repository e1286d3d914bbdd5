import path from 'node:path';
import YAML from 'yaml';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { fileCollections, folderCollections } from './schemas/index.ts';
import { contentDir } from './lib/content/paths.ts';
import { readTaxonomies } from './lib/content/taxonomies.ts';

const dir = contentDir();
const tax = readTaxonomies(dir);

const folder = (def: (typeof folderCollections)[keyof typeof folderCollections]) =>
  defineCollection({
    loader: glob({ pattern: '*.md', base: path.join(dir, def.info.path) }),
    schema: def.schema(tax),
  });

export const collections = {
  members: folder(folderCollections.members),
  blog: folder(folderCollections.blog),
  wiki: folder(folderCollections.wiki),
  events: folder(folderCollections.events),
  groups: folder(folderCollections.groups),
  market: folder(folderCollections.market),
  pages: folder(folderCollections.pages),
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
      parser: (text) => [{ id: 'site', ...YAML.parse(text) }],
    }),
    schema: fileCollections.settings.schema(),
  }),
};

