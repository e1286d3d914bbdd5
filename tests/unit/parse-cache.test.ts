import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openParseCache } from '../../src/lib/content/parse-cache.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { ROOT } from '../helpers/build.ts';

/** The build's parse cache: the same result as parsing, only for files whose text is unchanged. */
describe('the parse cache', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parse-cache-'));
  const file = path.join(dir, 'parsed.bin');

  it('gives the validator the same entries and issues as parsing, and stores only what it met', () => {
    const content = path.join(ROOT, 'content');
    const plain = validateContent(content);
    const first = validateContent(content, { cache: openParseCache(file) });
    const second = validateContent(content, { cache: openParseCache(file) });
    for (const r of [first, second]) {
      expect(r.issues).toEqual(plain.issues);
      expect(r.raw.entries).toEqual(plain.raw.entries);
    }
    // Dates survive the file (YAML reads an unquoted day as a date).
    expect(second.raw.entries.some((e) => Object.values(e.data).some((v) => v instanceof Date))).toBe(true);
  });

  it('parses a file again when its text changes, and keeps no copy a caller can change', () => {
    const cache = openParseCache(path.join(dir, 'other.bin'));
    const source = '---\nname: A\n---\nBody';
    cache.set(source, { data: { name: 'A' }, body: 'Body', frontMatter: '\nname: A' });
    cache.save();
    const again = openParseCache(path.join(dir, 'other.bin'));
    expect(again.get(`${source} changed`)).toBeUndefined();
    const hit = again.get(source)!;
    hit.data.name = 'B';
    expect(again.get(source)!.data.name).toBe('A');
  });

  it('starts empty from a damaged file', () => {
    const broken = path.join(dir, 'broken.bin');
    fs.writeFileSync(broken, 'not a cache');
    expect(openParseCache(broken).get('---\nname: A\n---\n')).toBeUndefined();
  });
});
