import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../i18n/locale.ts';
import { useTranslations } from '../i18n/ui.ts';
import { formatDate } from '../lib/dates.ts';
import { change } from './barometer.ts';
import { FILES, overviewTable, yearTables, type Table } from './barometer-tables.ts';
import type { SiteData } from './site-data.ts';

/**
 * The barometer's downloads: a CSV per table (UTF-8 with a byte-order mark and `;`, as Danish
 * spreadsheets open them; the site's member export does the same) and a press-release template
 * per year in Markdown, for both languages. Written by the endpoints under src/pages/barometer/
 * and src/pages/en/barometer/; the page links to them.
 */

export interface BarometerFile extends Record<string, unknown> {
  /** Below the barometer's path: `2026/medlemmer-pr-branche.csv`. */
  path: string;
  body: string;
  type: string;
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe. */
const safeCell = (v: string | number) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function tableCsv(table: Table): string {
  return (
    '\ufeff' +
    stringify(
      [table.head, ...table.rows.map((r) => [r.label, ...r.values])].map((row) => row.map(safeCell)),
      { delimiter: ';', record_delimiter: 'windows' },
    )
  );
}

const CSV = 'text/csv; charset=utf-8';

/** Every download of the barometer in one language. */
export function barometerFiles(data: SiteData, lang: Lang, pageUrl: (year?: number) => string): BarometerFile[] {
  const t = useTranslations(lang);
  const ctx = { lang, t, taxonomy: data };
  const b = data.barometer;
  const files: BarometerFile[] = [
    { path: `${FILES.overview[lang]}.csv`, body: tableCsv(overviewTable(b, ctx)), type: CSV },
  ];
  b.years.forEach((y, i) => {
    for (const table of yearTables(y, ctx))
      files.push({ path: `${y.year}/${table.file}.csv`, body: tableCsv(table), type: CSV });
    files.push({
      path: `${y.year}/${FILES.press[lang]}.md`,
      body: pressRelease(data, lang, i, pageUrl(y.year)),
      type: 'text/markdown; charset=utf-8',
    });
  });
  return files;
}

/** The press-release template for the i-th year, filled with its figures and their change from the year before. */
export function pressRelease(data: SiteData, lang: Lang, i: number, url: string): string {
  const t = useTranslations(lang);
  const b = data.barometer;
  const y = b.years[i]!;
  const before = b.years[i - 1];
  const name = data.settings.name;
  const num = (c: { value: number; suppressed: boolean }) => (c.suppressed ? '–' : String(c.value));
  const diff = (d: number | undefined) =>
    d === undefined ? t('barometer.unknownChange') : d === 0 ? t('barometer.noChange') : d > 0 ? `+${d}` : `−${-d}`;
  const values = {
    name,
    year: y.year,
    members: num(y.total.members),
    membersChange: diff(change(y.total.members, before?.total.members)),
    joined: num(y.total.joined),
    joinedChange: diff(change(y.total.joined, before?.total.joined)),
    networks: y.networksTotal.total,
    events: y.events,
  };
  const table = overviewTable({ ...b, years: [y] }, { lang, t, taxonomy: data });
  const figures = table.head.slice(1).map((h, j) => `- ${h}: ${table.rows[0]!.values[j]}`);
  return [
    `<!-- ${t('barometer.pressEdit')} -->`,
    '',
    `# ${t(y.partial ? 'barometer.pressHeadlineSoFar' : 'barometer.pressHeadline', values)}`,
    '',
    ...(y.partial ? [t('barometer.partial', { year: y.year, date: formatDate(data.now, lang) }), ''] : []),
    `**${t(y.partial ? 'barometer.pressLeadSoFar' : 'barometer.pressLead', values)}**`,
    '',
    `## ${t('barometer.pressFigures')}`,
    '',
    ...figures,
    '',
    t('barometer.pressQuote'),
    '',
    `## ${t('barometer.pressAbout', { name })}`,
    '',
    data.settings.description?.[lang] ?? data.settings.tagline[lang],
    '',
    t('barometer.pressSource', { url }),
    '',
  ].join('\n');
}
