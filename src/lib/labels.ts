import type { Lang } from '../i18n/locale.ts';

/**
 * Language names for a member's `languages` (ISO 639-1 codes, not an enum of ours: Intl names
 * them). Enum labels live with their enum in src/schemas/ (`openToLabels` in members.ts, …).
 */

const languageNames: Record<Lang, Intl.DisplayNames> = {
  da: new Intl.DisplayNames(['da'], { type: 'language' }),
  en: new Intl.DisplayNames(['en'], { type: 'language' }),
};

/** Danish writes language names in lower case, English with a capital. */
const cased: Record<Lang, (name: string) => string> = {
  da: (name) => name,
  en: (name) => name.charAt(0).toUpperCase() + name.slice(1),
};

/** "de" → "tysk" / "German". */
export function languageName(code: string, lang: Lang): string {
  const key = `${lang}:${code}`;
  let name = named.get(key);
  if (name === undefined) {
    name = cased[lang](languageNames[lang].of(code) ?? code);
    named.set(key, name);
  }
  return name;
}
// Intl.DisplayNames#of is slow enough to show in a 10,000-member build; there are few codes.
const named = new Map<string, string>();
