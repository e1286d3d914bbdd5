import type { z } from 'zod';
import { fileCollections, folderCollections, type FolderCollection, type Taxonomies } from '../schemas/index.ts';
import { metaAt } from '../schemas/introspect.ts';
import { describeIssue } from '../lib/content/messages.ts';
import { bodyFindings } from '../lib/content/body-check.ts';
import { bodyFinding, duplicateName, foreignFrontMatter } from '../lib/content/messages.ts';
import { entryKey, similarPairs } from '../lib/content/duplicates.ts';
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
  /**
   * The collection's other entries (slug and name), when the CMS could list them: a new entry
   * whose file name or name is taken, or nearly, is refused with the other's name.
   */
  existing?: ExistingEntry[];
}

export interface ExistingEntry {
  slug: string;
  /** Its summary field (name or title). */
  name: string;
  /** What keeps same-named entries apart (`entryKey`: language, an event's day). */
  key?: string;
}

/** One refusal: the text, and the form's top-level field it is about (to scroll to), if any. */
export interface Problem {
  field?: string;
  text: string;
}

export interface SaveResult {
  /** The data to hand to the format: the entry plus `additions`. */
  data: Data;
  /** What was added for the format (ORIGINAL_FIELD, SLUG_FIELD); never written to the file. */
  additions: Data;
  /** Problems for the editor, one line each; saving is refused when there are any. */
  problems: string[];
  /** The same, with the field each is about. */
  details: Problem[];
}

const isFolder = (c: string): c is FolderCollection => c in folderCollections;

const taxonomyIds = (tax: Taxonomies) => ({
  trades: tax.trades.map((t) => t.id),
  municipalities: tax.municipalities.map((m) => m.id),
});

/** Checks data against a schema the way the content validator does, with the editor's field labels. */
function problemsOf(schema: z.ZodType, data: unknown, tax: Taxonomies, lang: Lang, prefix: string[] = []): Problem[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  // Rules that name another field ("fill in Venue or Online link") name it by its label.
  const fieldLabel = (f: string) => metaAt(schema, [f])?.label;
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
    const described = describeIssue(issue, {
      meta,
      value,
      taxonomyIds: taxonomyIds(tax),
      contentLabel: 'content',
      fieldLabel,
    });
    const where = [...prefix, ...labels].join(' › ');
    const text = where ? `${where}: ${described.message[lang]}` : described.message[lang];
    return { field: typeof issue.path[0] === 'string' ? issue.path[0] : undefined, text };
  });
}

/** The problems the content validator would report for this entry (references across files excepted). */
export function checkEntry(
  input: Pick<SaveInput, 'collection' | 'file' | 'data'>,
  tax: Taxonomies,
  lang: Lang,
): string[] {
  return entryProblems(input, tax, lang).map((p) => p.text);
}

function entryProblems(input: Pick<SaveInput, 'collection' | 'file' | 'data'>, tax: Taxonomies, lang: Lang): Problem[] {
  const { body, ...fields } = (pruneEmpty(input.data) as Data | undefined) ?? {};
  if (isFolder(input.collection)) {
    const { schema, info } = folderCollections[input.collection];
    const problems = problemsOf(schema(tax), fields, tax, lang);
    // The same rule as the contributor check: nothing the site's sanitizer would remove.
    if (typeof body === 'string') {
      const where = `${bodyLabel(info, lang)}, ${bi('linje', 'line')[lang]}`;
      for (const finding of bodyFindings(body))
        problems.push({ field: 'body', text: `${where} ${finding.line + 1}: ${bodyFinding(finding)[lang]}` });
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
        problems.push({
          field: LIST_KEY,
          text: bi(`${i + 1}: id "${id}" findes allerede`, `${i + 1}: id "${id}" is used twice`)[lang],
        });
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
  const problems = entryProblems(input, tax, lang);
  // A file whose front matter is not YAML (`---js` …) was loaded as all body; saving would keep it.
  const fence = input.raw && isFolder(input.collection) ? frontMatterFence(input.raw) : undefined;
  if (fence?.kind === 'other') problems.unshift({ text: foreignFrontMatter(fence.found)[lang] });
  const additions: Data = {};
  if (input.raw) additions[ORIGINAL_FIELD] = input.raw;
  const summary = isFolder(input.collection) ? (folderCollections[input.collection].info.summaryField ?? 'title') : '';
  if (input.isNew && isFolder(input.collection)) {
    const slug = entrySlug(input.collection, input.data);
    if (!slug)
      problems.push({
        field: summary,
        text: bi('Navnet skal indeholde mindst ét bogstav eller tal.', 'The name needs at least one letter or digit.')[
          lang
        ],
      });
    else if (input.collection === 'pages' && RESERVED_SLUGS.has(slug)) {
      problems.push({
        field: summary,
        text: bi(
          `Siden kan ikke hedde "${slug}", fordi adressen /${slug}/ er optaget af sitet; vælg en anden titel.`,
          `The page cannot be called "${slug}": the address /${slug}/ is taken by the site; choose another title.`,
        )[lang],
      });
    }
    additions[SLUG_FIELD] = slug;
  }
  if (isFolder(input.collection) && input.existing) {
    const duplicate = duplicateOf(input, summary, tax, lang);
    if (duplicate) problems.push(duplicate);
  }
  return { data: { ...input.data, ...additions }, additions, problems: problems.map((p) => p.text), details: problems };
}

/**
 * The other entry this one repeats: the same file name (a new "Søren Ærø Ågaard" would become
 * soeren-aeroe-aagaard-1.md), or the same or nearly the same name (the contributor check's rule).
 */
function duplicateOf(input: SaveInput, summary: string, tax: Taxonomies, lang: Lang): Problem | undefined {
  const name = typeof input.data[summary] === 'string' ? String(input.data[summary]).trim() : '';
  if (!name) return undefined;
  const own = input.isNew ? undefined : input.file;
  const others = (input.existing ?? []).filter((e) => e.slug !== own);
  const slug = entrySlug(input.collection, input.data);
  const key = entryKey(input.collection, input.data);
  const sameFile = input.isNew ? others.find((e) => e.slug === slug && (e.key ?? '') === key) : undefined;
  const pairs = similarPairs([{ name, key }, ...others.map((e) => ({ name: e.name, key: e.key ?? '' }))]);
  const similar = sameFile ?? others[(pairs.find(([i]) => i === 0)?.[1] ?? 0) - 1];
  if (!similar) return undefined;
  const where = bi(`filen ${similar.slug}.md`, `the file ${similar.slug}.md`)[lang];
  const message = duplicateName(
    name,
    similar.name,
    where,
    sameFile !== undefined || slugify(name) === slugify(similar.name),
  );
  const label = metaAt(folderCollections[input.collection as FolderCollection].schema(tax), [summary])?.label[lang];
  return { field: summary, text: label ? `${label}: ${message[lang]}` : message[lang] };
}
