import { bi, type Bilingual } from '../../schemas/index.ts';
import type { Taxonomies } from '../../schemas/index.ts';
import { slugify } from '../../lib/slug.ts';
import { serviceWords, symmetricComplements } from '../../site/matchmaker.ts';
import type { Participant } from './sheet.ts';

/**
 * How much two participants gain from meeting: what one offers that the other seeks, both ways
 * (words of offers and trade against words of seeks, normalised like the matchmaker's service
 * words), and trades that complement each other in the taxonomy when the sheet's trade names
 * match its labels or ids.
 */

export const PAIR_WEIGHTS = { word: 2, complement: 3 } as const;
const MAX_WORDS = 3;

export interface PairScore {
  score: number;
  /** Words A offers that B seeks (as A wrote them), and the other way. */
  aForB: string[];
  bForA: string[];
  complement: boolean;
}

interface Prepared {
  offers: Map<string, string>;
  seeks: Map<string, string>;
  tradeId?: string;
}

/** Trade label or id (Danish, English, any case, æøå or not) → taxonomy id. */
export function tradeIndex(tax: Pick<Taxonomies, 'trades'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of tax.trades) for (const name of [t.id, t.da, t.en]) out.set(slugify(name), t.id);
  return out;
}

export function prepare(p: Participant, trades: Map<string, string>): Prepared {
  return {
    offers: serviceWords([p.offers, p.trade]),
    seeks: serviceWords([p.seeks]),
    tradeId: trades.get(slugify(p.trade)),
  };
}

const shared = (from: Map<string, string>, to: Map<string, string>) => {
  const out: string[] = [];
  for (const [stem, word] of from) if (out.length < MAX_WORDS && to.has(stem)) out.push(word);
  return out;
};

export function pairScore(a: Prepared, b: Prepared, complements: Map<string, Set<string>>): PairScore {
  const aForB = shared(a.offers, b.seeks);
  const bForA = shared(b.offers, a.seeks);
  const complement = !!(a.tradeId && b.tradeId && complements.get(a.tradeId)?.has(b.tradeId));
  const score = PAIR_WEIGHTS.word * (aForB.length + bForA.length) + (complement ? PAIR_WEIGHTS.complement : 0);
  return { score, aForB, bForA, complement };
}

/** Every pair's score, as a symmetric matrix. */
export function scoreMatrix(people: Participant[], tax: Pick<Taxonomies, 'trades'>): PairScore[][] {
  const trades = tradeIndex(tax);
  const complements = symmetricComplements(new Map(tax.trades.map((t) => [t.id, t.complements ?? []])));
  const prepared = people.map((p) => prepare(p, trades));
  const m: PairScore[][] = people.map(() => []);
  for (let i = 0; i < people.length; i++)
    for (let j = i; j < people.length; j++) {
      if (i === j) {
        m[i][j] = { score: 0, aForB: [], bForA: [], complement: false };
        continue;
      }
      const s = pairScore(prepared[i], prepared[j], complements);
      m[i][j] = s;
      m[j][i] = { ...s, aForB: s.bForA, bForA: s.aForB };
    }
  return m;
}

const quote = (words: string[], lang: 'da' | 'en') =>
  words.map((w) => (lang === 'da' ? `»${w}«` : `“${w}”`)).join(', ');

/** Why A and B were paired, from A's side, in both languages. */
export function pairReason(a: Participant, b: Participant, s: PairScore): Bilingual {
  const parts: Bilingual[] = [];
  if (s.aForB.length)
    parts.push(
      bi(
        `${a.name} tilbyder ${quote(s.aForB, 'da')}, som ${b.name} søger`,
        `${a.name} offers ${quote(s.aForB, 'en')}, which ${b.name} seeks`,
      ),
    );
  if (s.bForA.length)
    parts.push(
      bi(
        `${b.name} tilbyder ${quote(s.bForA, 'da')}, som ${a.name} søger`,
        `${b.name} offers ${quote(s.bForA, 'en')}, which ${a.name} seeks`,
      ),
    );
  if (s.complement)
    parts.push(bi(`brancher der passer sammen (${a.trade} ↔ ${b.trade})`, `trades that fit (${a.trade} ↔ ${b.trade})`));
  if (!parts.length) return bi('et nyt bekendtskab', 'a new acquaintance');
  return bi(parts.map((p) => p.da).join(' · '), parts.map((p) => p.en).join(' · '));
}
