import type { Formatter as DecapFormatter } from 'decap-cms-core';
import { parseYamlData } from '../lib/content/front-matter.ts';
import { deepEqual, isPlainObject, splitFrontMatter, updateYaml, type FieldTree } from '../lib/yaml-edit.ts';
import { danishSortKey } from './sort-key.ts';

/**
 * Decap CMS formats for our content: Markdown with YAML front matter, and plain YAML files.
 *
 * Decap's own formats rebuild a file from its data on every save (key order, quoting, comments
 * and line folding all change). These keep the file as it was and change only what the editor
 * changed: the original text travels with the entry (ORIGINAL_FIELD, filled in before saving);
 * each changed top-level field (or list item, in a taxonomy) is rewritten in place from the
 * original's nodes, so its quoting and comments stay, and every other byte is kept. An entry
 * saved without changes is written back byte for byte.
 *
 * The in-place YAML editing itself is src/lib/yaml-edit.ts; these wrap it as Decap formats.
 */
export const FRONTMATTER_FORMAT = 'mikronet-frontmatter';
export const YAML_FORMAT = 'mikronet-yaml';

/** Set before saving: the file's text as it was loaded. Never written. */
export const ORIGINAL_FIELD = '__mikronet_original';
/** Set before saving a new entry: its file name by our transliteration. Never written. */
export const SLUG_FIELD = '__mikronet_slug';
/**
 * Set when an entry is read: the Danish sort key of its name or title (`danishSortKey`), which the
 * collection lists sort by, as Decap sorts by plain code points. Never written.
 */
export const SORT_FIELD = '__mikronet_sort';
/** The fields a sort key is made from, the first one an entry has (every collection has one of them). */
export const SORT_SOURCES = ['name', 'title'] as const;
/** A YAML file whose top level is a list (the taxonomies) is edited as one list field of this name. */
export const LIST_KEY = 'items';

type Data = Record<string, unknown>;

/** Dates stay text, as Decap's widgets give and take them. */
const CMS_YAML = { dates: false };

const isEmptyValue = (v: unknown) =>
  v === undefined ||
  v === null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (isPlainObject(v) && Object.keys(v).length === 0);

/**
 * Drops what Decap leaves behind in fields an editor cleared ('' from a text input, [] from an
 * emptied list, {} from an object whose fields were emptied): the schemas treat a missing
 * optional field as absent, but an empty string as a wrong value. Values equal to the original
 * are kept as they were, so a file that already had `key: ''` is not touched.
 */
