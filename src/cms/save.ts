import type { z } from 'zod';
import { fileCollections, folderCollections, type FolderCollection, type Taxonomies } from '../schemas/index.ts';
import { metaAt } from '../schemas/introspect.ts';
import { describeIssue } from '../lib/content/messages.ts';
import { bodyFindings } from '../lib/content/body-check.ts';
import { bodyFinding, foreignFrontMatter } from '../lib/content/messages.ts';
import { slugify } from '../lib/slug.ts';
import { frontMatterFence } from '../lib/content/front-matter.ts';
import { RESERVED_SLUGS } from '../site/routes.ts';
import { bi } from '../schemas/meta.ts';
import type { Lang } from '../i18n/locale.ts';
import { bodyLabel } from './config.ts';
import { LIST_KEY, ORIGINAL_FIELD, SLUG_FIELD, pruneEmpty } from './format.ts';

type Data = Record<string, unknown>;

export interface SaveInput {
  /** Decap collection name (a folder collection, `settings` or `taxonomies`). */
  collection: string;
  /** For file collections: the file's name within the collection (`settings`, `trades`, `municipalities`). */
  file?: string;
  data: Data;
  /** The file as it was loaded; empty for a new entry. */
  raw?: string;
  isNew: boolean;
}

export interface SaveResult {
  /** The data to hand to the format: the entry plus `additions`. */
  data: Data;
  /** What was added for the format (ORIGINAL_FIELD, SLUG_FIELD); never written to the file. */
  additions: Data;
  /** Problems for the editor, one line each; saving is refused when there are any. */
  problems: string[];
}

const isFolder = (c: string): c is FolderCollection => c in folderCollections;

const taxonomyIds = (tax: Taxonomies) => ({
  trades: tax.trades.map((t) => t.id),
  municipalities: tax.municipalities.map((m) => m.id),
});

/** Checks data against a schema the way the content validator does, with the editor's field labels. */
function problemsOf(schema: z.ZodType, data: unknown, tax: Taxonomies, lang: Lang, prefix: string[] = []): string[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const value = issue.path.reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
      data,
    );
    const meta = metaAt(schema, issue.path);
    const labels = issue.path
      .map((_, i) =>
        typeof issue.path[i] === 'number'
          ? `${Number(issue.path[i]) + 1}`
          : metaAt(schema, issue.path.slice(0, i + 1))?.label[lang],
      )
      .filter(Boolean);
    const described = describeIssue(issue, { meta, value, taxonomyIds: taxonomyIds(tax), contentLabel: 'content' });
    const where = [...prefix, ...labels].join(' › ');
    return where ? `${where}: ${described.message[lang]}` : described.message[lang];
  });
}

/** The problems the content validator would report for this entry (references across files excepted). */
export function checkEntry(
  input: Pick<SaveInput, 'collection' | 'file' | 'data'>,
  tax: Taxonomies,
  lang: Lang,
): string[] {
  const { body, ...fields } = (pruneEmpty(input.data) as Data | undefined) ?? {};
  if (isFolder(input.collection)) {
    const { schema, info } = folderCollections[input.collection];
    const problems = problemsOf(schema(tax), fields, tax, lang);
    // The same rule as the contributor check: nothing the site's sanitizer would remove.
    if (typeof body === 'string') {
      const where = `${bodyLabel(info, lang)}, ${bi('linje', 'line')[lang]}`;
      for (const finding of bodyFindings(body))
        problems.push(`${where} ${finding.line + 1}: ${bodyFinding(finding)[lang]}`);
    }
    return problems;
  }
  if (input.file === 'settings') return problemsOf(fileCollections.settings.schema(), fields, tax, lang);
  if (input.file === 'trades' || input.file === 'municipalities') {
    const schema = fileCollections[input.file].schema();
    const items = Array.isArray(fields[LIST_KEY]) ? (fields[LIST_KEY] as unknown[]) : [];
    const seen = new Set<string>();
    return items.flatMap((item, i) => {
      const problems = problemsOf(schema, item, tax, lang, [`${i + 1}`]);
      const id = (item as Data | null)?.id;
      if (typeof id === 'string' && seen.has(id))
        problems.push(bi(`${i + 1}: id "${id}" findes allerede`, `${i + 1}: id "${id}" is used twice`)[lang]);
      if (typeof id === 'string') seen.add(id);
      return problems;
    });
  }
  return [];
}

/** A new entry's file name: the content model's transliteration of its title or name. */
export function entrySlug(collection: string, data: Data): string {
  const info = isFolder(collection) ? folderCollections[collection].info : undefined;
  return slugify(String(data[info?.summaryField ?? 'title'] ?? ''));
}

/**
 * What the CMS does just before it writes a file (Decap's preSave event): check the entry
 * against its schema, name a new file by our slug rules, and hand the loaded text to the
 * format so that unchanged parts stay as they were.
 */
export function prepareSave(input: SaveInput, tax: Taxonomies, lang: Lang): SaveResult {
  const problems = checkEntry(input, tax, lang);
  // A file whose front matter is not YAML (`---js` …) was loaded as all body; saving would keep it.
  const fence = input.raw && isFolder(input.collection) ? frontMatterFence(input.raw) : undefined;
  if (fence?.kind === 'other') problems.unshift(foreignFrontMatter(fence.found)[lang]);
  const additions: Data = {};
  if (input.raw) additions[ORIGINAL_FIELD] = input.raw;
  if (input.isNew && isFolder(input.collection)) {
    const slug = entrySlug(input.collection, input.data);
    if (!slug)
      problems.push(
        bi('Navnet skal indeholde mindst ét bogstav eller tal.', 'The name needs at least one letter or digit.')[lang],
      );
    else if (input.collection === 'pages' && RESERVED_SLUGS.has(slug)) {
      problems.push(
        bi(
          `Siden kan ikke hedde "${slug}", fordi adressen /${slug}/ er optaget af sitet; vælg en anden titel.`,
          `The page cannot be called "${slug}": the address /${slug}/ is taken by the site; choose another title.`,
        )[lang],
      );
    }
    additions[SLUG_FIELD] = slug;
  }
  return { data: { ...input.data, ...additions }, additions, problems };
}
