import path from 'node:path';
import type { z } from 'zod';
import { fileCollections, folderCollections, type FolderCollection, type Taxonomies } from '../../schemas/index.ts';
import { SLUG_PATTERN } from '../../schemas/common.ts';
import { tradeComplementsSchema } from '../../schemas/taxonomies.ts';
import { describeField, metaAt, shapeOf } from '../../schemas/introspect.ts';
import type { FieldMeta } from '../../schemas/meta.ts';
import { RESERVED_SLUGS } from '../../site/routes.ts';
import { closest } from '../suggest.ts';
import { MAX_SLUG_LENGTH, slugify } from '../slug.ts';
import { lineOfField, loadRawContent, type RawContent, type RawEntry } from './load.ts';
import type { ParseCache } from './parse-cache.ts';
import { badFileName, describeIssue, duplicateId, missingReference, notAList, reservedSlug, sameLanguageTranslation, unknownField, unlistedReference } from './messages.ts';
import { sortIssues, type ContentIssue } from './issues.ts';
import { collectionDir, displayPath } from './paths.ts';

export interface ValidEntry {
  collection: FolderCollection;
  slug: string;
  file: string;
  data: Record<string, unknown>;
  body: string;
}

export interface ValidationResult {
  issues: ContentIssue[];
  entries: ValidEntry[];
  taxonomies: Taxonomies;
  raw: RawContent;
}

const fieldPath = (p: PropertyKey[]) =>
  p.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');

const valueAt = (data: unknown, p: PropertyKey[]) =>
  p.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);

export interface ParseTarget {
  file: string;
  schema: z.ZodObject;
  data: unknown;
  /** Prefix for list items in YAML files, e.g. [12] for the 13th municipality. */
  prefix?: PropertyKey[];
  lineOf?: (key: string) => number | undefined;
}

/** Validates one object against its schema; every zod issue and every unknown field becomes a ContentIssue. */
export function checkAgainstSchema(t: ParseTarget, ctx: { taxonomyIds: Record<string, string[]>; contentLabel: string }): { ok: boolean; data?: Record<string, unknown>; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const prefix = t.prefix ?? [];
  const result = t.schema.safeParse(t.data);
  if (!result.success) {
    for (const zi of result.error.issues) {
      const value = valueAt(t.data, zi.path);
      const meta = metaAt(t.schema, zi.path);
      const d = describeIssue(zi, { meta, value, ...ctx });
      const top = zi.path[0];
      issues.push({
        file: t.file,
        field: fieldPath([...prefix, ...zi.path]) || undefined,
        line: typeof top === 'string' ? t.lineOf?.(top) : undefined,
        ...d,
      });
    }
  }
  if (t.data && typeof t.data === 'object' && !Array.isArray(t.data)) {
    issues.push(...unknownFields(t, ctx));
  }
  return { ok: result.success, data: result.success ? (result.data as Record<string, unknown>) : undefined, issues };
}

/** Fields the schema does not know would be dropped silently; report them, with the likely intended name. */
function unknownFields(t: ParseTarget, _ctx: unknown): ContentIssue[] {
  const out: ContentIssue[] = [];
  const walk = (schema: z.ZodType, data: unknown, p: PropertyKey[]) => {
    const shape = shapeOf(schema);
    if (!shape || !data || typeof data !== 'object' || Array.isArray(data)) return;
    for (const [key, value] of Object.entries(data)) {
      if (key in shape) {
        const inner = shape[key];
        const core = describeField(inner).core;
        if (Array.isArray(value)) {
          const element = (core as unknown as { def: { element?: z.ZodType } }).def.element;
          if (element) value.forEach((item, i) => walk(element, item, [...p, key, i]));
        } else walk(inner, value, [...p, key]);
        continue;
      }
      const suggestion = closest(key, Object.keys(shape));
      out.push({
        file: t.file,
        field: fieldPath([...(t.prefix ?? []), ...p, key]),
        line: p.length === 0 ? t.lineOf?.(key) : undefined,
        code: 'unknown_field',
        suggestion,
        message: unknownField(Object.keys(shape), suggestion),
      });
    }
  };
  walk(t.schema, t.data, []);
  return out;
}

function checkTaxonomies(raw: RawContent, contentLabel: string): { taxonomies: Taxonomies; issues: ContentIssue[] } {
  const taxonomies: Taxonomies = { trades: [], municipalities: [] };
  const issues: ContentIssue[] = [];
  const tradeRows: number[] = [];
  for (const name of ['trades', 'municipalities'] as const) {
    const f = raw.files[name];
    if (!f) continue;
    if (!Array.isArray(f.data)) {
      issues.push({ file: f.file, code: 'type', message: notAList() });
      continue;
    }
    const seen = new Set<string>();
    const schema = fileCollections[name].schema();
    f.data.forEach((item, i) => {
      const r = checkAgainstSchema({ file: f.file, schema, data: item, prefix: [i] }, { taxonomyIds: {}, contentLabel });
      issues.push(...r.issues);
      if (!r.data) return;
      const id = String(r.data.id);
      if (seen.has(id)) {
        issues.push({ file: f.file, field: `[${i}].id`, code: 'duplicate', message: duplicateId(id) });
      }
      seen.add(id);
      (taxonomies[name] as unknown[]).push(r.data);
      if (name === 'trades') tradeRows.push(i);
    });
  }
  // A trade's complements name trades of the same list, so they are checked once it is read.
  const complements = tradeComplementsSchema(taxonomies);
  const tradeIds = { trades: taxonomies.trades.map((t) => t.id) };
  taxonomies.trades.forEach((t, n) => {
    const data = { complements: t.complements };
    issues.push(...checkAgainstSchema({ file: raw.files.trades!.file, schema: complements, data, prefix: [tradeRows[n]] }, { taxonomyIds: tradeIds, contentLabel }).issues);
  });
  return { taxonomies, issues };
}

