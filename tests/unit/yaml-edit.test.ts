import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { deepEqual, splitFrontMatter, updateYaml } from '../../src/lib/yaml-edit.ts';

const MEMBER = `# Oprettet fra tilmeldingsformularen
name: 'Bo Berg'   # kaldenavn
trades: [it-data]
venue:
    name: Hallen
    municipality: lolland

joined: 2020-01-15
`;
const data = (text: string) => YAML.parse(text, { version: '1.2' }) as Record<string, unknown>;
const ORDER = [
  { name: 'name' },
  { name: 'business' },
  { name: 'trades' },
  { name: 'venue', fields: [{ name: 'name' }, { name: 'address' }, { name: 'municipality' }] },
  { name: 'joined' },
];

describe('updateYaml edits a YAML document in place', () => {
  it('gives back the original text, byte for byte, when the data is the same', () => {
    expect(updateYaml(MEMBER, data(MEMBER), ORDER)).toBe(MEMBER);
  });

  it('rewrites only the changed key, keeping its quotes and comment and every other line', () => {
    const out = updateYaml(MEMBER, { ...data(MEMBER), name: 'Bo Berg Jensen' }, ORDER);
    expect(out).toBe(MEMBER.replace(`name: 'Bo Berg'   # kaldenavn`, `name: 'Bo Berg Jensen' # kaldenavn`));
  });

  it('puts a new key after the nearest key before it in field order, at every depth', () => {
    const before = data(MEMBER);
    const out = updateYaml(
      MEMBER,
      { ...before, business: 'Berg IT', venue: { ...(before.venue as object), address: 'Torvet 1' } },
      ORDER,
    );
    expect(out).toContain(`name: 'Bo Berg'   # kaldenavn\nbusiness: Berg IT\ntrades: [it-data]\n`);
    expect(out).toContain('    name: Hallen\n    address: Torvet 1\n    municipality: lolland\n');
  });

  it('removes a key that is no longer in the data, and nothing else', () => {
    const { joined: _joined, ...rest } = data(MEMBER);
    expect(updateYaml(MEMBER, rest, ORDER)).toBe(MEMBER.replace('joined: 2020-01-15\n', ''));
  });

  it('edits a top-level list item by item, keeping the comment above it', () => {
    const raw = '# Brancher\n- id: it-data\n  da: IT\n- id: kunst\n  da: Kunst\n';
    const out = updateYaml(raw, [
      { id: 'it-data', da: 'IT' },
      { id: 'kunst', da: 'Billedkunst' },
      { id: 'musik', da: 'Musik' },
    ]);
    expect(out).toBe('# Brancher\n- id: it-data\n  da: IT\n- id: kunst\n  da: Billedkunst\n- id: musik\n  da: Musik\n');
  });

  it('writes a new document in field order when there is no original, lists of ids inline', () => {
    expect(
      updateYaml(undefined, { trades: ['it-data', 'kunst'], name: 'Ny', services: ['Hjemmesider og hosting'] }, ORDER),
    ).toBe('name: Ny\ntrades: [it-data, kunst]\nservices:\n  - Hjemmesider og hosting\n');
    expect(updateYaml(undefined, {})).toBe('');
  });

  it('starts afresh when the original is not YAML it can read', () => {
    expect(updateYaml('name: [unclosed\n', { name: 'Bo' })).toBe('name: Bo\n');
  });
});

describe('splitFrontMatter', () => {
  it('splits a Markdown file into the opening line, the YAML, the closing line and the body', () => {
    expect(splitFrontMatter('---\ntitle: Hej\n---\n\nTekst\n')).toEqual({
      head: '---\n',
      yaml: 'title: Hej\n',
      close: '---\n',
      body: '\nTekst\n',
    });
    expect(splitFrontMatter('---\r\ntitle: Hej\r\n---\r\nTekst')).toEqual({
      head: '---\r\n',
      yaml: 'title: Hej\r\n',
      close: '---\r\n',
      body: 'Tekst',
    });
  });

  it('takes a file without front matter, or with an unclosed one, as all body', () => {
    expect(splitFrontMatter('Tekst\n---\n')).toEqual({ head: '', yaml: '', close: '', body: 'Tekst\n---\n' });
    expect(splitFrontMatter('---\ntitle: Hej\n')).toEqual({ head: '', yaml: '', close: '', body: '---\ntitle: Hej\n' });
  });
});

describe('deepEqual', () => {
  it('compares data as YAML holds it: keys in any order, undefined as missing, lists in order', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1, d: undefined })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: '1' }, { a: 1 })).toBe(false);
  });
});
