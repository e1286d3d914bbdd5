import { z } from 'zod';
import { describeField, elementOf, shapeOf } from '../schemas/introspect.ts';
import { MAX_IMAGE_BYTES, taxonomyOptions, type Taxonomies } from '../schemas/common.ts';
import { bi, type Bilingual, type FieldMeta, type RefTarget, type Widget } from '../schemas/meta.ts';
import type { Lang } from '../i18n/locale.ts';
import type { CmsField } from './decap.ts';

/** Decap's datetime widget writes these strings; the schemas accept exactly them. */
export const DATE_FORMAT = 'YYYY-MM-DD';
export const DATETIME_FORMAT = 'YYYY-MM-DDTHH:mm';

export interface FieldContext {
  tax: Taxonomies;
  lang: Lang;
  /** The field that names an entry of a collection (relation widgets search and show it). */
  summaryField: (collection: RefTarget) => string;
  /**
   * Collections that are not edited in this CMS (the wiki in its own public repository), with
   * their entries as the build found them: a relation to one becomes a select of these.
   */
  external?: Partial<Record<RefTarget, ExternalChoices>>;
}

export interface ExternalChoices {
  options: { label: string; value: string }[];
  /** Added to the field's hint: where the list comes from and where it is edited. */
  note: string;
}

/** The parts of a JSON Schema the field builder reads (zod's own export, so no zod internals). */
interface JsonSchema {
  type?: string | string[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
}

const jsonSchemaOf = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

const FORMAT_PATTERNS: Record<string, { pattern: string; message: Bilingual }> = {
  uri: {
    pattern: '^https?://\\S+$',
    message: bi('Skriv en fuld adresse, der begynder med https://', 'Write a full address starting with https://'),
  },
  email: {
    pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
    message: bi('Skriv en e-mailadresse som navn@domæne.dk', 'Write an e-mail address such as name@domain.dk'),
  },
};

const WRONG_FORMAT = bi('Forkert format', 'Wrong format');

/**
 * Lists of plain values typed in one text field, separated by commas (one click, "a, b, c"),
 * instead of "Tilføj" and a click into a new input per value: a post's tags, which cannot hold a
 * comma and come several at a time. Not a member's services (free text, which may hold commas)
 * nor languages (its hint, shared with CONTRIBUTING.md, asks for one code per line).
 */
const COMMA_LISTS = new Set(['tags']);
const COMMA_HINT = bi('Adskil flere med komma.', 'Separate several with commas.');

/** Decap's `pattern: [regex, message]`, from the schema's regex or string format. */
function patternOf(js: JsonSchema, meta: FieldMeta | undefined, lang: Lang): [string, string] | undefined {
  if (js.format && FORMAT_PATTERNS[js.format]) {
    const f = FORMAT_PATTERNS[js.format];
    return [f.pattern, f.message[lang]];
  }
  if (js.pattern) return [js.pattern, (meta?.hint ?? WRONG_FORMAT)[lang]];
  return undefined;
}

/** The object without its undefined keys, in the same order (the admin page embeds it as JSON). */
const definedOnly = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The value a schema fills in when the field is missing (zod's `.default`). */
function defaultOf(schema: z.ZodType): unknown {
  const r = schema.safeParse(undefined);
  return r.success ? r.data : undefined;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isStringOrStrings = (v: unknown): v is string | string[] =>
  isString(v) || (Array.isArray(v) && v.every(isString));

/** A schema default the widget can show; one it cannot is a mistake in src/schemas. */
function defaultAs<T>(name: string, value: unknown, fits: (v: unknown) => v is T): T | undefined {
  if (value === undefined || fits(value)) return value;
  throw new Error(
    `field "${name}" has a default (${JSON.stringify(value)}) its widget cannot show: change the default or the widget in src/schemas`,
  );
}

function inferWidget(core: z.ZodType): Widget {
  const type = core.def.type;
  if (type === 'object') return 'object';
  if (type === 'array') return 'list';
  if (type === 'boolean') return 'boolean';
  if (type === 'number') return 'number';
  return 'string';
}

function selectOptions(meta: FieldMeta, ctx: FieldContext): { label: string; value: string }[] {
  const options = meta.taxonomy ? taxonomyOptions(meta.taxonomy, ctx.tax) : meta.options;
  if (!options) throw new Error(`select field "${meta.label.en}" has neither options nor a taxonomy`);
  return Object.entries(options).map(([value, label]) => ({ label: label[ctx.lang], value }));
}

/**
 * The Decap field for one schema field. `parentRequired` is false inside an optional object:
 * Decap validates an object's children even when the object is left empty, so a child is only
 * required for Decap when every ancestor is; the schema check before saving (`checkEntry`)
 * enforces the rest ("name is required when there is a venue").
 */
export function decapField(name: string, schema: z.ZodType, ctx: FieldContext, parentRequired = true): CmsField {
  const { meta, required: schemaRequired, hasDefault, core } = describeField(schema);
  if (!meta)
    throw new Error(`field "${name}" has no editor metadata: wrap it in field(schema, { label, … }) in src/schemas`);
  const { lang } = ctx;
  const widget = meta.widget ?? inferWidget(core);
  const required = schemaRequired && parentRequired;
  const js = jsonSchemaOf(core);
  const isList = js.type === 'array';
  const label = meta.label[lang];
  const fallback = hasDefault ? defaultOf(schema) : undefined;
  // Every field opens with these keys in this order, then its default and its widget's options.
  const head = <W extends string>(w: W) => ({
    name,
    label,
    widget: w,
    required,
    ...(meta.hint ? { hint: meta.hint[lang] } : {}),
  });

  const field = ((): CmsField => {
    switch (widget) {
      case 'string':
      case 'text':
        return { ...head(widget), default: defaultAs(name, fallback, isString), pattern: patternOf(js, meta, lang) };
      case 'number':
        return {
          ...head(widget),
          default: defaultAs(name, fallback, isNumber),
          value_type: js.type === 'integer' ? 'int' : 'float',
          min: js.minimum,
          // zod's "safe integer" bound says nothing to an editor
          max: js.maximum !== undefined && js.maximum < Number.MAX_SAFE_INTEGER ? js.maximum : undefined,
        };
      case 'boolean':
        // An untouched toggle has no value; a required boolean starts as "off".
        return { ...head(widget), default: required && !hasDefault ? false : defaultAs(name, fallback, isBoolean) };
      case 'date':
        return {
          ...head('datetime'),
          default: defaultAs(name, fallback, isString),
          format: DATE_FORMAT,
          date_format: DATE_FORMAT,
          time_format: false,
        };
      case 'datetime':
        return {
          ...head('datetime'),
          default: defaultAs(name, fallback, isString),
          format: DATETIME_FORMAT,
          date_format: DATE_FORMAT,
          time_format: 'HH:mm',
        };
      case 'select':
        return {
          ...head(widget),
          default: defaultAs(name, fallback, isStringOrStrings),
          options: selectOptions(meta, ctx),
          multiple: isList || undefined,
          min: isList ? js.minItems : undefined,
          max: isList ? js.maxItems : undefined,
        };
      case 'relation': {
        if (!meta.ref) throw new Error(`relation field "${name}" has no ref`);
        const external = ctx.external?.[meta.ref];
        if (external) {
          // Decap's relation widget needs the collection in the CMS; this one is edited elsewhere.
          const select = {
            ...head('select'),
            default: defaultAs(name, fallback, isStringOrStrings),
            options: external.options,
            multiple: isList || undefined,
            min: isList ? js.minItems : undefined,
            max: isList ? js.maxItems : undefined,
          };
          return { ...select, hint: [meta.hint?.[lang], external.note].filter(Boolean).join(' ') };
        }
        const shown = ctx.summaryField(meta.ref);
        return {
          ...head(widget),
          default: defaultAs(name, fallback, isStringOrStrings),
          collection: meta.ref,
          value_field: '{{slug}}',
          search_fields: [shown],
          display_fields: [shown],
          multiple: isList || undefined,
          min: isList ? js.minItems : undefined,
          max: isList ? js.maxItems : undefined,
          // Public content may only name members who agreed to be listed.
          filters: meta.ref === 'members' ? [{ field: 'listed', values: [true] }] : undefined,
        };
      }
      case 'image':
        // No `pattern`: Decap tests it against the file's base name, not the saved path. The
        // schema check before saving (checkEntry) reports a wrong file type instead.
        return {
          ...head(widget),
          default: defaultAs(name, fallback, isString),
          choose_url: false,
          media_library: { allow_multiple: false, config: { multiple: false, max_file_size: MAX_IMAGE_BYTES } },
        };
      case 'list': {
        const element = elementOf(schema);
        if (!element) throw new Error(`list field "${name}" is not an array`);
        const items = isList ? { min: js.minItems, max: js.maxItems } : {};
        const objectShape = shapeOf(element);
        if (objectShape) {
          const fields = Object.entries(objectShape).map(([n, s]) => decapField(n, s, ctx));
          const first = fields.find((f) => f.widget === 'string' && f.required);
          return {
            ...head(widget),
            default: fallback,
            ...items,
            fields,
            summary: first ? `{{fields.${first.name}}}` : undefined,
          };
        }
        const itemJs = js.items ?? {};
        if (COMMA_LISTS.has(name))
          // Decap's list without `field`: one text input, the values separated by commas.
          return {
            ...head(widget),
            hint: [meta.hint?.[lang], COMMA_HINT[lang]].filter(Boolean).join(' '),
            default: fallback,
            ...items,
          };
        // A list of plain values: one input per value, so a comma inside a value is safe.
        return {
          ...head(widget),
          default: fallback,
          ...items,
          // Items open, so each value shows in its own input.
          collapsed: false,
          field: definedOnly<CmsField>({
            name: 'value',
            label,
            widget: 'string',
            required: true,
            pattern: patternOf(itemJs, meta, lang),
          }),
        };
      }
      case 'object': {
        const shape = shapeOf(schema);
        if (!shape) throw new Error(`object field "${name}" has no shape`);
        return {
          ...head(widget),
          default: fallback,
          fields: Object.entries(shape).map(([n, s]) => decapField(n, s, ctx, required)),
        };
      }
      case 'markdown':
        return { ...head(widget), default: defaultAs(name, fallback, isString) };
    }
  })();

  return definedOnly({ ...field, ...meta.cms });
}

/** Decap fields for a whole zod object, in schema order (Decap writes keys in this order). */
export function decapFields(schema: z.ZodType, ctx: FieldContext): CmsField[] {
  const shape = shapeOf(schema);
  if (!shape) throw new Error('collection schema is not an object');
  return Object.entries(shape).map(([name, s]) => decapField(name, s, ctx));
}
