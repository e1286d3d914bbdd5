import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Taxonomies } from '../../schemas/index.ts';

/**
 * Reads the allowed trades and municipalities for the schemas. Malformed files yield empty
 * lists here; the validator reports them with file and line.
 */
export function readTaxonomies(dir: string): Taxonomies {
  const read = (name: string) => {
    try {
      const data = YAML.parse(fs.readFileSync(path.join(dir, 'taxonomies', `${name}.yml`), 'utf8'));
      return Array.isArray(data) ? data : [];
    } catch {
      return [];
    }
  };
  return { trades: read('trades'), municipalities: read('municipalities') };
}