/** Every slug reference (authors, organizers, network, groups, contacts, member, translation_of) must resolve. */
function checkReferences(dir: string, entries: RawEntry[], schemas: Record<FolderCollection, z.ZodObject>): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const bySlug = new Map<string, Map<string, RawEntry>>();
  for (const e of entries) {
    if (!bySlug.has(e.collection)) bySlug.set(e.collection, new Map());
    bySlug.get(e.collection)!.set(e.slug, e);
  }
  for (const e of entries) {
    const shape = schemas[e.collection].shape as Record<string, z.ZodType>;
    for (const [key, fieldSchema] of Object.entries(shape)) {
      const meta: FieldMeta | undefined = describeField(fieldSchema).meta;
      const target = meta?.ref;
      const value = e.data[key];
      if (!target || value === undefined) continue;
      const values = Array.isArray(value) ? value : [value];
      values.forEach((slug, i) => {
        if (typeof slug !== 'string') return;
        const field = Array.isArray(value) ? `${key}[${i}]` : key;
        const found = bySlug.get(target)?.get(slug);
        const related = [displayPath(path.join(collectionDir(dir, target as FolderCollection), `${slug}.md`))];
        const base = { file: e.file, field, line: lineOfField(e.frontMatter, key), code: 'reference', related };
        if (!found) {
          const suggestion = closest(slug, bySlug.get(target)?.keys() ?? []);
          issues.push({ ...base, suggestion, message: missingReference(slug, target, suggestion) });
        } else if (target === 'members' && found.data.listed !== true && e.collection !== 'members') {
          issues.push({ ...base, code: 'unlisted_reference', message: unlistedReference(slug) });
        } else if (key === 'translation_of' && found.data.lang === e.data.lang) {
          issues.push({ ...base, code: 'translation_lang', message: sameLanguageTranslation(slug, String(e.data.lang)) });
        }
      });
    }
  }
  return issues;
}

function checkSlug(e: RawEntry): ContentIssue[] {
  const issues: ContentIssue[] = [];
  if (!SLUG_PATTERN.test(e.slug) || e.slug.length > MAX_SLUG_LENGTH) {
    const fixed = slugify(e.slug) || 'navn';
    issues.push({ file: e.file, code: 'slug', suggestion: `${fixed}.md`, message: badFileName(fixed, MAX_SLUG_LENGTH) });
  }
  if (e.collection === 'pages' && RESERVED_SLUGS.has(e.slug)) {
    issues.push({ file: e.file, code: 'reserved_slug', message: reservedSlug(e.slug) });
  }
  return issues;
}

/** Validates all content under `dir`: schemas, file names, taxonomies and references, reporting every problem. */
export function validateContent(dir: string, options: { cache?: ParseCache } = {}): ValidationResult {
  const raw = loadRawContent(dir, options.cache);
  const contentLabel = displayPath(dir) || path.basename(dir);
  const issues = [...raw.issues];
  const tax = checkTaxonomies(raw, contentLabel);
  issues.push(...tax.issues);
  const taxonomyIds = {
    trades: tax.taxonomies.trades.map((t) => t.id),
    municipalities: tax.taxonomies.municipalities.map((m) => m.id),
  };
  const settings = raw.files.settings;
  if (settings) {
    issues.push(...checkAgainstSchema({ file: settings.file, schema: fileCollections.settings.schema(), data: settings.data }, { taxonomyIds, contentLabel }).issues);
  }
  const schemas = Object.fromEntries(
    Object.entries(folderCollections).map(([name, def]) => [name, def.schema(tax.taxonomies)]),
  ) as unknown as Record<FolderCollection, z.ZodObject>;
  const entries: ValidEntry[] = [];
  for (const e of raw.entries) {
    issues.push(...checkSlug(e));
    const r = checkAgainstSchema(
      { file: e.file, schema: schemas[e.collection], data: e.data, lineOf: (k) => lineOfField(e.frontMatter, k) },
      { taxonomyIds, contentLabel },
    );
    issues.push(...r.issues);
    if (r.data) entries.push({ collection: e.collection, slug: e.slug, file: e.file, data: r.data, body: e.body });
  }
  issues.push(...checkReferences(dir, raw.entries, schemas));
  return { issues: sortIssues(issues), entries, taxonomies: tax.taxonomies, raw };
}
