import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editServices, writeBenchContent } from '../../src/tools/bench-content.ts';
import { validateContent } from '../../src/lib/content/validate.ts';

const source = path.resolve(import.meta.dirname, '../../content');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-content-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the bench content folder', () => {
  it('is the real taxonomies and settings with synthetic entries, valid, and knows which members are listed', () => {
    const content = writeBenchContent(source, path.join(dir, 'content'), 110);
    expect(fs.readdirSync(path.join(content.dir, 'members'))).toHaveLength(110);
    expect(content.tax.municipalities).toHaveLength(98);
    const listed = fs
      .readdirSync(path.join(content.dir, 'members'))
      .filter((f) => /^listed: true$/m.test(fs.readFileSync(path.join(content.dir, 'members', f), 'utf8')))
      .map((f) => f.replace(/\.md$/, ''));
    expect(content.listed.toSorted()).toEqual(listed.toSorted());
    expect(content.listed.length).toBeLessThan(110);
    expect(validateContent(content.dir).issues).toEqual([]);
  });
});

describe('the one edit', () => {
  it('adds a service to the services line and touches nothing else', () => {
    const text = '---\nname: Bo Dahl\nservices: [design, foredrag]\nlisted: true\n---\nTekst.\n';
    expect(editServices(text, 'benchmark1a')).toBe(
      '---\nname: Bo Dahl\nservices: [design, foredrag, benchmark1a]\nlisted: true\n---\nTekst.\n',
    );
  });

  it('refuses a file without a services line instead of timing a rebuild that changes nothing', () => {
    expect(() => editServices('---\nname: Bo Dahl\n---\n', 'x')).toThrow(/no "services: \[...\]" line/);
  });
});
