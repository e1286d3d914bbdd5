import { slugify } from '../lib/slug.ts';
import { TODAY_FIELDS } from '../schemas/common.ts';
import type { Lang } from '../i18n/locale.ts';
import type { CmsConfig, CmsField } from './decap.ts';
import { DATE_FORMAT } from './fields.ts';

/**
 * What the admin page fills in when it opens, not when the site is built: a new entry's
 * "today" dates and its language. A static `default` rather than Decap's `{{now}}`, which the
 * date widget writes on mount and so marks an untouched form as changed.
 */

const withFieldDefaults = (fields: CmsField[], today: string, lang: Lang): CmsField[] =>
  fields.map((f) => {
    if (f.widget === 'datetime' && TODAY_FIELDS.has(f.name) && 'format' in f && f.format === DATE_FORMAT)
      return { ...f, default: today };
    if (f.name === 'lang' && f.widget === 'select') return { ...f, default: lang };
    return f;
  });

/** The config with today's date and the editor's language as defaults of new entries' fields. */
export function withEditorDefaults(config: CmsConfig, today: string, lang: Lang): CmsConfig {
  return {
    ...config,
    collections: config.collections.map((c) =>
      'fields' in c ? { ...c, fields: withFieldDefaults(c.fields, today, lang) } : c,
    ),
  };
}

/** Today in Copenhagen as YYYY-MM-DD, the day an editor there would write. */
export const copenhagenDay = (now: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(now);

const PICTURE_ENDING = /\.(jpe?g|png|webp|avif|gif|svg)$/i;

/**
 * An uploaded picture's file name by the content model's slug rule (æ→ae, ø→oe, å→aa), where
 * Decap's own ASCII rule would make ø an o: "Søren på færgen.JPG" → "soeren-paa-faergen.jpg".
 */
export function uploadName(name: string): string {
  const ending = PICTURE_ENDING.exec(name)?.[1]?.toLowerCase() ?? '';
  const base = ending ? name.slice(0, -ending.length - 1) : name.replace(/\.[^.]*$/, '');
  const slug = slugify(base) || 'billede';
  const kept = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return `${slug}.${ending || kept || 'bin'}`;
}
