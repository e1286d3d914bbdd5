import type { z } from 'zod';
import type { Bilingual, FieldMeta } from '../../schemas/meta.ts';
import { closest } from '../suggest.ts';

export interface MessageContext {
  meta?: FieldMeta;
  /** The value found at the issue's path. */
  value: unknown;
  /** Valid ids per taxonomy, for suggestions. */
  taxonomyIds: Record<string, string[]>;
  /** Content folder as shown to people, e.g. `content`. */
  contentLabel: string;
}

export interface Described {
  code: string;
  message: Bilingual;
  suggestion?: string;
}

/** A value as it appears in a message: short, whatever its size (a stranger's file can hold anything). */
function show(v: unknown): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString().slice(0, 10);
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = Array.isArray(v) ? '[…]' : typeof v === 'object' ? '{…}' : String(v);
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
const hint = (meta: FieldMeta | undefined, lang: keyof Bilingual) => (meta?.hint ? ` (${meta.hint[lang].replace(/\.$/, '')})` : '');
const label = (meta: FieldMeta | undefined, lang: keyof Bilingual) => (meta ? `"${meta.label[lang]}"` : lang === 'en' ? 'a value' : 'en værdi');

const FORMAT: Record<string, Bilingual> = {
  email: { en: 'is not a valid e-mail address; write it as name@domain.dk', da: 'er ikke en gyldig e-mailadresse; skriv den som navn@domæne.dk' },
  url: { en: 'is not a full web address; write it with https://, e.g. https://example.dk', da: 'er ikke en fuld webadresse; skriv den med https://, fx https://eksempel.dk' },
};

const WIDGET_FORMAT: Record<string, Bilingual> = {
  image: {
    en: 'is not an image path under the media folder; write /media/<file>.jpg (or .png, .webp, .svg)',
    da: 'er ikke en billedsti i mediemappen; skriv /media/<fil>.jpg (eller .png, .webp, .svg)',
  },
  date: {
    en: 'is not a date; write YYYY-MM-DD, e.g. 2026-03-01',
    da: 'er ikke en dato; skriv ÅÅÅÅ-MM-DD, fx 2026-03-01',
  },
  datetime: {
    en: 'is not a date and time; write YYYY-MM-DDTHH:mm, e.g. 2027-01-14T17:30 (Danish time)',
    da: 'er ikke et tidspunkt; skriv ÅÅÅÅ-MM-DDTTT:mm, fx 2027-01-14T17:30 (dansk tid)',
  },
  relation: {
    en: 'is not a slug; write the file name without .md (lowercase, digits, hyphens)',
    da: 'er ikke et slug; skriv filnavnet uden .md (små bogstaver, tal, bindestreger)',
  },
};

const TAXONOMY_NOUN: Record<string, Bilingual> = {
  municipalities: { en: 'a Danish municipality id', da: 'et dansk kommune-id' },
  trades: { en: 'a trade id', da: 'et branche-id' },
};

