import path from 'node:path';
import type { Taxonomies } from '../../schemas/index.ts';
import { MAX_DATA_FILE_BYTES, readContentText } from './files.ts';
import { parseYamlData } from './front-matter.ts';

/**
 * Reads the allowed trades and municipalities for the schemas, by the same rules as the
 * validator (ordinary UTF-8 files, bounded, YAML as data). Files that break them yield empty
 * lists here; the validator reports them with file and line.
 */
export function readTaxonomies(dir: string): Taxonomies {
  const read = (name: string) => {
    try {
      const file = readContentText(path.join(dir, 'taxonomies', `${name}.yml`), MAX_DATA_FILE_BYTES);
      const data = 'text' in file ? parseYamlData(file.text) : [];
      return Array.isArray(data) ? data : [];
    } catch {
      return [];
    }
  };
  return { trades: read('trades'), municipalities: read('municipalities') };
}
