import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createFormats,
  FRONTMATTER_FORMAT,
  LIST_KEY,
  ORIGINAL_FIELD,
  parseFrontMatter,
  pruneEmpty,
  SORT_FIELD,
  YAML_FORMAT,
} from '../../src/cms/format.ts';
import { danishSortKey } from '../../src/cms/sort-key.ts';
import { splitFrontMatter } from '../../src/lib/yaml-edit.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const { [FRONTMATTER_FORMAT]: md, [YAML_FORMAT]: yml } = createFormats([
  [
    { name: 'title' },
    { name: 'description' },
    { name: 'start' },
    { name: 'venue', fields: [{ name: 'name' }, { name: 'address' }, { name: 'municipality' }] },
    { name: 'price' },
    { name: 'body' },
  ],
]);
const EVENT_KEYS = ['title', 'description', 'start', 'venue', 'price', 'body'];

/** Saving as the CMS does: the loaded text travels with the data. */
const save = (raw: string, change: (d: Record<string, unknown>) => void = () => {}, keys = EVENT_KEYS) => {
  const data = md.fromFile(raw);
  change(data);
  return md.toFile({ ...data, [ORIGINAL_FIELD]: raw }, keys);
};

/** Lines that differ between two texts, as [before, after] pairs (same line count assumed where it matters). */
function changedLines(a: string, b: string): string[] {
  const x = a.split('\n');
  const y = b.split('\n');
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (x[i] === y[j]) {
      i++;
      j++;
    } else if (y.indexOf(x[i], j) === -1 && i < x.length) out.push(`-${x[i++]}`);
    else out.push(`+${y[j++]}`);
  }
  return out;
}

const EVENT = `---
title: Nytårskur på Lolland
# Kort, til lister og feeds
description: "Vi ønsker hinanden godt nytår: bobler, kransekage og en kort tale."
start: 2027-01-08T16:00
venue:
  name: Maribo Bibliotek
  municipality: lolland
price: Gratis
---

Program:

- 16.00 Velkomst
- 16.30 Tale *ved formanden*
`;

function contentFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .flatMap((e) => (e.isFile() && /\.(md|ya?ml)$/.test(e.name) ? [path.join(e.parentPath, e.name)] : []));
}

describe('saving without changes writes the file back byte for byte', () => {
  it('keeps a Markdown entry as it was', () => {
    expect(save(EVENT)).toBe(EVENT);
  });

  it('keeps every file in content/ as it was', () => {
    const all = contentFiles(path.join(ROOT, 'content'));
    expect(all.length).toBeGreaterThan(2);
    for (const file of all) {
      const raw = fs.readFileSync(file, 'utf8');
      const format = file.endsWith('.md') ? md : yml;
      expect(format.toFile({ ...format.fromFile(raw), [ORIGINAL_FIELD]: raw }), file).toBe(raw);
    }
  });
});

