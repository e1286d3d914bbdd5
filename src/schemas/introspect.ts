import type { z } from 'zod';
import { fieldMeta, type FieldMeta } from './meta.ts';

type Def = {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
};
const defOf = (s: z.ZodType) => (s as unknown as { def: Def }).def;

export interface FieldShape {
  /** Metadata from the outermost layer that has it. */
  meta?: FieldMeta;
  required: boolean;
  hasDefault: boolean;
  /** The innermost schema once optional/default/pipe are peeled off (an array stays an array). */
  core: z.ZodType;
}

/** Peels optional, default and pipe wrappers off a field, collecting what they say. */
export function describeField(schema: z.ZodType): FieldShape {
  let meta = fieldMeta(schema);
  let required = true;
  let hasDefault = false;
  let s = schema;
  for (;;) {
    const d = defOf(s);
    if (d.type === 'optional') required = false;
    else if (d.type === 'default') hasDefault = true;
    else if (d.type !== 'pipe') break;
    s = d.type === 'pipe' ? d.in! : d.innerType!;
    meta ??= fieldMeta(s);
  }
  return { meta, required: required && !hasDefault, hasDefault, core: s };
}

export function kindOf(schema: z.ZodType): string {
  return defOf(schema).type;
}

export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const d = defOf(describeField(schema).core);
  return d.type === 'object' ? d.shape : undefined;
}

export function elementOf(schema: z.ZodType): z.ZodType | undefined {
  const d = defOf(describeField(schema).core);
  return d.type === 'array' ? d.element : undefined;
}

/** The field schema at a path such as ['venue', 'municipality'] or ['gallery', 1, 'alt']. */
export function fieldAt(root: z.ZodType, path: PropertyKey[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = root;
  for (const key of path) {
    if (!s) return undefined;
    s = typeof key === 'number' ? elementOf(s) : shapeOf(s)?.[String(key)];
  }
  return s;
}

/** Nearest editor metadata at or above a path (array items inherit their list's label). */
export function metaAt(root: z.ZodType, path: PropertyKey[]): FieldMeta | undefined {
  for (let n = path.length; n > 0; n--) {
    const s = fieldAt(root, path.slice(0, n));
    const meta = s && describeField(s).meta;
    if (meta) return meta;
  }
  return undefined;
}
