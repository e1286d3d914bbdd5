import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticContent } from '../../src/tools/synthetic.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { readTaxonomies } from '../../src/lib/content/taxonomies.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/empty-site');

describe('synthetic benchmark content', () => {
  it('is valid content, proportional to the number of members, and the same for the same seed', () => {
    const tax = readTaxonomies(fixture);
    const files = syntheticContent(300, tax, 7);
    expect(syntheticContent(300, tax, 7)).toEqual(files);
    const count = (dir: string) => files.filter((f) => f.path.startsWith(`${dir}/`)).length;
    expect([count('members'), count('blog'), count('wiki'), count('events'), count('market')]).toEqual([
      300, 15, 10, 6, 6,
    ]);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synthetic-'));
    try {
      fs.cpSync(fixture, dir, { recursive: true });
      for (const f of files) {
        fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
        fs.writeFileSync(path.join(dir, f.path), f.text);
      }
      const { issues, entries } = validateContent(dir);
      expect(issues).toEqual([]);
      expect(entries).toHaveLength(files.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
