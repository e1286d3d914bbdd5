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

/** One Markdown file per entry (the wiki's may be in its own repository). */
const folder = <S extends z.ZodType>(name: FolderCollection, schema: S) =>
  defineCollection({ loader: glob({ pattern: '*.md', base: collectionDir(dir, name) }), schema });

/** Every collection of the registry (src/schemas/index.ts): adding one there adds it here. */
const folders = Object.fromEntries(
  (Object.keys(folderCollections) as FolderCollection[]).map((name) => [
    name,
    folder(name, folderCollections[name].schema(tax)),
  ]),
) as {
  // Each collection keeps its own schema type, so its entries keep their inferred types.
  [K in FolderCollection]: Omit<ReturnType<typeof folder>, 'schema'> & {
    schema: ReturnType<(typeof folderCollections)[K]['schema']>;
  };
};

export const collections = {
  ...folders,
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