describe('saving a change touches only what changed', () => {
  it('changes one line of any sample file when its title or name changes', () => {
    const all = contentFiles(path.join(ROOT, 'content')).filter((f) => f.endsWith('.md'));
    for (const file of all) {
      const raw = fs.readFileSync(file, 'utf8');
      const data = md.fromFile(raw);
      const key = typeof data.title === 'string' ? 'title' : 'name';
      const out = md.toFile({ ...data, [key]: `${data[key]} (ny)`, [ORIGINAL_FIELD]: raw }, Object.keys(data));
      const lines = changedLines(raw, out);
      expect(lines, file).toHaveLength(2);
      expect(lines[1], file).toMatch(new RegExp(`^\\+${key}: .*\\(ny\\)`));
      const reread = md.fromFile(out);
      expect({ ...reread, [key]: data[key], [SORT_FIELD]: data[SORT_FIELD] }, file).toEqual(data);
      expect(reread[SORT_FIELD], file).toBe(danishSortKey(`${data[key]} (ny)`));
    }
  });

  it('rewrites one line when one field changes, keeping quotes, comments and the body', () => {
    const out = save(EVENT, (d) => (d.title = 'Nytårskur på Falster'));
    expect(changedLines(EVENT, out)).toEqual(['-title: Nytårskur på Lolland', '+title: Nytårskur på Falster']);
  });

  it('keeps a list’s style when tags typed as "a, b, c" change it: inline stays inline, one per line stays so', () => {
    const keys = ['title', 'tags', 'body'];
    const inline = '---\ntitle: Moms\ntags: [moms, hverdag]\n---\nTekst.\n';
    const block = '---\ntitle: Moms\ntags:\n  - moms\n  - hverdag\n---\nTekst.\n';
    // Decap's comma-separated input gives the values split at the commas ("moms, hverdag, priser"),
    // and an empty one while a trailing comma is typed.
    const typed = (raw: string, tags: string[]) =>
      md.toFile({ ...md.fromFile(raw), tags, [ORIGINAL_FIELD]: raw }, keys);
    expect(typed(inline, ['moms', 'hverdag', 'priser'])).toBe(inline.replace('hverdag]', 'hverdag, priser]'));
    expect(typed(block, ['moms', 'hverdag', 'priser'])).toBe(block.replace('hverdag\n', 'hverdag\n  - priser\n'));
    expect(typed(inline, ['moms', ''])).toBe(inline.replace('[moms, hverdag]', '[moms]'));
    expect(typed(inline, ['moms', 'hverdag'])).toBe(inline);
    expect(typed(block, ['moms', 'hverdag'])).toBe(block);
  });

  it('keeps the quoting style of a changed value', () => {
    const out = save(EVENT, (d) => (d.description = 'Bobler og kransekage.'));
    expect(changedLines(EVENT, out)).toEqual([
      '-description: "Vi ønsker hinanden godt nytår: bobler, kransekage og en kort tale."',
      '+description: "Bobler og kransekage."',
    ]);
  });

  it('adds a new field at its place in field order', () => {
    const out = save(EVENT, (d) => ((d.venue as Record<string, unknown>).address = 'Torvet 1'));
    expect(changedLines(EVENT, out)).toEqual(['+  address: Torvet 1']);
    expect(out).toContain('  name: Maribo Bibliotek\n  address: Torvet 1\n  municipality: lolland\n');
  });

  it('removes a field the editor cleared instead of writing an empty value', () => {
    const out = save(EVENT, (d) => (d.price = ''));
    expect(changedLines(EVENT, out)).toEqual(['-price: Gratis']);
  });

  it('keeps the front matter when only the body changes, and the blank line before the body', () => {
    const out = save(EVENT, (d) => (d.body = 'Nyt program.'));
    expect(splitFrontMatter(out).yaml).toBe(splitFrontMatter(EVENT).yaml);
    expect(out.endsWith('---\n\nNyt program.\n')).toBe(true);
  });

  it('edits a YAML list file (a taxonomy) item by item, keeping its comments', () => {
    const raw = '# Brancher\n- id: it-data\n  da: IT\n  en: IT\n- id: kunst\n  da: Kunst\n  en: Art\n';
    const data = yml.fromFile(raw);
    expect(Object.keys(data)).toEqual([LIST_KEY]);
    const items = data[LIST_KEY] as Record<string, string>[];
    items[1].da = 'Billedkunst';
    items.push({ en: 'Music', id: 'musik', da: 'Musik' });
    const out = yml.toFile({ ...data, [ORIGINAL_FIELD]: raw }, [LIST_KEY]);
    expect(out).toBe(
      '# Brancher\n- id: it-data\n  da: IT\n  en: IT\n- id: kunst\n  da: Billedkunst\n  en: Art\n- en: Music\n  id: musik\n  da: Musik\n',
    );
  });
});

describe('a new entry', () => {
  it('is written in field order, the body right after the front matter, with a final newline', () => {
    const out = md.toFile(
      {
        price: '',
        venue: { municipality: 'lolland', name: 'Hallen' },
        title: 'Ny',
        start: '2027-02-01T10:00',
        body: 'Tekst',
      },
      EVENT_KEYS,
    );
    expect(out).toBe(
      '---\ntitle: Ny\nstart: 2027-02-01T10:00\nvenue:\n  name: Hallen\n  municipality: lolland\n---\nTekst\n',
    );
  });

  it('writes lists of ids inline and lists of phrases one per line, like the sample content', () => {
    const out = md.toFile({ trades: ['it-data', 'kunst'], services: ['Hjemmesider', 'Hosting og drift'] }, [
      'trades',
      'services',
    ]);
    expect(out).toBe('---\ntrades: [it-data, kunst]\nservices:\n  - Hjemmesider\n  - Hosting og drift\n---\n');
  });

  it('quotes what YAML would otherwise read as another type', () => {
    const out = md.toFile({ title: '12345678', description: 'true' }, EVENT_KEYS);
    expect(out).toBe('---\ntitle: "12345678"\ndescription: "true"\n---\n');
  });
});

