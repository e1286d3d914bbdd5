import { z } from 'zod';
import { describeField, elementOf, shapeOf } from '../schemas/introspect.ts';
import { taxonomyOptions, type Taxonomies } from '../schemas/common.ts';
import type { Bilingual, FieldMeta, RefTarget, Widget } from '../schemas/meta.ts';

export type CmsLang = keyof Bilingual;

/** One field of a Decap CMS collection, as Decap's config expects it. */
export interface DecapField {
  name: string;
  label: string;
  widget: string;
  required: boolean;
  hint?: string;
  [option: string]: unknown;
}

/** Decap's datetime widget writes these strings; the schemas accept exactly them. */
export const DATE_FORMAT = 'YYYY-MM-DD';
export const DATETIME_FORMAT = 'YYYY-MM-DDTHH:mm';
/** Largest upload the media library accepts, in bytes. */
export const MAX_IMAGE_BYTES = 2_000_000;

export interface FieldContext {
  tax: Taxonomies;
  lang: CmsLang;
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
    message: { da: 'Skriv en fuld adresse, der begynder med https://', en: 'Write a full address starting with https://' },
  },
  email: {
    pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
    message: { da: 'Skriv en e-mailadresse som navn@domæne.dk', en: 'Write an e-mail address such as name@domain.dk' },
  },
};

const WRONG_FORMAT: Bilingual = { da: 'Forkert format', en: 'Wrong format' };

/** Decap's `pattern: [regex, message]`, from the schema's regex or string format. */
function patternOf(js: JsonSchema, meta: FieldMeta | undefined, lang: CmsLang): [string, string] | undefined {
  if (js.format && FORMAT_PATTERNS[js.format]) {
    const f = FORMAT_PATTERNS[js.format];
    return [f.pattern, f.message[lang]];
  }
  if (js.pattern) return [js.pattern, (meta?.hint ?? WRONG_FORMAT)[lang]];
  return undefined;
}

const definedOnly = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** The value a schema fills in when the field is missing (zod's `.default`). */
function defaultOf(schema: z.ZodType): unknown {
  const r = schema.safeParse(undefined);
  return r.success ? r.data : undefined;
}

function inferWidget(core: z.ZodType): Widget {
  const type = (core as unknown as { def: { type: string } }).def.type;
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
export function decapField(name: string, schema: z.ZodType, ctx: FieldContext, parentRequired = true): DecapField {
  const { meta, required: schemaRequired, hasDefault, core } = describeField(schema);
  if (!meta) throw new Error(`field "${name}" has no editor metadata: wrap it in field(schema, { label, … }) in src/schemas`);
  const { lang } = ctx;
  const widget = meta.widget ?? inferWidget(core);
  const required = schemaRequired && parentRequired;
  const js = jsonSchemaOf(core);
  const isList = js.type === 'array';
  const base: DecapField = { name, label: meta.label[lang], widget, required };
  if (meta.hint) base.hint = meta.hint[lang];
  if (hasDefault) base.default = defaultOf(schema);

  const specific = ((): Record<string, unknown> => {
    switch (widget) {
      case 'string':
      case 'text':
        return { pattern: patternOf(js, meta, lang) };
      case 'number':
        return {
          value_type: js.type === 'integer' ? 'int' : 'float',
          min: js.minimum,
          // zod's "safe integer" bound says nothing to an editor
          max: js.maximum !== undefined && js.maximum < Number.MAX_SAFE_INTEGER ? js.maximum : undefined,
        };
      case 'boolean':
        // An untouched toggle has no value; a required boolean starts as "off".
        return { default: required && !hasDefault ? false : base.default };
      case 'date':
        return { widget: 'datetime', format: DATE_FORMAT, date_format: DATE_FORMAT, time_format: false };
      case 'datetime':
        return { widget: 'datetime', format: DATETIME_FORMAT, date_format: DATE_FORMAT, time_format: 'HH:mm' };
      case 'select':
        return {
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
          return {
            widget: 'select',
            options: external.options,
            multiple: isList || undefined,
            min: isList ? js.minItems : undefined,
            max: isList ? js.maxItems : undefined,
            hint: [base.hint, external.note].filter(Boolean).join(' '),
          };
        }
        const shown = ctx.summaryField(meta.ref);
        return {
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
          return { ...items, fields, summary: first ? `{{fields.${first.name}}}` : undefined };
        }
        // A list of plain values: one input per value, so a comma inside a value is safe.
        const itemJs = js.items ?? {};
        return {
          ...items,
          // Items open, so each value shows in its own input.
          collapsed: false,
          field: definedOnly({ name: 'value', label: meta.label[lang], widget: 'string', required: true, pattern: patternOf(itemJs, meta, lang) }),
        };
      }
      case 'object': {
        const shape = shapeOf(schema);
        if (!shape) throw new Error(`object field "${name}" has no shape`);
        return { fields: Object.entries(shape).map(([n, s]) => decapField(n, s, ctx, required)) };
      }
      case 'markdown':
        return {};
    }
  })();

  return definedOnly({ ...base, ...specific, ...meta.cms }) as DecapField;
}

/** Decap fields for a whole zod object, in schema order (Decap writes keys in this order). */
export function decapFields(schema: z.ZodType, ctx: FieldContext): DecapField[] {
  const shape = shapeOf(schema);
  if (!shape) throw new Error('collection schema is not an object');
  return Object.entries(shape).map(([name, s]) => decapField(name, s, ctx));
}