/** Turns one zod issue into a message for people: what is wrong, and what to do. */
export function describeIssue(issue: z.core.$ZodIssue, ctx: MessageContext): Described {
  const { meta, value } = ctx;
  const params = (issue as { params?: Record<string, unknown> }).params ?? {};
  const v = show(value);
  const missing = {
    code: 'required',
    message: {
      en: `is missing; add ${label(meta, 'en')}${hint(meta, 'en')}`,
      da: `mangler; udfyld ${label(meta, 'da')}${hint(meta, 'da')}`,
    },
  };
  // An empty `key:` is null: say it is missing rather than "null is not one of …".
  const crossField = issue.code === 'custom' && (params.code === 'one_of' || params.code === 'required_with');
  if ((value === undefined || value === null) && !crossField) return missing;
  switch (issue.code) {
    case 'invalid_type':
      return {
        code: 'type',
        message: {
          en: `${v} is not ${article(issue.expected, 'en')}${hint(meta, 'en')}`,
          da: `${v} er ikke ${article(issue.expected, 'da')}${hint(meta, 'da')}`,
        },
      };
    case 'too_small':
      if (issue.origin === 'string') return { code: 'empty', message: { en: `is empty; fill in ${label(meta, 'en')}`, da: `er tom; udfyld ${label(meta, 'da')}` } };
      if (issue.origin === 'array')
        return {
          code: 'too_few',
          message: { en: `needs at least ${issue.minimum}${hint(meta, 'en')}`, da: `skal have mindst ${issue.minimum}${hint(meta, 'da')}` },
        };
      return { code: 'too_small', message: { en: `${v} is below ${issue.minimum}`, da: `${v} er under ${issue.minimum}` } };
    case 'too_big':
      if (issue.origin === 'array')
        return {
          code: 'too_many',
          message: { en: `has ${(value as unknown[]).length}, at most ${issue.maximum} allowed; remove some`, da: `har ${(value as unknown[]).length}, højst ${issue.maximum} tilladt; fjern nogle` },
        };
      return { code: 'too_big', message: { en: `${v} is above ${issue.maximum}`, da: `${v} er over ${issue.maximum}` } };
    case 'invalid_format': {
      const fmt = FORMAT[issue.format] ?? (meta?.widget && WIDGET_FORMAT[meta.widget]);
      if (fmt) return { code: 'format', message: { en: `${v} ${fmt.en}`, da: `${v} ${fmt.da}` } };
      return {
        code: 'format',
        message: { en: `${v} does not have the expected form${hint(meta, 'en')}`, da: `${v} har ikke den forventede form${hint(meta, 'da')}` },
      };
    }
    case 'invalid_union': {
      const fmt = meta?.widget && WIDGET_FORMAT[meta.widget];
      if (fmt) return { code: 'format', message: { en: `${v} ${fmt.en}`, da: `${v} ${fmt.da}` } };
      return { code: 'format', message: { en: `${v} is not valid here`, da: `${v} er ikke gyldig her` } };
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      const dym = suggestion ? { en: `; did you mean "${suggestion}"?`, da: `; mente du "${suggestion}"?` } : { en: '', da: '' };
      return {
        code: 'choice',
        suggestion,
        message: {
          en: `${v} is not one of ${allowed.join(', ')}${dym.en}`,
          da: `${v} er ikke en af ${allowed.join(', ')}${dym.da}`,
        },
      };
    }
    case 'custom':
      return describeCustom(params, ctx, v);
    default:
      return { code: issue.code, message: { en: issue.message, da: issue.message } };
  }
}

function describeCustom(params: Record<string, unknown>, ctx: MessageContext, v: string): Described {
  switch (params.code) {
    case 'taxonomy': {
      const name = String(params.taxonomy);
      const noun = TAXONOMY_NOUN[name];
      const suggestion = typeof ctx.value === 'string' ? closest(ctx.value, ctx.taxonomyIds[name] ?? []) : undefined;
      const where = `${ctx.contentLabel}/taxonomies/${name}.yml`;
      return {
        code: 'taxonomy',
        suggestion,
        message: {
          en: `${v} is not ${noun.en} (${suggestion ? `did you mean "${suggestion}"? ` : ''}see ${where})`,
          da: `${v} er ikke ${noun.da} (${suggestion ? `mente du "${suggestion}"? ` : ''}se ${where})`,
        },
      };
    }
    case 'required_with':
      return {
        code: 'required',
        message: {
          en: `is required when "${params.other}" is set; ${ctx.meta?.hint?.en ?? 'describe the image for people who cannot see it'}`,
          da: `skal udfyldes, når "${params.other}" er udfyldt; ${ctx.meta?.hint?.da ?? 'beskriv billedet for dem, der ikke kan se det'}`,
        },
      };
    case 'one_of': {
      const fields = (params.fields as string[]).map((f) => `"${f}"`);
      return {
        code: 'required',
        message: { en: `fill in ${fields.join(' or ')}`, da: `udfyld ${fields.join(' eller ')}` },
      };
    }
    case 'end_before_start':
      return { code: 'order', message: { en: `${v} is not after "start"; an event ends after it starts`, da: `${v} ligger ikke efter "start"; et arrangement slutter efter det begynder` } };
    case 'expires_before_date':
      return { code: 'order', message: { en: `${v} is before "date"; set a later expiry date`, da: `${v} ligger før "date"; vælg en senere udløbsdato` } };
    default:
      return { code: 'custom', message: { en: `${v} is not valid here`, da: `${v} er ikke gyldig her` } };
  }
}

function article(expected: string, lang: keyof Bilingual): string {
  const words: Record<string, Bilingual> = {
    string: { en: 'text', da: 'tekst' },
    number: { en: 'a number', da: 'et tal' },
    boolean: { en: 'true or false', da: 'true eller false' },
    array: { en: 'a list', da: 'en liste' },
    object: { en: 'a group of fields', da: 'en gruppe af felter' },
    date: { en: 'a date (YYYY-MM-DD)', da: 'en dato (ÅÅÅÅ-MM-DD)' },
  };
  return words[expected]?.[lang] ?? expected;
}
