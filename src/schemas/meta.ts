import { z } from 'zod';

/** A text in both site languages. Danish is the default language. */
export interface Bilingual {
  da: string;
  en: string;
}

export type Widget =
  | 'string'
  | 'text'
  | 'markdown'
  | 'number'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'select'
  | 'relation'
  | 'image'
  | 'list'
  | 'object';

/** Collections a field may point at by slug. */
export type RefTarget = 'members' | 'blog' | 'wiki' | 'groups' | 'events' | 'pages';
export type TaxonomyName = 'trades' | 'municipalities';

/**
 * Editor metadata carried by every field, read by the CMS config generator,
 * the validator's messages and the contributor docs.
 */
export interface FieldMeta {
  label: Bilingual;
  hint?: Bilingual;
  widget?: Widget;
  /** Slug reference into another collection; validated across files. */
  ref?: RefTarget;
  /** Value (or values) must be an id from content/taxonomies/<name>.yml. */
  taxonomy?: TaxonomyName;
  /** Fixed choices with their labels (enums). */
  options?: Record<string, Bilingual>;
  /** The field holds a path under the media folder; `alt` names its alt-text field. */
  alt?: string;
  /** Markdown widget options etc. that only the CMS cares about. */
  cms?: Record<string, unknown>;
}

declare module 'zod' {
  interface GlobalMeta {
    editor?: FieldMeta;
  }
}

/** Every bilingual text is written this way, Danish first: `bi('Medlemmer', 'Members')`. */
export const bi = (da: string, en: string): Bilingual => ({ da, en });

/**
 * A bilingual text on one line, as the command line, the build log and GitHub annotations show
 * it: `English — dansk` (the order people and tests have always read there).
 */
export const enDa = (text: Bilingual): string => `${text.en} — ${text.da}`;
/** The same, Danish first, for what Danish editors and contributors read first (CMS refusals, scaffold comments). */
export const daEn = (text: Bilingual): string => `${text.da} — ${text.en}`;

/** Attach editor metadata to the outermost schema of a field. */
export function field<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  return schema.meta({ editor: meta }) as T;
}

export function fieldMeta(schema: z.ZodType): FieldMeta | undefined {
  return (schema.meta() as { editor?: FieldMeta } | undefined)?.editor;
}

/** Metadata of the collection as a whole: labels for the CMS, folder and file format. */
export interface CollectionInfo {
  name: string;
  label: Bilingual;
  labelSingular: Bilingual;
  /** `folder`: one Markdown file per entry; `file`: one YAML file. */
  kind: 'folder' | 'file';
  /** Folder (or file) relative to the content directory. */
  path: string;
  /** Field that names an entry in lists (title, name). */
  summaryField?: string;
  hasBody: boolean;
  bodyLabel?: Bilingual;
}
