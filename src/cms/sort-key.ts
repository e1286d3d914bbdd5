/**
 * A Danish sort key: a string whose plain code-unit order (what Decap's list sorting uses, lodash
 * `orderBy` over the entry's data) is the order `Intl.Collator('da')` gives the names.
 *
 * Our own code because nothing else does this in the browser: `Intl.Collator` only compares two
 * strings and exposes no sort keys, and Decap sorts each entry by a value of its own, with no
 * comparison to pass. The key follows the collator's model (Unicode's collation algorithm with
 * CLDR's Danish tailoring), as far as names need it:
 *
 * 1. primary: the letters, with æ, ø, å after z in that order; "aa" (also "Aa", "AA") is å; ä and
 *    ö count as æ and ø, ü as y, ð and đ as d, ß as ss, þ as th, œ as oe; spaces and punctuation
 *    (in the collator's order) before digits before letters;
 * 2. secondary, where the letters are equal: accents (é after e; ä after æ);
 * 3. tertiary, where the accents are equal too: upper case first (Å, AA, Aa, å, aa).
 *
 * The three sequences are joined by a separator below every weight, so a shorter name that is the
 * start of a longer one comes first, as in the collator. Letters it does not know (other scripts)
 * come after å, by code point. `tests/unit/cms-sort-key.test.ts` checks the order against the
 * collator over the sample names and the tricky ones.
 */

const SEP = '\u0001';

/** Primary order of what is not a letter, as the Danish collator has it (checked by the unit test). */
const PUNCTUATION = `\t\n\r _-–—,;:!?.…·'‘’"“”«»()[]{}§¶@*/\\&#%\`^¨°+÷×<=>|~$£€`;
const ALPHABET = [...PUNCTUATION, ...'0123456789', ...'abcdefghi', 'ı', ...'jklmnopqrstuvwxyz', 'æ', 'ø', 'å'];
const PRIMARY = new Map(ALPHABET.map((c, i) => [c, String.fromCharCode(0x20 + i)]));
/** After every known weight: letters of other scripts, then by their own code point. */
const OTHER = '\u0800';

/** Accents, in the collator's order; an accent not listed comes after these. */
const MARKS = [
  '\u0301', // acute
  '\u0300', // grave
  '\u0306', // breve
  '\u0302', // circumflex
  '\u030c', // caron
  '\u030a', // ring
  '\u0308', // diaeresis
  '\u030b', // double acute
  '\u0303', // tilde
  '\u0307', // dot above
  '\u0327', // cedilla
  '\u0328', // ogonek
  '\u0304', // macron
];
const COMMON = '\u0020';
const markWeight = (m: string) => {
  const i = MARKS.indexOf(m);
  return String.fromCharCode(i >= 0 ? 0x21 + i : 0x100 + m.charCodeAt(0));
};
/** Letters Danish sorts as a variant of another (d<<đ<<ð; l<<ł): a weight after every accent. */
const STROKE: Record<string, string> = { đ: '\u0080', ð: '\u0081', ł: '\u0080' };

/** Tertiary weights: case first upper, then the variants of a letter ("AA" after "Å"). */
const UPPER = '0';
const UPPER_VARIANT = '1';
const MIXED = '2';
const LOWER = '3';
const LOWER_VARIANT = '4';

/** A letter that sorts as one or two others: its primary letters (lower case). */
const EXPANSIONS: Record<string, string> = { ß: 'ss', þ: 'th', œ: 'oe', đ: 'd', ð: 'd', ł: 'l' };

interface Element {
  primary: string;
  secondary: string;
  tertiary: string;
}

const isMark = (c: string) => /\p{M}/u.test(c);
const isUpper = (c: string) => c !== c.toLowerCase();
const primaryOf = (c: string) => PRIMARY.get(c) ?? OTHER + c;

/** The longest name that still orders by its start; longer names are cut (the key is data, bounded). */
export const SORT_KEY_MAX = 200;

/** The Danish sort key of a name or title (see the module comment). */
export function danishSortKey(text: string): string {
  const chars = [...text.slice(0, SORT_KEY_MAX).normalize('NFD')];
  const elements: Element[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const marks: string[] = [];
    while (i + 1 < chars.length && isMark(chars[i + 1])) marks.push(chars[++i]);
    const lower = ch.toLowerCase();
    const upper = isUpper(ch);
    const take = (mark: string) => {
      const at = marks.indexOf(mark);
      if (at < 0) return false;
      marks.splice(at, 1);
      return true;
    };
    let letter = lower;
    let extra = '';
    let tertiary = upper ? UPPER : LOWER;
    if (ch === '\u00a0') {
      letter = ' ';
      tertiary = LOWER_VARIANT;
    } else if (/\s/.test(ch)) letter = PRIMARY.has(ch) ? ch : ' ';
    else if (lower === 'a' && take('\u030a')) letter = 'å';
    else if (lower === 'a' && marks.includes('\u0308')) letter = 'æ';
    else if (lower === 'o' && (marks.includes('\u0308') || marks.includes('\u030b'))) letter = 'ø';
    else if (lower === 'u' && (marks.includes('\u0308') || marks.includes('\u030b'))) letter = 'y';
    else if (lower === 'a' && !marks.length && chars[i + 1]?.toLowerCase() === 'a' && !isMark(chars[i + 2] ?? '')) {
      // "aa", "Aa" and "AA" are å ("aA" is not), after "å" and "Å" in that order.
      const next = chars[i + 1];
      if (upper || !isUpper(next)) {
        letter = 'å';
        tertiary = upper ? (isUpper(next) ? UPPER_VARIANT : MIXED) : LOWER_VARIANT;
        i++;
      }
    }
    const expansion = EXPANSIONS[letter];
    if (expansion && expansion.length === 1) {
      extra = STROKE[letter] ?? '';
      letter = expansion;
    } else if (expansion) {
      // ß, þ, œ: two letters, a variant of them at the last level.
      const variant = upper ? UPPER_VARIANT : LOWER_VARIANT;
      for (const c of expansion) elements.push({ primary: primaryOf(c), secondary: COMMON, tertiary: variant });
      continue;
    }
    const secondary = COMMON + marks.map(markWeight).join('') + extra;
    elements.push({ primary: primaryOf(letter), secondary, tertiary });
  }
  return [
    elements.map((e) => e.primary).join(''),
    elements.map((e) => e.secondary).join(''),
    elements.map((e) => e.tertiary).join(''),
  ].join(SEP);
}
