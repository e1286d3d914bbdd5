import { z } from 'zod';
import { describeField, shapeOf } from '../schemas/introspect.ts';
import { bi, type Bilingual, type CollectionInfo, type FieldMeta } from '../schemas/meta.ts';
import { folderCollections, type FolderCollection, type Taxonomies } from '../schemas/index.ts';

/**
 * Field documentation derived from the schemas: what CONTRIBUTING.md's tables, the GitHub issue
 * form and the scaffolder's comments say about a field. Nothing here is written twice.
 */
export interface FieldDoc {
  /** Path in the front matter, e.g. `name` or `location.lat`. */
  name: string;
  label: Bilingual;
  hint?: Bilingual;
  required: boolean;
  /** The type and allowed values, in words. */
  type: Bilingual;
  meta?: FieldMeta;
  defaultValue?: unknown;
  /** Sub-fields of an object field. */
  children?: FieldDoc[];
}

/** The schemas only need the taxonomies to check values, not to describe fields. */
export const NO_TAXONOMIES: Taxonomies = { trades: [], municipalities: [] };

export function collectionSchema(name: FolderCollection): z.ZodObject {
  return folderCollections[name].schema(NO_TAXONOMIES) as z.ZodObject;
}

const TAXONOMY_WORDS: Record<string, { one: Bilingual; many: Bilingual; example: string }> = {
  municipalities: {
    one: bi('kommune-id', 'municipality id'),
    many: bi("kommune-id'er", 'municipality ids'),
    example: 'guldborgsund',
  },
  trades: { one: bi('branche-id', 'trade id'), many: bi("branche-id'er", 'trade ids'), example: 'it-data' },
};

type Json = {
  type?: string;
  format?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Json;
};

const code = (v: unknown) => `\`${String(v)}\``;

function jsonOf(schema: z.ZodType): Json {
  try {
    return z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Json;
  } catch {
    return {};
  }
}

function range(min: number | undefined, max: number | undefined): Bilingual | undefined {
  const hasMax = max !== undefined && max < Number.MAX_SAFE_INTEGER;
  if (min !== undefined && hasMax) return bi(`${min}–${max}`, `${min}–${max}`);
  if (min !== undefined) return bi(`mindst ${min}`, `at least ${min}`);
  if (hasMax) return bi(`højst ${max}`, `at most ${max}`);
  return undefined;
}

/** A scalar's type in words (for a list, its items). */
function scalarType(meta: FieldMeta | undefined, json: Json): Bilingual {
  const widget = meta?.widget;
  if (meta?.taxonomy) {
    const t = TAXONOMY_WORDS[meta.taxonomy];
    return bi(
      `${t.one.da} fra \`taxonomies/${meta.taxonomy}.yml\`, fx ${code(t.example)}`,
      `${t.one.en} from \`taxonomies/${meta.taxonomy}.yml\`, e.g. ${code(t.example)}`,
    );
  }
  if (meta?.ref)
    return bi(
      `slug på en post i \`${meta.ref}/\` (filnavnet uden .md)`,
      `slug of an entry in \`${meta.ref}/\` (its file name without .md)`,
    );
  if (meta?.options) {
    const opts = Object.entries(meta.options);
    return bi(
      `én af: ${opts.map(([k, l]) => `${code(k)} (${l.da})`).join(', ')}`,
      `one of: ${opts.map(([k, l]) => `${code(k)} (${l.en})`).join(', ')}`,
    );
  }
  if (json.enum) return bi(`én af: ${json.enum.map(code).join(', ')}`, `one of: ${json.enum.map(code).join(', ')}`);
  if (widget === 'date') return bi('dato, ÅÅÅÅ-MM-DD', 'date, YYYY-MM-DD');
  if (widget === 'datetime')
    return bi('tidspunkt, ÅÅÅÅ-MM-DDTTT:mm (dansk tid)', 'date and time, YYYY-MM-DDTHH:mm (Danish time)');
  if (widget === 'image')
    return bi(
      'billedsti i mediemappen, fx `/media/members/navn.jpg`',
      'image path in the media folder, e.g. `/media/members/name.jpg`',
    );
  if (json.type === 'boolean') return bi('`true` eller `false`', '`true` or `false`');
  if (json.type === 'integer' || json.type === 'number') {
    const r = range(json.minimum, json.maximum);
    const word = json.type === 'integer' ? bi('helt tal', 'whole number') : bi('tal', 'number');
    return r ? bi(`${word.da}, ${r.da}`, `${word.en}, ${r.en}`) : word;
  }
  if (json.format === 'uri') return bi('webadresse med https://', 'web address with https://');
  if (json.format === 'email') return bi('e-mailadresse', 'e-mail address');
  return bi('tekst', 'text');
}

