import type { z } from 'zod';
import { describeField } from '../schemas/introspect.ts';
import { fileCollections, folderCollections, type FolderCollection, type Taxonomies } from '../schemas/index.ts';
import { bi, type CollectionInfo, type RefTarget } from '../schemas/meta.ts';
import type { Lang } from '../i18n/locale.ts';
import type {
  CmsBackend,
  CmsCollectionFile,
  CmsConfig,
  CmsField,
  CmsFileCollection,
  CmsFolderCollection,
  CmsCollection,
  CmsPublishMode,
} from './decap.ts';
import { decapFields, type ExternalChoices, type FieldContext } from './fields.ts';
import { FRONTMATTER_FORMAT, SLUG_FIELD, SORT_FIELD, YAML_FORMAT, LIST_KEY } from './format.ts';

export { DATE_FORMAT, DATETIME_FORMAT } from './fields.ts';

/** A collection that lives outside the content folder and is not edited in this CMS. */
export interface ExternalCollection {
  /** Its entries as the build found them. */
  entries: { slug: string; name: string }[];
  /** Where it is edited (the public wiki repository's address), when known. */
  source?: string;
}

/** Where the collections are, when it is not one folder each inside the content folder. */
export interface CmsLayout {
  /** Collections outside the content folder (the wiki in its own repository): not in the CMS. */
  external?: Partial<Record<FolderCollection, ExternalCollection>>;
  /** A collection's folder relative to the content folder, when it is not the usual one. */
  folders?: Partial<Record<FolderCollection, string>>;
}

export interface CmsConfigOptions {
  tax: Taxonomies;
  lang: Lang;
  backend: CmsBackend;
  publishMode: CmsPublishMode;
  /** The content folder relative to the repository root (what the git backend or decap-server sees). */
  contentPath?: string;
  /** Where uploads go in the repository, and the URL they are served from. */
  mediaFolder?: string;
  publicFolder?: string;
  siteUrl?: string;
  layout?: CmsLayout;
}

const summaryFieldOf = (collection: RefTarget): string => {
  const info = (folderCollections as Record<string, { info: CollectionInfo }>)[collection]?.info;
  if (!info?.summaryField)
    throw new Error(`collection "${collection}" has no summary field to show in relation widgets`);
  return info.summaryField;
};

/**
 * How each collection's list reads in the CMS: the summary line (Decap's template, with its
 * `date`, `upper` and `ternary` filters) and the fields it can be sorted by, the first one by
 * default. Decap sorts by code point (Å before Æ, "Aage" first): sorting by the name or title
 * sorts by its Danish sort key instead (SORT_FIELD, see sortableFields).
 */
interface ListView {
  summary: (lang: Lang) => string;
  sort: { field: string; desc?: boolean }[];
}
const LIST_VIEWS: Record<FolderCollection, ListView> = {
  members: {
    summary: () => '{{name}} · {{municipality}} · {{trades}}',
    sort: [{ field: 'name' }, { field: 'joined' }],
  },
  blog: {
    summary: (lang) =>
      `{{title}} · {{date | date('YYYY-MM-DD')}} · {{lang | upper}}{{translation_of | ternary(' · ${bi('oversat', 'translated')[lang]}', '')}}`,
    sort: [{ field: 'date', desc: true }, { field: 'title' }],
  },
  wiki: { summary: () => '{{name}} · {{kind}}', sort: [{ field: 'name' }, { field: 'last_verified' }] },
  events: {
    summary: () => "{{title}} · {{start | date('YYYY-MM-DD HH:mm')}} · {{status}}",
    sort: [{ field: 'start', desc: true }, { field: 'title' }],
  },
  groups: { summary: () => '{{name}}', sort: [{ field: 'name' }] },
  market: {
    summary: () => "{{title}} · {{date | date('YYYY-MM-DD')}}",
    sort: [{ field: 'title' }, { field: 'date', desc: true }],
  },
  pages: { summary: () => '{{title}} · {{lang | upper}}', sort: [{ field: 'title' }] },
};

