const TRANSLITERATION: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** The content model's slug: lowercase ASCII, digits and hyphens; æ→ae, ø→oe, å→aa. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æøåäöüß]/g, (c) => TRANSLITERATION[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
