import fs from 'node:fs';
import path from 'node:path';
import { readTaxonomies } from '../lib/content/taxonomies.ts';
import type { Taxonomies } from '../schemas/index.ts';
import { syntheticContent } from './synthetic.ts';

export interface BenchContent {
  /** The content folder written. */
  dir: string;
  tax: Taxonomies;
  files: number;
  /** Slugs of the listed members, in generation order: the ones with a page. */
  listed: string[];
}

/**
 * Writes a content folder for the bench into `dir`: the real taxonomies, settings, groups and
 * pages of `source`, everything else synthetic (N members and the rest in proportion).
 */
export function writeBenchContent(source: string, dir: string, members: number): BenchContent {
  for (const sub of ['taxonomies', 'settings', 'groups', 'pages']) {
    fs.cpSync(path.join(source, sub), path.join(dir, sub), { recursive: true });
  }
  const tax = readTaxonomies(source);
  // Groups may name sample members as contacts; the synthetic members replace them.
  for (const f of fs.readdirSync(path.join(dir, 'groups'))) {
    const file = path.join(dir, 'groups', f);
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace(/^contacts:\n(?:\s+- .*\n)*/m, '')
        .replace(/^contacts: \[.*\]\n/m, ''),
    );
  }
  const files = syntheticContent(members, tax);
  const listed: string[] = [];
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, f.path), f.text);
    const member = /^members\/(.+)\.md$/.exec(f.path);
    if (member && /^listed: true$/m.test(f.text)) listed.push(member[1]);
  }
  return { dir, tax, files: files.length, listed };
}

/**
 * A real edit of one member file, as an editor makes it: its `services` line gets one more
 * service, `word`, which must then be on the member's built page. Throws when the file has no
 * services line to edit (the synthetic members all have one).
 */
export function editServices(text: string, word: string): string {
  const edited = text.replace(/^services: \[(.*)\]$/m, (_, list: string) => `services: [${list}, ${word}]`);
  if (edited === text) throw new Error('the member file has no "services: [...]" line to edit');
  return edited;
}