/**
 * Decap's `sortable_fields` for a collection: its name or title sorts by the hidden SORT_FIELD
 * (the format fills it when it reads a file), under the name's label; the first is the default.
 */
function sortableFields(name: FolderCollection, summary: string, fields: CmsField[]) {
  return LIST_VIEWS[name].sort.map((s, i) => ({
    ...(s.field === summary
      ? { field: SORT_FIELD, label: fields.find((f) => f.name === summary)?.label ?? summary }
      : { field: s.field }),
    ...(i === 0 ? { default_sort: s.desc ? ('desc' as const) : ('asc' as const) } : {}),
  }));
}

/** The field Decap sorts by instead of the name or title: not shown, never written (see format.ts). */
const sortField = (label: string): CmsField => ({ name: SORT_FIELD, label, widget: 'hidden', required: false });

/** The label of a collection's Markdown body, in the editor and in the save check's messages. */
export const bodyLabel = (info: CollectionInfo, lang: Lang): string => (info.bodyLabel ?? bi('Tekst', 'Text'))[lang];

function bodyField(info: CollectionInfo, lang: Lang): CmsField {
  return {
    name: 'body',
    label: bodyLabel(info, lang),
    widget: 'markdown',
    required: false,
    // Bodies from members and contributors are untrusted; the site sanitizes them too.
    sanitize_preview: true,
    editor_components: ['image'],
  };
}

/** What a relation to an external collection offers instead, and the words that explain it. */
function externalChoices(name: FolderCollection, ext: ExternalCollection, lang: Lang): ExternalChoices {
  const label = folderCollections[name].info.label[lang];
  const where = ext.source ? ` (${ext.source})` : '';
  return {
    options: [...ext.entries]
      .sort((a, b) => a.name.localeCompare(b.name, 'da'))
      .map((e) => ({ label: e.name, value: e.slug })),
    note: bi(
      `Listen viser posterne i "${label}", som de var, da sitet sidst blev bygget; "${label}" redigeres ikke her, men i sit eget offentlige repository${where}.`,
      `The list shows the entries of "${label}" as they were when the site was last built; "${label}" is not edited here but in its own public repository${where}.`,
    )[lang],
  };
}

/** Whether a top-level field of a schema points at one of the external collections. */
function externalRefOf(schema: z.ZodObject, field: string, external: FolderCollection[]): boolean {
  const ref = describeField((schema.shape as Record<string, z.ZodType>)[field]).meta?.ref;
  return ref !== undefined && external.includes(ref);
}

/** The collection description that says why a field offers a fixed list. */
function externalDescription(fields: string[], external: FolderCollection[], lang: Lang): string {
  const names = external.map((n) => `"${folderCollections[n].info.label[lang]}"`).join(', ');
  const quoted = fields.map((f) => `"${f}"`).join(', ');
  return bi(
    `${names} redigeres ikke her, men i sit eget offentlige repository. ${quoted} vælges blandt dens poster, som de var, da sitet sidst blev bygget.`,
    `${names} is not edited here but in its own public repository. ${quoted} is chosen among its entries as they were when the site was last built.`,
  )[lang];
}

