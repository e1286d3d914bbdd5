import { editDistance } from '../suggest.ts';
import { slugify } from '../slug.ts';

/**
 * When two entries of one collection are the same thing written twice: their names are equal
 * after the slug rule, or within one edit per ten letters. No Node imports: the CMS's save check
 * runs this in the browser, `npm run check` over the content folder.
 */

/** A name as letters and digits only, with æøå transliterated: "Iværksætter-caféen" → "ivaerksaettercafeen". */
export function normaliseName(name: string): string {
  return slugify(name).replace(/-/g, '');
}

/**
 * A normalised name with the ways æ, ø and å are typed without them folded together: "Søren Ærø
 * Ågaard" (soerenaeroeaagaard), "Soeren Aero Agaard" and "Soren Aro Agard" are all "sorenaroagard".
 */
export function foldedName(normal: string): string {
  return normal.replace(/aa/g, 'a').replace(/ae/g, 'a').replace(/oe/g, 'o');
}

/**
 * Whether two names are the same name written differently: equal once normalised or once æ, ø and
 * å are folded (foldedName), or within one edit per ten letters. Names that differ in a number
 * ("Netværk 1", "Netværk 2") are different.
 */
export function similarNames(a: string, b: string): boolean {
  return similarNormalised(normaliseName(a), normaliseName(b));
}

function similarNormalised(x: string, y: string): boolean {
  if (!x || !y) return false;
  if (x === y || foldedName(x) === foldedName(y)) return true;
  if ((x.match(/\d+/g) ?? []).join(',') !== (y.match(/\d+/g) ?? []).join(',')) return false;
  const longest = Math.max(x.length, y.length);
  if (Math.abs(x.length - y.length) / longest > 0.1) return false;
  return editDistance(x, y) / longest <= 0.1;
}

/** What decides whether two entries could be the same: the name, and what keeps same-named ones apart. */
export interface NamedEntry {
  name: string;
  /** Entries with different keys are never duplicates: a post and its translation, this year's and last year's event. */
  key?: string;
}

/**
 * Every pair of entries (indexes, i < j) whose names are similar and whose keys agree. Candidates
 * come from a deletion index (two strings within d edits share a string made by at most d
 * deletions from each), so 10,000 names are not compared pairwise; at most two deletions are
 * tried, so names over about 20 letters are near-matched within two edits.
 */
export function similarPairs(entries: NamedEntry[]): [number, number][] {
  const normal = entries.map((e) => normaliseName(e.name));
  const index = new Map<string, number[]>();
  const pairs = new Set<string>();
  const found: [number, number][] = [];
  const byFold = new Map<string, number[]>();
  normal.forEach((n, i) => {
    if (!n) return;
    // Names equal once æ, ø and å are folded may be more than two edits apart.
    const fold = foldedName(n);
    for (const j of byFold.get(fold) ?? []) {
      const key = `${j},${i}`;
      if (pairs.has(key) || (entries[i].key ?? '') !== (entries[j].key ?? '')) continue;
      pairs.add(key);
      found.push([j, i]);
    }
    byFold.set(fold, [...(byFold.get(fold) ?? []), i]);
    // longest ≤ n.length / 0.9 for a similar pair, so d ≤ longest / 10 ≤ n.length / 9
    const depth = Math.min(2, Math.floor(n.length / 9));
    for (const variant of deletions(n, depth)) {
      const seen = index.get(variant);
      if (seen) {
        for (const j of seen) {
          const key = `${j},${i}`;
          if (pairs.has(key) || (entries[i].key ?? '') !== (entries[j].key ?? '')) continue;
          pairs.add(key);
          if (similarNormalised(normal[j], n)) found.push([j, i]);
        }
        if (!seen.includes(i)) seen.push(i);
      } else index.set(variant, [i]);
    }
  });
  return found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** The string and every string made from it by deleting up to `depth` characters. */
function deletions(s: string, depth: number): Set<string> {
  const out = new Set([s]);
  let level = [s];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const t of level)
      for (let i = 0; i < t.length; i++) {
        const v = t.slice(0, i) + t.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    level = next;
  }
  return out;
}

/** The day a date value names, as YYYY-MM-DD (a date, or text that starts with one). */
const dayOf = (v: unknown): string =>
  v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v.slice(0, 10) : '';

/**
 * What keeps two entries with one name apart in a collection: a text's language (a post and its
 * translation may share a title), an event's day (the Christmas lunch every year).
 */
export function entryKey(collection: string, data: Record<string, unknown>): string {
  if (collection === 'events') return dayOf(data.start);
  if (collection === 'blog' || collection === 'pages') return typeof data.lang === 'string' ? data.lang : '';
  return '';
}
