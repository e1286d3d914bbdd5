import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/cms/format.ts';
import { danishSortKey } from '../../src/cms/sort-key.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const collator = new Intl.Collator('da');

/** Every name and title in the sample content, as the CMS lists them. */
function sampleNames(): string[] {
  const names: string[] = [];
  for (const collection of ['members', 'blog', 'wiki', 'events', 'groups', 'market', 'pages']) {
    const dir = path.join(ROOT, 'content', collection);
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const data = parseFrontMatter(fs.readFileSync(path.join(dir, file), 'utf8'));
      const name = data.name ?? data.title;
      if (typeof name === 'string') names.push(name);
    }
  }
  return names;
}

/** Names where code-point order and Danish order part, and where the levels of the collator matter. */
const TRICKY = [
  // æ, ø, å after z, in that order; "aa" as å
  'Åse Thomsen',
  'Aase Thomsen',
  'Aage Nielsen',
  'Åge Nielsen',
  'AAGE NIELSEN',
  'aage nielsen',
  'Øjvind Lund',
  'Ølstykke Tømrer',
  'Ærø Ågaard',
  'Æble Andersen',
  'Zenia Holm',
  'Zacharias Berg',
  'Yasmin Haddad',
  'Ulla Mortensen',
  'Dorthe Aagaard',
  'Dorthe Agger',
  'Dorthe Åberg',
  'Søren Ærø Ågaard',
  'Soeren Aero Agaard',
  'Søren Aagaard',
  'Graaberg',
  'Graberg',
  'Grå Berg',
  // letters that count as others: ä æ, ö ø, ü y, ð d, ß ss, þ th, œ oe
  'Ägir Bak',
  'Öhman Bo',
  'Ölund',
  'Őry',
  'Ülla Yde',
  'Yde Ülla',
  'Müller',
  'Myller',
  'Möller',
  'Møller',
  'Moller',
  'Straße',
  'Strasse',
  'Strassen',
  'Þórr',
  'Thorr',
  'Œuvre',
  'Oeuvre',
  'Guðrun',
  'Gudrun',
  'Đorđe',
  'Łukasz',
  'Lukasz',
  'Yıldız',
  'Yildiz',
  'Yjlo',
  // accents and case
  'Élise',
  'Elise',
  'élise',
  'Èlise',
  'Ëlise',
  'Ēlise',
  'Ęlise',
  'Ėlise',
  'Ĕlise',
  'Ẽlise',
  'Ȩlise',
  'José Núñez',
  'Jose Nunez',
  'Çelik',
  'Celik',
  'Ǻse',
  'ǿjvind',
  'bo berg',
  'Bo Berg',
  'Bo berg',
  'BO BERG',
  // spaces, hyphens, punctuation, digits
  'Bo  Berg',
  'Bo-Berg',
  'Boberg',
  'Bo Bergsen',
  'Bo Berg & Co.',
  'Bo Berg ApS',
  'Inge-Lise Paulsen',
  'Inge Lise Paulsen',
  'Ingelise Paulsen',
  "O'Brien",
  'OBrien',
  'O Brien',
  'Café 22',
  'Café 3',
  '3D-print',
  '22 ting',
  'Træf 2027',
  'Træf 2026',
  '"Citat"',
  '(Kladde) Program',
  'Mikronet-møde i Nykøbing F. – januar',
  'Mikronet – møde',
  'Mikronet: møde',
  'Mikronet, møde',
  'A\u00a0B',
  'A B',
  'Ab',
  '',
];

const sign = (n: number) => Math.sign(n);
const byKey = (a: string, b: string) => {
  const x = danishSortKey(a);
  const y = danishSortKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

describe('the Danish sort key orders names as Intl.Collator("da") does, under plain code-point order', () => {
  it('for every pair of sample names and tricky names', () => {
    const names = [...new Set([...sampleNames(), ...TRICKY])];
    expect(names.length).toBeGreaterThan(150);
    const wrong: string[] = [];
    for (const a of names)
      for (const b of names)
        if (sign(byKey(a, b)) !== sign(collator.compare(a, b)))
          wrong.push(`${a} ? ${b}: collator ${collator.compare(a, b)}, key ${byKey(a, b)}`);
    expect(wrong).toEqual([]);
  });

  it('puts æ, ø and å after z, in that order, and "Aa" with å', () => {
    const names = ['Åse Thomsen', 'Aage Nielsen', 'Øjvind Lund', 'Zenia Holm', 'Æble Andersen', 'Anne Sørensen'];
    // What Decap does with the key: lodash orderBy, i.e. < and > on strings.
    const sorted = [...names].sort((a, b) => (danishSortKey(a) < danishSortKey(b) ? -1 : 1));
    expect(sorted).toEqual([
      'Anne Sørensen',
      'Zenia Holm',
      'Æble Andersen',
      'Øjvind Lund',
      'Aage Nielsen',
      'Åse Thomsen',
    ]);
    // Plain code-point order, what Decap did before, has Å before Æ and Aage first.
    expect([...names].sort()).not.toEqual(sorted);
  });

  it('is bounded: a very long name makes a key of bounded length', () => {
    expect(danishSortKey('a'.repeat(100_000)).length).toBeLessThan(1_000);
  });
});
