import type { Bilingual } from '../../schemas/index.ts';
import { EXTRA_HEADERS, memberColumns, SLUG_HEADERS, type Column } from './columns.ts';

/** What a cell may hold, in words, for CONTRIBUTING.md. */
function cellHelp(c: Column): Bilingual {
  if (c.field === 'body')
    return {
      da: 'kun for nye medlemmer; en eksisterende tekst ændres aldrig',
      en: 'new members only; an existing text is never changed',
    };
  if (c.field === 'slug')
    return {
      da: 'filnavnet uden .md; finder medlemmet, også når navnet er ændret',
      en: 'the file name without .md; finds the member even when the name changed',
    };
  const doc = c.doc!;
  const meta = doc.meta;
  const list = doc.type.en.startsWith('list');
  const several = list ? { da: ', flere adskilt med komma', en: ', several separated by commas' } : { da: '', en: '' };
  if (meta?.taxonomy)
    return {
      da: `navn eller id fra \`taxonomies/${meta.taxonomy}.yml\`${several.da}`,
      en: `name or id from \`taxonomies/${meta.taxonomy}.yml\`${several.en}`,
    };
  if (meta?.options) {
    const opts = Object.entries(meta.options);
    return {
      da: `${opts.map(([, l]) => l.da).join(', ')}${several.da}`,
      en: `${opts.map(([, l]) => l.en).join(', ')}${several.en}`,
    };
  }
  if (meta?.ref) return { da: `slugs i \`${meta.ref}/\`${several.da}`, en: `slugs in \`${meta.ref}/\`${several.en}` };
  if (meta?.widget === 'boolean')
    return { da: 'ja eller nej (tom: nej for nye medlemmer)', en: 'ja or nej, yes or no (empty: no for new members)' };
  if (meta?.widget === 'date') return { da: 'ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ', en: 'YYYY-MM-DD or DD-MM-YYYY' };
  if (c.field === 'languages') return { da: 'sprogkoder, fx da, en', en: 'language codes, e.g. da, en' };
  if (list) return { da: 'én pr. linje eller adskilt med semikolon', en: 'one per line or separated by semicolons' };
  if (c.field === 'cvr')
    return { da: '8 cifre (mellemrum og DK tages væk)', en: '8 digits (spaces and DK are dropped)' };
  if (doc.type.en.startsWith('web address'))
    return {
      da: 'webadresse (https:// sættes foran, hvis det mangler)',
      en: 'web address (https:// is added when missing)',
    };
  return doc.type;
}

/** The columns of the spreadsheet as a Markdown table for CONTRIBUTING.md. */
export function columnsTable(): string {
  const rows = memberColumns().map((c) => {
    const extra = c.field === 'slug' ? SLUG_HEADERS : (EXTRA_HEADERS[c.field] ?? []);
    const help = cellHelp(c);
    const esc = (t: string) => t.replace(/\|/g, '\\|');
    return `| ${c.header.da} | ${c.header.en} | \`${c.field}\` | ${esc(help.da)}<br>*${esc(help.en)}* | ${extra.join(', ')} |`;
  });
  return [
    '| overskrift<br>*header (da)* | *header (en)* | felt<br>*field* | indhold<br>*content* | også genkendt<br>*also recognised* |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