/** Decap collections for every content type, generated from src/schemas (nothing is kept by hand). */
export function cmsCollections(
  tax: Taxonomies,
  lang: Lang,
  contentPath = 'content',
  layout: CmsLayout = {},
  media: { folder: string; public: string } = { folder: 'public/media', public: '/media' },
): CmsCollection[] {
  const externalNames = Object.keys(layout.external ?? {}) as FolderCollection[];
  const external = Object.fromEntries(externalNames.map((n) => [n, externalChoices(n, layout.external![n]!, lang)]));
  const ctx: FieldContext = { tax, lang, summaryField: summaryFieldOf, external };
  const inCms = Object.entries(folderCollections).filter(([name]) => !externalNames.includes(name as FolderCollection));
  const folders = inCms.map(([name, def]): CmsFolderCollection => {
    const info = def.info;
    const summary = info.summaryField ?? 'title';
    const schema = def.schema(tax);
    const fields = decapFields(schema, ctx);
    const elsewhere = fields.filter((f) => externalRefOf(schema, f.name, externalNames)).map((f) => f.label ?? f.name);
    return {
      name,
      label: info.label[lang],
      label_singular: info.labelSingular[lang],
      ...(elsewhere.length ? { description: externalDescription(elsewhere, externalNames, lang) } : {}),
      folder: `${contentPath}/${layout.folders?.[name as FolderCollection] ?? info.path}`,
      extension: 'md',
      format: FRONTMATTER_FORMAT,
      create: true,
      // The file name comes from our own transliteration (æ→ae, ø→oe, å→aa), filled in before saving.
      slug: `{{fields.${SLUG_FIELD}}}`,
      identifier_field: summary,
      summary: LIST_VIEWS[name as FolderCollection].summary(lang),
      sortable_fields: sortableFields(name as FolderCollection, summary, fields),
      // Each collection's pictures in their own folder (public/media/members/…); "/" = from the repository root.
      media_folder: `/${media.folder}/${info.path}`,
      public_folder: `${media.public}/${info.path}`,
      fields: [
        ...fields,
        sortField(fields.find((f) => f.name === summary)?.label ?? summary),
        ...(info.hasBody ? [bodyField(info, lang)] : []),
      ],
    };
  });

  const { settings, trades, municipalities } = fileCollections;
  const file = (info: CollectionInfo, fields: CmsField[]): CmsCollectionFile => ({
    name: info.name,
    label: info.label[lang],
    file: `${contentPath}/${info.path}`,
    fields,
  });
  // Taxonomy files are YAML lists; the format presents the list as one field named LIST_KEY.
  const taxonomyList = (info: CollectionInfo, schema: z.ZodObject, summary: string): CmsField => ({
    name: LIST_KEY,
    label: info.label[lang],
    label_singular: info.labelSingular[lang],
    widget: 'list',
    required: true,
    collapsed: true,
    summary,
    fields: decapFields(schema, ctx),
  });

  const files: CmsFileCollection[] = [
    {
      name: 'settings',
      label: settings.info.label[lang],
      extension: 'yml',
      format: YAML_FORMAT,
      files: [file(settings.info, decapFields(settings.schema(), ctx))],
    },
    {
      name: 'taxonomies',
      label: bi('Brancher og kommuner', 'Trades and municipalities')[lang],
      extension: 'yml',
      format: YAML_FORMAT,
      files: [
        file(trades.info, [taxonomyList(trades.info, trades.schema(), `{{fields.${lang}}}`)]),
        file(municipalities.info, [taxonomyList(municipalities.info, municipalities.schema(), '{{fields.name}}')]),
      ],
    },
  ];
  return [...folders, ...files];
}

/** The whole Decap configuration, for one UI language and one backend. */
export function cmsConfig(o: CmsConfigOptions): CmsConfig {
  return {
    load_config_file: false,
    locale: o.lang,
    backend: o.backend,
    publish_mode: o.publishMode,
    media_folder: o.mediaFolder ?? 'public/media',
    public_folder: o.publicFolder ?? '/media',
    ...(o.siteUrl ? { site_url: o.siteUrl, display_url: o.siteUrl } : {}),
    // Upload file names: ASCII only. Entry file names use SLUG_FIELD instead (see format.ts).
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    editor: { preview: true },
    collections: cmsCollections(o.tax, o.lang, o.contentPath, o.layout, {
      folder: o.mediaFolder ?? 'public/media',
      public: o.publicFolder ?? '/media',
    }),
  };
}
