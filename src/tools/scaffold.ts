import YAML from 'yaml';
import { folderCollections, type FolderCollection } from '../schemas/index.ts';
import { collectionSchema, fieldDocs, type FieldDoc } from './field-docs.ts';
import { slugify } from '../lib/slug.ts';
import { bi, daEn } from '../schemas/meta.ts';
import { TODAY_FIELDS } from '../schemas/common.ts';

/** What people type after `npm run new --`, in English or Danish, singular or plural. */
export const COLLECTION_NAMES: Record<string, FolderCollection> = {
  wiki: 'wiki',
  network: 'wiki',
  netvaerk: 'wiki',
  member: 'members',
  members: 'members',
  medlem: 'members',
  post: 'blog',
  blog: 'blog',
  indlaeg: 'blog',
  event: 'events',
  events: 'events',
  arrangement: 'events',
  group: 'groups',
  groups: 'groups',
  gruppe: 'groups',
  market: 'market',
  opslag: 'market',
  page: 'pages',
  pages: 'pages',
  side: 'pages',
};

export function collectionFor(word: string): FolderCollection | undefined {
  const key = slugify(word);
  // Own keys only: "constructor" is not a collection.
  return Object.hasOwn(COLLECTION_NAMES, key) ? COLLECTION_NAMES[key] : undefined;
}

/**
 * The starting value of a required field: the name for the name field, today for "today"
 * dates, `da` for the language, `false` for yes/no (so `listed` starts without consent), and
 * empty (which `npm run check` reports until filled in) for everything only the author knows.
 */
function startValue(doc: FieldDoc, summaryField: string, name: string, today: string): unknown {
  if (doc.name === summaryField) return name;
  if (doc.meta?.widget === 'date' && TODAY_FIELDS.has(doc.name)) return today;
  if (doc.name === 'lang' && doc.meta?.options?.da) return 'da';
  if (doc.meta?.widget === 'boolean') return false;
  if (doc.type.en.startsWith('list')) return [];
  return null;
}

const comment = (text: string, indent = '') => `${indent}# ${text}`;
/** The new file is for editors: Danish first, English beside it. */

/** Label, hint and (unless it is plain text) the allowed values, as YAML comments. */
function describe(doc: FieldDoc, indent = ''): string[] {
  const lines = [comment(daEn(doc.label), indent)];
  if (doc.hint) lines.push(comment(daEn(doc.hint), indent));
  if (doc.type.en !== 'text') lines.push(comment(daEn(doc.type), indent));
  return lines;
}

function yamlLine(key: string, value: unknown): string {
  if (value === null) return `${key}:`;
  if (Array.isArray(value) && value.length === 0) return `${key}: []`;
  return YAML.stringify({ [key]: value }, { lineWidth: 0 }).trimEnd();
}

function optionalLines(doc: FieldDoc, indent = ''): string[] {
  const key = doc.name.split('.').pop()!;
  const lines = [...describe(doc, indent), comment(`${key}:`, indent)];
  for (const child of doc.children ?? []) lines.push(comment(`  ${child.name.split('.').pop()}:`, indent));
  return lines;
}

/**
 * A new Markdown file for `collection` named `name`: every required field (with its label,
 * hint and allowed values as YAML comments), then the optional fields commented out.
 */
export function scaffold(collection: FolderCollection, name: string, today: string): { slug: string; text: string } {
  const info = folderCollections[collection].info;
  const docs = fieldDocs(collectionSchema(collection));
  const summaryField = info.summaryField ?? 'title';
  const required = docs.filter((d) => d.required);
  const optional = docs.filter((d) => !d.required);
  const lines = [
    '---',
    comment(
      daEn(
        bi(
          `${info.labelSingular.da}: udfyld de tomme felter, og kør npm run check`,
          `${info.labelSingular.en}: fill in the empty fields and run npm run check`,
        ),
      ),
    ),
    '',
  ];
  for (const doc of required) {
    lines.push(...describe(doc), yamlLine(doc.name, startValue(doc, summaryField, name, today)), '');
  }
  if (optional.length) {
    lines.push(
      comment(daEn(bi('Valgfrie felter: fjern # for at bruge dem', 'Optional fields: remove the # to use them'))),
      '',
    );
    for (const doc of optional) lines.push(...optionalLines(doc), '');
  }
  if (info.hasBody && info.bodyLabel) {
    const where = bi('skriv teksten under linjen --- nedenfor', 'write the text below the --- line below.');
    const rule = bi(
      'Kun Markdown, ingen HTML; billeder fra /media/.',
      'Markdown only, no HTML; pictures from /media/.',
    );
    lines.push(comment(`${daEn(info.bodyLabel)}: ${daEn(where)} ${daEn(rule)}`));
  }
  while (lines.at(-1) === '') lines.pop();
  lines.push('---', '');
  return { slug: slugify(name), text: lines.join('\n') };
}