export function pruneEmpty(value: unknown, original?: unknown): unknown {
  if (original !== undefined && deepEqual(value, original)) return value;
  const kept = (v: unknown, o: unknown) => (o !== undefined && deepEqual(v, o) ? v : pruneEmpty(v, o));
  const keep = (v: unknown, o: unknown) => !isEmptyValue(v) || (o !== undefined && deepEqual(v, o));
  if (Array.isArray(value)) {
    const before = Array.isArray(original) ? original : [];
    const items = value.map((v, i) => kept(v, before[i])).filter((v, i) => keep(v, before[i]));
    return items.length ? items : undefined;
  }
  if (isPlainObject(value)) {
    const before = isPlainObject(original) ? original : {};
    const out: Data = {};
    for (const [k, v] of Object.entries(value)) {
      const pruned = kept(v, before[k]);
      if (keep(pruned, before[k])) out[k] = pruned;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return isEmptyValue(value) ? undefined : value;
}

// --- Markdown with front matter -------------------------------------------------------------

/** What the Markdown widget shows: the body without the blank line(s) after the front matter. */
const bodyForEditor = (body: string) => body.replace(/^(?:[ \t]*\r?\n)+/, '');

export function parseFrontMatter(raw: string): Data {
  const parts = splitFrontMatter(raw);
  const data = parts.yaml.trim() ? parseYamlData(parts.yaml, CMS_YAML) : {};
  const meta = isPlainObject(data) ? data : {};
  const body = bodyForEditor(parts.body);
  return body.trim() ? { ...meta, body } : meta;
}

/** An entry's data as Decap gets it: the front matter and body, with its sort key. */
export function readEntry(raw: string): Data {
  const data = parseFrontMatter(raw);
  const source = SORT_SOURCES.map((f) => data[f]).find((v) => typeof v === 'string');
  return typeof source === 'string' ? { ...data, [SORT_FIELD]: danishSortKey(source) } : data;
}

function splitSaveData(data: Data) {
  const { [ORIGINAL_FIELD]: original, [SLUG_FIELD]: _slug, [SORT_FIELD]: _sort, ...rest } = data;
  return { original: typeof original === 'string' && original ? original : undefined, rest };
}

export function stringifyFrontMatter(data: Data, fields?: FieldTree[]): string {
  const { original, rest } = splitSaveData(data);
  const parts = original !== undefined ? splitFrontMatter(original) : undefined;
  const before = parts ? parseFrontMatter(original!) : undefined;
  const { body, ...meta } = (pruneEmpty(rest, before) as Data | undefined) ?? {};
  const yaml = updateYaml(parts?.head ? parts.yaml : undefined, meta, fields);
  const text = typeof body === 'string' ? body : '';
  let bodyText: string;
  if (parts && text === ((before?.body as string | undefined) ?? '')) bodyText = parts.body;
  else if (!text.trim()) bodyText = '';
  else {
    // The blank line(s) between front matter and body stay as they were (none in a new file).
    const blank = parts ? /^(?:[ \t]*\r?\n)*/.exec(parts.body)![0] : '';
    bodyText = blank + text.replace(/^\s*\n/, '') + (text.endsWith('\n') ? '' : '\n');
  }
  return `${parts?.head || '---\n'}${yaml}${parts?.close || '---\n'}${bodyText}`;
}

// --- YAML files ---------------------------------------------------------------------------

export function parseYamlFile(raw: string): Data {
  const data = raw.trim() ? parseYamlData(raw, CMS_YAML) : {};
  if (Array.isArray(data)) return { [LIST_KEY]: data };
  return isPlainObject(data) ? data : {};
}

export function stringifyYamlFile(data: Data, fields?: FieldTree[]): string {
  const { original, rest } = splitSaveData(data);
  const before = original !== undefined ? parseYamlFile(original) : undefined;
  const pruned = (pruneEmpty(rest, before) as Data | undefined) ?? {};
  const wasList = original !== undefined ? Array.isArray(parseYamlData(original, CMS_YAML)) : false;
  const isList =
    (wasList || original === undefined) && Object.keys(pruned).length === 1 && Array.isArray(pruned[LIST_KEY]);
  if (isList) {
    const listFields = fields?.find((f) => f.name === LIST_KEY)?.fields;
    return updateYaml(wasList ? original : undefined, pruned[LIST_KEY], listFields);
  }
  return updateYaml(original, pruned, fields);
}

/** A Decap formatter (`CMS.registerCustomFormat`'s), reading a file as an entry's data. */
export interface Formatter extends DecapFormatter {
  fromFile(content: string): Data;
}

/**
 * The two formats, given the field trees of all collections so new keys land in field order at
 * every depth (Decap passes only the top-level order, as `sortedKeys`).
 */
export function createFormats(
  fieldTrees: FieldTree[][],
): Record<typeof FRONTMATTER_FORMAT | typeof YAML_FORMAT, Formatter> {
  const treeFor = (sortedKeys: string[] | undefined) =>
    fieldTrees.find(
      (t) => sortedKeys && t.length === sortedKeys.length && t.every((f, i) => f.name === sortedKeys[i]),
    ) ?? sortedKeys?.map((name) => ({ name }));
  return {
    [FRONTMATTER_FORMAT]: {
      fromFile: readEntry,
      toFile: (data, sortedKeys) => stringifyFrontMatter(data as Data, treeFor(sortedKeys)),
    },
    [YAML_FORMAT]: {
      fromFile: parseYamlFile,
      toFile: (data, sortedKeys) => stringifyYamlFile(data as Data, treeFor(sortedKeys)),
    },
  };
}
