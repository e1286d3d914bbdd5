import { folderCollections, type Bilingual } from '../../schemas/index.ts';
import { slugify } from '../../lib/slug.ts';
import { collectionSchema, fieldDocs, type FieldDoc } from '../field-docs.ts';

/** The spreadsheet's columns: the member schema's fields by their labels, so a renamed label is a renamed column. */

/** Fields that do not belong in a spreadsheet: pictures live in the media folder, `lang` is about the body. */
const NOT_IN_SPREADSHEET = new Set(['photo', 'photo_alt', 'lang']);

/** Headers people write besides the labels (compared without case, spaces, hyphens and æøå). */
export const EXTRA_HEADERS: Record<string, string[]> = {
  name: ['Fulde navn', 'Full name', 'Medlem'],
  business: ['Firma', 'Firmanavn', 'Company'],
  trades: ['Branche', 'Trade'],
  municipality: ['Kommunenavn'],
  services: ['Ydelse'],
  languages: ['Sprogkoder'],
  website: ['Web', 'URL', 'www'],
  email: ['Mail', 'Email', 'E-mailadresse'],
  phone: ['Tlf', 'Tlf.', 'Telefonnummer', 'Mobil'],
  cvr: ['CVR', 'CVR-nr', 'CVR-nr.'],
  groups: ['Gruppe'],
  joined: ['Indmeldt', 'Medlem fra', 'Joined'],
  listed: ['Synlig', 'Offentlig', 'Samtykke', 'Listed', 'Public'],
};
export const SLUG_HEADERS = ['Fil', 'Filnavn', 'File'];

/**
 * Column headers where the field's label suits a form but not a spreadsheet's header row: the CMS
 * asks `listed` as a question and tells the two languages apart; a sheet keeps its short headers
 * (and sheets exported before keep matching). The labels are still read as headers too.
 */
export const SHORT_HEADERS: Record<string, Bilingual> = {
  languages: { da: 'Sprog', en: 'Languages' },
  listed: { da: 'Vis offentligt', en: 'Show publicly' },
};

export interface Column {
  /** Front-matter field, or `slug` / `body` for the file name and the presentation. */
  field: string;
  header: Bilingual;
  doc?: FieldDoc;
}

const headerKey = (h: string) => slugify(h.replace(/\u00a0/g, ' ')).replace(/-/g, '');

/** The spreadsheet's columns in schema order, then the presentation and the slug. */
export function memberColumns(): Column[] {
  const info = folderCollections.members.info;
  const docs = fieldDocs(collectionSchema('members')).filter((d) => !NOT_IN_SPREADSHEET.has(d.name));
  return [
    ...docs.map((doc) => ({ field: doc.name, header: SHORT_HEADERS[doc.name] ?? doc.label, doc })),
    { field: 'body', header: info.bodyLabel! },
    { field: 'slug', header: { da: 'Slug', en: 'Slug' } },
  ];
}

/** Which column each header is: by label (Danish or English), field name or a common alias. */
export function mapHeaders(headers: string[]): { columns: (Column | undefined)[]; ignored: string[] } {
  const keys = new Map<string, Column>();
  for (const c of memberColumns()) {
    for (const h of [
      c.header.da,
      c.header.en,
      ...(c.doc ? [c.doc.label.da, c.doc.label.en] : []),
      c.field,
      ...(EXTRA_HEADERS[c.field] ?? []),
      ...(c.field === 'slug' ? SLUG_HEADERS : []),
    ]) {
      if (!keys.has(headerKey(h))) keys.set(headerKey(h), c);
    }
  }
  const taken = new Set<string>();
  const columns = headers.map((h) => {
    const c = keys.get(headerKey(h));
    if (!c || taken.has(c.field)) return undefined;
    taken.add(c.field);
    return c;
  });
  return { columns, ignored: headers.filter((h, i) => h.trim() && !columns[i]) };
}