describe('reading', () => {
  it('gives the Markdown widget the body without the blank line after the front matter', () => {
    expect(parseFrontMatter(EVENT).body).toBe('Program:\n\n- 16.00 Velkomst\n- 16.30 Tale *ved formanden*\n');
  });

  it('reads dates and times as the strings the datetime widget writes', () => {
    expect(parseFrontMatter(EVENT).start).toBe('2027-01-08T16:00');
    expect(parseFrontMatter('---\njoined: 2024-03-01\n---\n').joined).toBe('2024-03-01');
  });

  it('gives every entry the Danish sort key of its name or title, which is never written back', () => {
    const member = '---\nname: Åse Thomsen\nlisted: true\n---\nHej.\n';
    const data = md.fromFile(member);
    expect(data[SORT_FIELD]).toBe(danishSortKey('Åse Thomsen'));
    expect(md.fromFile(EVENT)[SORT_FIELD]).toBe(danishSortKey('Nytårskur på Lolland'));
    expect(md.fromFile('---\nlisted: true\n---\n')).not.toHaveProperty(SORT_FIELD);
    // Saved unchanged, changed, or as a new file: the key stays out of the file.
    expect(md.toFile({ ...data, [ORIGINAL_FIELD]: member }, ['name', 'listed', SORT_FIELD, 'body'])).toBe(member);
    const renamed = md.toFile({ ...data, name: 'Aage Thomsen', [ORIGINAL_FIELD]: member }, [
      'name',
      'listed',
      SORT_FIELD,
      'body',
    ]);
    expect(renamed).toBe('---\nname: Aage Thomsen\nlisted: true\n---\nHej.\n');
    const created = md.toFile(data, ['name', 'listed', SORT_FIELD, 'body']);
    expect(created).toBe(member);
    for (const file of contentFiles(path.join(ROOT, 'content')).filter((f) => f.endsWith('.md'))) {
      const raw = fs.readFileSync(file, 'utf8');
      const { [ORIGINAL_FIELD]: _, ...fresh } = { ...md.fromFile(raw), [ORIGINAL_FIELD]: raw };
      expect(md.toFile(fresh, Object.keys(fresh)), file).not.toContain(SORT_FIELD);
      expect(md.toFile({ ...fresh, [ORIGINAL_FIELD]: raw }, Object.keys(fresh)), file).not.toContain(SORT_FIELD);
    }
  });

  it('drops only empty values that were not in the file', () => {
    expect(pruneEmpty({ a: '', b: [], c: {}, d: [''], e: { f: '' }, g: false, h: 0 })).toEqual({ g: false, h: 0 });
    expect(pruneEmpty({ a: '', b: 'x' }, { a: '' })).toEqual({ a: '', b: 'x' });
  });
});

describe('hand-written files keep their layout', () => {
  const RAW = `---
# Oprettet fra tilmeldingsformularen
name: 'Bo Berg'   # kaldenavn
trades: [it-data]
venue:
    name: Hallen
    municipality: lolland

joined: 2020-01-15
listed: true
---
`;
  const keys = ['name', 'trades', 'venue', 'joined', 'listed'];

  it('rewrites only the changed field, keeping comments, flow lists, indentation and blank lines', () => {
    const out = save(RAW, (d) => (d.name = 'Bo Berg Jensen'), keys);
    expect(changedLines(RAW, out)).toEqual([`-name: 'Bo Berg'   # kaldenavn`, `+name: 'Bo Berg Jensen' # kaldenavn`]);
  });

  it('writes a changed nested field with the file’s own indentation and list style', () => {
    const out = save(
      RAW,
      (d) => {
        (d.venue as Record<string, unknown>).name = 'Hallen i Maribo';
        d.trades = ['it-data', 'kunst'];
      },
      keys,
    );
    expect(changedLines(RAW, out)).toEqual([
      '-trades: [it-data]',
      '+trades: [it-data, kunst]',
      '-    name: Hallen',
      '+    name: Hallen i Maribo',
    ]);
  });

  it('removes a field and adds one without touching the rest', () => {
    const out = save(
      RAW,
      (d) => {
        delete d.joined;
        d.business = 'Berg IT';
      },
      ['name', 'business', 'trades', 'venue', 'joined', 'listed'],
    );
    expect(changedLines(RAW, out)).toEqual(['+business: Berg IT', '-joined: 2020-01-15']);
  });
});
