import fs from 'node:fs';
import path from 'node:path';
import { bi, folderCollections, type Bilingual } from '../../schemas/index.ts';
import { splitFrontMatter } from '../../lib/yaml-edit.ts';
import { MAX_ENTRY_BYTES, readContentText } from '../../lib/content/files.ts';
import { frontMatterFence, parseYamlData, YamlDataError } from '../../lib/content/front-matter.ts';
import { foreignFrontMatter } from '../../lib/content/messages.ts';
import { InputError } from '../../lib/input.ts';

type Data = Record<string, unknown>;

export interface ExistingMember {
  slug: string;
  path: string;
  text: string;
  data: Data;
  /** Why the file cannot be read safely (a link, too large, not UTF-8, not YAML): it is neither matched by field nor written. */
  unreadable?: Bilingual;
}

/**
 * Member files as text and data (YAML core schema: dates stay strings, as the spreadsheet has
 * them), read by the content check's rules: ordinary UTF-8 files under its size cap, never
 * through a link, front matter as YAML data only.
 */
export function readMembers(contentDir: string): ExistingMember[] {
  const dir = path.join(contentDir, folderCollections.members.info.path);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(dir);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) {
    throw new InputError(
      stat.isSymbolicLink()
        ? bi(
            'er et symbolsk link; medlemsmappen skal være en mappe i indholdsmappen',
            'is a symbolic link; the members folder must be a folder inside the content folder',
          )
        : bi(
            'er ikke en mappe; den skal være mappen med medlemsfiler',
            'is not a folder; it must be the folder of member files',
          ),
      dir,
    );
  }
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.md') && !n.startsWith('.'))
    .sort()
    .map((n): ExistingMember => {
      const p = path.join(dir, n);
      const slug = n.slice(0, -3);
      const read = readContentText(p, MAX_ENTRY_BYTES);
      if ('problem' in read) return { slug, path: p, text: '', data: {}, unreadable: read.problem.message };
      const fence = frontMatterFence(read.text);
      if (fence.kind === 'other')
        return { slug, path: p, text: '', data: {}, unreadable: foreignFrontMatter(fence.found) };
      try {
        const parsed = parseYamlData(splitFrontMatter(read.text).yaml, { dates: false });
        const data = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Data) : {};
        return { slug, path: p, text: read.text, data };
      } catch (err) {
        const message =
          err instanceof YamlDataError
            ? err.bilingual
            : bi('front matter kan ikke læses', 'the front matter cannot be read');
        return { slug, path: p, text: '', data: {}, unreadable: message };
      }
    });
}
