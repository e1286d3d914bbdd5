import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'complements-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function withTrades(yaml: string) {
  fs.cpSync(path.join(ROOT, 'content/taxonomies'), path.join(dir, 'taxonomies'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'content/settings'), path.join(dir, 'settings'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'taxonomies/trades.yml'), yaml);
  return validateContent(dir).issues;
}

describe('complementary trades in the taxonomy', () => {
  it('are valid in the sample content, every one a trade of the list', () => {
    expect(validateContent(path.join(ROOT, 'content')).issues).toEqual([]);
  });

  it('report an unknown trade id with the file, the field and the closest id', () => {
    const issues = withTrades(
      [
        '- id: it-data',
        '  da: IT',
        '  en: IT',
        '- id: design',
        '  da: Design',
        '  en: Design',
        '  complements: [it-dat, bager]',
      ].join('\n'),
    );
    expect(issues.map((i) => [path.basename(i.file), i.field, i.code, i.suggestion])).toEqual([
      ['trades.yml', '[1].complements[0]', 'taxonomy', 'it-data'],
      ['trades.yml', '[1].complements[1]', 'taxonomy', undefined],
    ]);
    expect(issues[0].message.en).toMatch(/did you mean "it-data"/);
  });

  it('are optional', () => {
    expect(withTrades('- id: it-data\n  da: IT\n  en: IT\n')).toEqual([]);
  });
});
