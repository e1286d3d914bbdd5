import path from 'node:path';
import { folderCollections, type FolderCollection, type Taxonomies } from '../schemas/index.ts';
import { SLUG_PATTERN } from '../schemas/common.ts';
import { loadRawContent } from '../lib/content/load.ts';
import { collectionDir, contentDir, externalCollections, isInside } from '../lib/content/paths.ts';
import type { CmsEnv } from '../lib/cms-env.ts';
import { adminSetup as setupWith, type AdminSetup } from './setup.ts';
import type { CmsLayout, ExternalCollection } from './config.ts';

/**
 * Where the collections are, read at build time (Node only; src/cms/setup.ts also runs in the
 * browser). A collection outside the content folder (the wiki, with WIKI_DIR or WIKI_REPO) is
 * not edited in the CMS: its entries become the choices of the fields that point at it. Like the
 * loader that reads them, it follows the environment (WIKI_DIR, WIKI_REPO).
 */
export function cmsLayout(dir = contentDir()): CmsLayout {
  const env = process.env;
  const layout: CmsLayout = {};
  const outside = externalCollections(dir, env);
  if (outside.length) {
    const entries = loadRawContent(dir).entries;
    layout.external = Object.fromEntries(
      outside.map((name): [FolderCollection, ExternalCollection] => {
        const summary = folderCollections[name].info.summaryField ?? 'title';
        const found = entries
          .filter((e) => e.collection === name && SLUG_PATTERN.test(e.slug))
          .map((e) => ({
            slug: e.slug,
            name: typeof e.data[summary] === 'string' ? (e.data[summary] as string) : e.slug,
          }));
        // Only a web address is worth showing editors; a local checkout's path is not.
        const source = name === 'wiki' && /^https:\/\//.test(env.WIKI_REPO ?? '') ? env.WIKI_REPO : undefined;
        return [name, { entries: found, ...(source ? { source } : {}) }];
      }),
    );
  }
  for (const name of Object.keys(folderCollections) as FolderCollection[]) {
    const folder = collectionDir(dir, name, env);
    const rel = path.relative(path.resolve(dir), folder).split(path.sep).join('/');
    if (isInside(folder, dir) && rel !== folderCollections[name].info.path) (layout.folders ??= {})[name] = rel;
  }
  return layout;
}

/** The admin page's setup at build time: backend from the environment, collections where they are. */
export function adminSetup(env: CmsEnv, tax: Taxonomies): AdminSetup {
  return setupWith(env, tax, cmsLayout());
}
