import { z } from 'zod';
import { bi, field, type Bilingual, type FieldMeta, type RefTarget, type TaxonomyName } from './meta.ts';
import { isCalendarDay, parseLocalDateTime } from '../lib/dates.ts';
import { LANGS, type Lang } from '../i18n/locale.ts';

/** File names and references: lowercase ASCII, digits and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MEDIA_PATTERN = /^\/media\/[A-Za-z0-9._\/-]+\.(?:jpe?g|png|webp|avif|gif|svg)$/i;
/** Required dates that mean "today" when an entry is created (the scaffolder's and the CMS's default). */
export const TODAY_FIELDS: ReadonlySet<string> = new Set(['last_verified', 'joined', 'date']);
/** Largest picture the media folder holds and the CMS uploads, in bytes. */
export const MAX_IMAGE_BYTES = 2_000_000;
const DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?$/;

export interface Taxonomies {
  trades: { id: string; da: string; en: string; complements?: string[] }[];
  municipalities: { id: string; name: string; region: string; lat: number; lon: number }[];
}

export const text = (meta: FieldMeta) => field(z.string().trim().min(1), { widget: 'string', ...meta });
export const longText = (meta: FieldMeta) => field(z.string().trim().min(1), { widget: 'text', ...meta });
export const url = (meta: FieldMeta) => field(z.url({ protocol: /^https?$/ }), { widget: 'string', ...meta });
export const email = (meta: FieldMeta) => field(z.email(), { widget: 'string', ...meta });
export const bool = (meta: FieldMeta) => field(z.boolean(), { widget: 'boolean', ...meta });
/**
 * A calendar day, YYYY-MM-DD: YAML reads it unquoted as a date, quoted (or through Astro's loader) as
 * text. An empty value is missing (not 1970-01-01), and a day that does not exist (2026-02-30) is refused.
 */
export const date = (meta: FieldMeta) =>
  field(
    z.union([
      z.date(),
      z
        .string()
        .refine(isCalendarDay)
        .transform((s) => new Date(`${s}T00:00:00Z`)),
    ]),
    { widget: 'date', ...meta },
  );
export const image = (meta: FieldMeta) => field(z.string().regex(MEDIA_PATTERN), { widget: 'image', ...meta });

/** Local Europe/Copenhagen time unless the value carries an offset. */
export const dateTime = (meta: FieldMeta) =>
  field(
    z
      .union([z.date(), z.string().regex(DATETIME_PATTERN)])
      .transform((v) => (v instanceof Date ? v : parseLocalDateTime(v))),
    { widget: 'datetime', ...meta },
  );

/** The site's languages as a content field's choices (a text's `lang`). */
export const langLabels = { da: bi('Dansk', 'Danish'), en: bi('Engelsk', 'English') } satisfies Record<Lang, Bilingual>;

export const lang = (meta: Partial<FieldMeta> = {}) =>
  field(z.enum(LANGS), {
    label: bi('Sprog', 'Language'),
    hint: bi('Det sprog teksten er skrevet på.', 'The language the text is written in.'),
    widget: 'select',
    options: langLabels,
    ...meta,
  });

export function choice<const T extends readonly [string, ...string[]]>(
  values: T,
  labels: Record<T[number], Bilingual>,
  meta: FieldMeta,
) {
  return field(z.enum(values), { widget: 'select', options: labels, ...meta });
}

const slugRef = () => z.string().regex(SLUG_PATTERN);

export const ref = (target: RefTarget, meta: FieldMeta) =>
  field(slugRef(), { widget: 'relation', ref: target, ...meta });

export const refs = (target: RefTarget, meta: FieldMeta) =>
  field(z.array(slugRef()).min(1), { widget: 'relation', ref: target, ...meta });

/** A value from content/taxonomies/<name>.yml; the issue names the taxonomy so messages can point at it. */
export function taxonomyId(name: TaxonomyName, tax: Taxonomies) {
  const ids = new Set(tax[name].map((t) => t.id));
  return z.string().refine((v) => ids.has(v), {
    params: { code: 'taxonomy', taxonomy: name },
    error: (iss) => `${JSON.stringify(iss.input)} is not a known ${name} id (see taxonomies/${name}.yml)`,
  });
}

export function taxonomyOptions(name: TaxonomyName, tax: Taxonomies) {
  return Object.fromEntries(
    name === 'trades'
      ? tax.trades.map((t) => [t.id, bi(t.da, t.en)])
      : tax.municipalities.map((m) => [m.id, bi(m.name, m.name)]),
  );
}

export const municipality = (tax: Taxonomies, meta: FieldMeta) =>
  field(taxonomyId('municipalities', tax), { widget: 'select', taxonomy: 'municipalities', ...meta });

export const trades = (tax: Taxonomies, meta: FieldMeta, max = 3) =>
  field(z.array(taxonomyId('trades', tax)).min(1).max(max), { widget: 'select', taxonomy: 'trades', ...meta });

export const stringList = (meta: FieldMeta) => field(z.array(z.string().trim().min(1)), { widget: 'list', ...meta });

type Row = Record<string, unknown>;
const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/**
 * Cross-field rule for `.refine`: `thenField` is required when `ifField` is set. Runs even when
 * other fields already failed, so every problem in a file is reported in one pass.
 */
export function requiredWith(ifField: string, thenField: string) {
  return [
    (d: Row) => !present(d[ifField]) || present(d[thenField]),
    { path: [thenField] as PropertyKey[], params: { code: 'required_with', other: ifField }, when: () => true },
  ] as const;
}

/** Cross-field rule for `.refine`: at least one of the fields is set. */
export function oneOf(fields: string[]) {
  return [
    (d: Row) => fields.some((f) => present(d[f]) && !(Array.isArray(d[f]) && (d[f] as unknown[]).length === 0)),
    { path: fields.slice(0, 1) as PropertyKey[], params: { code: 'one_of', fields }, when: () => true },
  ] as const;
}
