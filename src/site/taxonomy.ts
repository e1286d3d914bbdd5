import type { Lang } from '../i18n/locale.ts';
import { regionLabels } from '../schemas/settings.ts';

/**
 * Labels in the reader's language for the taxonomy ids an entry carries. They need only the
 * taxonomies (SiteData has them as maps; the CMS previews build the same maps from the taxonomy
 * files), so the site and the previews name things alike. An unknown id is shown as it is.
 */

export interface TaxonomyMaps {
  trades: ReadonlyMap<string, { da: string; en: string }>;
  municipalities: ReadonlyMap<string, { name: string; region: string }>;
}

export function tradeLabel(data: Pick<TaxonomyMaps, 'trades'>, id: string, lang: Lang): string {
  const t = data.trades.get(id);
  return t ? t[lang] : id;
}

export function municipalityName(data: Pick<TaxonomyMaps, 'municipalities'>, id: string): string {
  return data.municipalities.get(id)?.name ?? id;
}

export function regionOf(
  data: Pick<TaxonomyMaps, 'municipalities'>,
  municipalityId: string,
  lang: Lang,
): string | undefined {
  const region = data.municipalities.get(municipalityId)?.region;
  return region ? regionLabels[region as keyof typeof regionLabels]?.[lang] : undefined;
}
