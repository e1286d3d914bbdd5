const TRANSLITERATION: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** The longest slug: a file name and a URL segment people can still read (and every file system can store). */
export const MAX_SLUG_LENGTH = 80;

/**
 * The content model's slug: lowercase ASCII, digits and hyphens; æ→ae, ø→oe, å→aa. A longer
 * result is cut at the last hyphen that keeps it within MAX_SLUG_LENGTH (mid-word only when a
 * single word is that long).
 */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[æøåäöüß]/g, (c) => TRANSLITERATION[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const atHyphen = slug.lastIndexOf('-', MAX_SLUG_LENGTH);
  return (atHyphen > 0 ? slug.slice(0, atHyphen) : slug.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}
