import { countValues } from './queries.ts';
import { languageName } from '../lib/labels.ts';
import { openToLabels } from '../schemas/members.ts';
import type { Member, SiteData } from './site-data.ts';
import { municipalityName, regionOf, tradeLabel } from './taxonomy.ts';
import type { UIKey } from '../i18n/ui.ts';
import type { Lang } from '../i18n/locale.ts';

/**
 * The directory's facets with build-time counts. Values are the labels shown on member pages
 * (`data-pagefind-filter`), so the form's values and the index's values are the same strings.
 */
export const MEMBER_FACETS: {
  key: string;
  label: UIKey;
  values: (m: Member, data: SiteData, lang: Lang) => string[];
}[] = [
  { key: 'trade', label: 'members.trades', values: (m, d, l) => m.data.trades.map((id) => tradeLabel(d, id, l)) },
  { key: 'municipality', label: 'members.municipality', values: (m, d) => [municipalityName(d, m.data.municipality)] },
  {
    key: 'region',
    label: 'members.region',
    values: (m, d, l) => [regionOf(d, m.data.municipality, l)].filter((r): r is string => !!r),
  },
  {
    key: 'open_to',
    label: 'members.openTo',
    values: (m, _d, l) => (m.data.open_to ?? []).map((o) => openToLabels[o][l]),
  },
  {
    key: 'language',
    label: 'members.languages',
    values: (m, _d, l) => m.data.languages.map((c) => languageName(c, l)),
  },
];

export function memberFacets(data: SiteData, lang: Lang, t: (k: UIKey) => string) {
  return MEMBER_FACETS.map((f) => ({
    key: f.key,
    label: t(f.label),
    options: [...countValues(data.members, (m) => f.values(m, data, lang))].map(([value, count]) => ({ value, count })),
  }));
}
