import path from 'node:path';

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
