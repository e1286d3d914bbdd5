import fs from 'node:fs';
import path from 'node:path';
import { folderCollections, type FolderCollection } from '../../schemas/index.ts';
import type { ContentIssue } from './issues.ts';
import { missingCollectionFolder } from './messages.ts';

/** The content folder: `CONTENT_DIR` when set, else `content/` in the working directory. */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.CONTENT_DIR || 'content');
}

/** A path as people should see it in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

/** The folder uploads live in and the site serves as /media/: `MEDIA_DIR` when set, else `public/media/`. */
export function mediaDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.MEDIA_DIR || 'public/media');
}

type Env = Record<string, string | undefined>;

/** Where `npm run wiki:fetch` puts its checkout of WIKI_REPO (git-ignored). */
export const WIKI_CHECKOUT = '.wiki';

/**
 * The folder of a folder collection. The network wiki may live outside the content folder, in
 * its own public repository: `WIKI_DIR` names the folder of its entries; with only `WIKI_REPO`
 * set it is the `wiki/` folder of the checkout `npm run wiki:fetch` makes. Otherwise, and for
 * every other collection, it is the collection's folder inside `dir`.
 */
export function collectionDir(dir: string, collection: FolderCollection, env: Env = process.env): string {
  if (collection === 'wiki') {
    if (env.WIKI_DIR) return path.resolve(env.WIKI_DIR);
    if (env.WIKI_REPO) return path.resolve(WIKI_CHECKOUT, 'wiki');
  }
  return path.join(path.resolve(dir), folderCollections[collection].info.path);
}

/** Whether `inner` is `outer` or inside it. */
export function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(path.resolve(outer), path.resolve(inner));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The folder collections whose folder is outside the content folder `dir` (the wiki, when it has its own repository). */
export function externalCollections(dir: string, env: Env = process.env): FolderCollection[] {
  return (Object.keys(folderCollections) as FolderCollection[]).filter((c) => !isInside(collectionDir(dir, c, env), dir));
}

/**
 * A collection folder that was configured to be somewhere else (WIKI_DIR, WIKI_REPO) must be
 * there: a missing wiki would otherwise build a site without networks and no word said.
 */
export function missingFolderIssues(dir: string, env: Env = process.env): ContentIssue[] {
  return (Object.keys(folderCollections) as FolderCollection[]).flatMap((c): ContentIssue[] => {
    const folder = collectionDir(dir, c, env);
    if (folder === path.join(path.resolve(dir), folderCollections[c].info.path) || fs.existsSync(folder)) return [];
    return [{ file: displayPath(folder), code: 'missing_folder', message: missingCollectionFolder(c, env) }];
  });
}
