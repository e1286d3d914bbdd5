/** The site's languages: Danish first, at the root; English under /en/. */
export const LANGS = ['da', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'da';

export const otherLang = (lang: Lang): Lang => (lang === 'da' ? 'en' : 'da');

/** BCP 47 tag, for Intl (dates, numbers, sorting). */
export const LOCALE_TAG: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };
/** Open Graph's form of the same (`og:locale`). */
export const OG_LOCALE: Record<Lang, string> = { da: 'da_DK', en: 'en_GB' };
