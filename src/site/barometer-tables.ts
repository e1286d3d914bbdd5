import type { Lang } from '../i18n/locale.ts';
import type { Translate } from '../i18n/ui.ts';
import { regionLabels } from '../schemas/settings.ts';
import { networkKindLabels } from '../schemas/wiki.ts';
import type { Barometer, Cell, MemberRow, YearFigures } from './barometer.ts';
import { municipalityName, tradeLabel, type TaxonomyMaps } from './taxonomy.ts';

/**
 * The barometer's tables as the page shows them and the CSV files hold them: one shape for both,
 * so a download always equals the table beside it. A hidden figure is "–" in both.
 */

export const HIDDEN = '–' as const;
export type Value = number | typeof HIDDEN;

export interface Table {
  /** The file name of its CSV in this language (without .csv). */
  file: string;
  caption: string;
  head: string[];
  /** Each row's first value is its label. */
  rows: { label: string; values: Value[]; total?: boolean }[];
  /** The column the chart draws (index into values), if the table has a chart. */
  chart?: number;
}

export const FILES = {
  overview: { da: 'aar-for-aar', en: 'year-by-year' },
  trade: { da: 'medlemmer-pr-branche', en: 'members-by-trade' },
  municipality: { da: 'medlemmer-pr-kommune', en: 'members-by-municipality' },
  region: { da: 'medlemmer-pr-region', en: 'members-by-region' },
  networks: { da: 'netvaerk-pr-region', en: 'networks-by-region' },
  press: { da: 'pressemeddelelse', en: 'press-release' },
} as const satisfies Record<string, Record<Lang, string>>;

const shown = (c: Cell): Value => (c.suppressed ? HIDDEN : c.value);

interface Ctx {
  lang: Lang;
  t: Translate;
  taxonomy: TaxonomyMaps;
}

const memberValues = (r: MemberRow): Value[] => [shown(r.joined), shown(r.members), r.listed];

/** Year by year: the whole network's figures. */
export function overviewTable(b: Barometer, { lang, t }: Ctx): Table {
  return {
    file: FILES.overview[lang],
    caption: t('barometer.years'),
    head: [
      t('barometer.year'),
      t('barometer.joined'),
      t('barometer.members'),
      t('barometer.listed'),
      t('barometer.networks'),
      t('barometer.verified'),
      t('barometer.events'),
      t('barometer.posts'),
    ],
    rows: b.years.map((y) => ({
      label: y.partial ? t('barometer.yearSoFar', { year: y.year }) : String(y.year),
      values: [...memberValues(y.total), y.networksTotal.total, y.networksTotal.verified, y.events, y.posts.total],
    })),
    chart: 1,
  };
}

/** One year's tables: members per trade, municipality and region; networks per region and kind. */
export function yearTables(y: YearFigures, { lang, t, taxonomy }: Ctx): Table[] {
  const memberHead = (first: string) => [first, t('barometer.joined'), t('barometer.members'), t('barometer.listed')];
  const total = { label: t('barometer.total'), values: memberValues(y.total), total: true };
  const kinds = Object.keys(y.networksTotal.byKind) as (keyof typeof networkKindLabels)[];
  const networkValues = (r: YearFigures['networksTotal']) => [
    ...kinds.map((k) => r.byKind[k] ?? 0),
    r.total,
    r.verified,
  ];
  return [
    {
      file: FILES.trade[lang],
      caption: t('barometer.byTrade', { year: y.year }),
      head: memberHead(t('barometer.trade')),
      rows: y.members.trade.map((r) => ({ label: tradeLabel(taxonomy, r.id, lang), values: memberValues(r) })),
      chart: 1,
    },
    {
      file: FILES.region[lang],
      caption: t('barometer.byRegion', { year: y.year }),
      head: memberHead(t('barometer.region')),
      rows: [
        ...y.members.region.map((r) => ({
          label: regionLabels[r.id as keyof typeof regionLabels]?.[lang] ?? r.id,
          values: memberValues(r),
        })),
        total,
      ],
      chart: 1,
    },
    {
      file: FILES.municipality[lang],
      caption: t('barometer.byMunicipality', { year: y.year }),
      head: memberHead(t('barometer.municipality')),
      rows: [
        ...y.members.municipality
          .map((r) => ({ label: municipalityName(taxonomy, r.id), values: memberValues(r) }))
          .sort((a, b) => a.label.localeCompare(b.label, 'da')),
        total,
      ],
    },
    {
      file: FILES.networks[lang],
      caption: t('barometer.networksByRegion', { year: y.year }),
      head: [
        t('barometer.region'),
        ...kinds.map((k) => networkKindLabels[k]?.[lang] ?? k),
        t('barometer.networks'),
        t('barometer.verified'),
      ],
      rows: [
        ...y.networks.map((r) => ({
          label:
            r.region === 'nationwide'
              ? t('barometer.nationwide')
              : (regionLabels[r.region as keyof typeof regionLabels]?.[lang] ?? r.region),
          values: networkValues(r),
        })),
        { label: t('barometer.total'), values: networkValues(y.networksTotal), total: true },
      ],
      chart: kinds.length,
    },
  ];
}
