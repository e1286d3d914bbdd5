
import type { Lang } from '../i18n/locale.ts';
export { openToLabels as OPEN_TO_LABELS } from '../schemas/members.ts';

const languageNames: Record<Lang, Intl.DisplayNames> = {
  da: new Intl.DisplayNames(['da'], { type: 'language' }),
  en: new Intl.DisplayNames(['en'], { type: 'language' }),
};

/** "de" → "tysk" / "German". */
export function languageName(code: string, lang: Lang): string {
  const name = languageNames[lang].of(code) ?? code;
  return lang === 'da' ? name : name.charAt(0).toUpperCase() + name.slice(1);
}