function typeOf(schema: z.ZodType, meta: FieldMeta | undefined): Bilingual {
  const json = jsonOf(describeField(schema).core);
  if (json.type === 'array') {
    const item = scalarType(meta, json.items ?? {});
    const r = range(json.minItems, json.maxItems);
    const count = r ? bi(` (${r.da})`, ` (${r.en})`) : bi('', '');
    return bi(`liste${count.da}; hvert punkt: ${item.da}`, `list${count.en}; each item: ${item.en}`);
  }
  if (json.type === 'object') return bi('gruppe af felter, se nedenfor', 'group of fields, see below');
  return scalarType(meta, json);
}

/** Every field of an object schema, in schema order, with sub-fields of object fields. */
export function fieldDocs(schema: z.ZodType, prefix = ''): FieldDoc[] {
  const shape = shapeOf(schema) ?? {};
  return Object.entries(shape).map(([key, field]) => {
    const shape = describeField(field);
    const meta = shape.meta;
    const name = prefix ? `${prefix}.${key}` : key;
    const defaultValue = shape.hasDefault ? defaultOf(field) : undefined;
    let type = typeOf(field, meta);
    if (defaultValue !== undefined) {
      const shown = Array.isArray(defaultValue) ? defaultValue.join(', ') : String(defaultValue);
      type = bi(`${type.da}; standard: ${code(shown)}`, `${type.en}; default: ${code(shown)}`);
    }
    const children = shapeOf(field) ? fieldDocs(field, name) : undefined;
    return {
      name,
      label: meta?.label ?? bi(key, key),
      hint: meta?.hint,
      required: shape.required,
      type,
      meta,
      defaultValue,
      children,
    };
  });
}

function defaultOf(field: z.ZodType): unknown {
  const r = field.safeParse(undefined);
  return r.success ? r.data : undefined;
}

/** Fields and sub-fields in one list, parents first. */
export function flatFieldDocs(docs: FieldDoc[]): FieldDoc[] {
  return docs.flatMap((d) => [d, ...flatFieldDocs(d.children ?? [])]);
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const pair = (b: Bilingual | undefined) => (b ? `${cell(b.da)}<br>*${cell(b.en)}*` : '');

/** The Markdown table of a collection's fields (Danish first, English in italics beneath). */
export function fieldTable(name: FolderCollection): string {
  const info: CollectionInfo = folderCollections[name].info;
  const rows = flatFieldDocs(fieldDocs(collectionSchema(name))).map(
    (d) =>
      `| ${code(d.name)} | ${pair(d.label)} | ${d.required ? 'ja<br>*yes*' : 'nej<br>*no*'} | ${pair(d.type)} | ${pair(d.hint)} |`,
  );
  if (info.hasBody && info.bodyLabel) {
    // Every body is rendered by the same sanitizer, and the check refuses what it would remove.
    const body = bi(
      'Markdown, ingen HTML; billeder fra /media/ (andet fjernes af sikkerhedshensyn)',
      'Markdown, no HTML; pictures from /media/ (anything else is removed for safety)',
    );
    rows.push(
      `| *(brødtekst · body)* | ${pair(info.bodyLabel)} | nej<br>*no* | ${pair(body)} | ${pair(bi('Teksten under front matter (efter den anden `---`-linje).', 'The text below the front matter (after the second `---` line).'))} |`,
    );
  }
  return [
    '| felt<br>*field* | navn<br>*label* | påkrævet<br>*required* | værdi<br>*value* | vejledning<br>*hint* |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/**
 * Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` with
 * what `generators[NAME]` returns. Unknown names are an error, so a typo cannot leave a table stale.
 */
export function fillGenerated(markdown: string, generators: Record<string, () => string>): string {
  const pattern = /(<!-- generated:([\w:-]+) -->\n)(?:[\s\S]*?\n)?(<!-- \/generated:\2 -->)/g;
  const seen = new Set<string>();
  const out = markdown.replace(pattern, (_all, open: string, name: string, close: string) => {
    const generate = generators[name];
    if (!generate) throw new Error(`no generator for <!-- generated:${name} -->`);
    seen.add(name);
    return `${open}${generate()}\n${close}`;
  });
  const missing = Object.keys(generators).filter((n) => !seen.has(n));
  if (missing.length) throw new Error(`markers missing for: ${missing.join(', ')}`);
  return out;
}
