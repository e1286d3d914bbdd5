import fs from 'node:fs';
import path from 'node:path';

/**
 * The files below a folder of our own (a build's output, public/, a bundle), as sorted paths
 * relative to it with `/` separators; none when the folder is not there. Links are listed as
 * they are and not followed into.
 */
export function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
