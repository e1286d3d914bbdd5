import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

/**
 * Parsed front matter kept between builds, by a hash of the file's text: at 10,000 members,
 * parsing the YAML of every file was most of the content check that starts each build, and a
 * rebuild after one edit has one file to parse. The file lives in the build's own cache folder
 * (never in content/); a file whose text changed has another hash and is parsed again, and one
 * that fails to parse is never stored. v8's serializer keeps the dates YAML gives.
 */

export interface Parsed {
  data: Record<string, unknown>;
  body: string;
  frontMatter: string;
}

export interface ParseCache {
  get(source: string): Parsed | undefined;
  set(source: string, parsed: Parsed): void;
  /** Writes what this run parsed or reused (and nothing else, so the file does not grow). */
  save(): void;
}

const VERSION = 1;
const key = (source: string) => createHash('sha1').update(source).digest('base64url');

export function openParseCache(file: string): ParseCache {
  let previous = new Map<string, Parsed>();
  try {
    const stored = v8.deserialize(fs.readFileSync(file)) as { version: number; entries: Map<string, Parsed> };
    if (stored.version === VERSION && stored.entries instanceof Map) previous = stored.entries;
  } catch {
    // No cache yet, or one from another version: everything is parsed.
  }
  const next = new Map<string, Parsed>();
  return {
    get(source) {
      const k = key(source);
      const hit = previous.get(k);
      // A copy, so whoever changes the data cannot change what is stored.
      if (hit) next.set(k, hit);
      return hit && structuredClone(hit);
    },
    set(source, parsed) {
      next.set(key(source), structuredClone(parsed));
    },
    save() {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, v8.serialize({ version: VERSION, entries: next }));
      fs.renameSync(tmp, file);
    },
  };
}
