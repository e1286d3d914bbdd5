import type * as Decap from 'decap-cms-core';

/**
 * The generated Decap config's types: Decap's own (decap-cms-core's index.d.ts, the types behind
 * decap-cms-app's `CMS`), with what they lack for options Decap 3 reads from a field:
 *
 * - markdown `sanitize_preview` (decap-cms-widget-markdown's preview reads it);
 * - relation `min`, `max` and `filters` (in decap-cms-widget-relation's config schema);
 * - image `media_library` as a field's options (`allow_multiple`, `config`), where the types ask
 *   for the `name` of a media library, which only the site-wide `media_library` needs;
 * - nested `field` / `fields` of these same types.
 *
 * Everything else is Decap's declaration as is. Only `forDecap` hands the config to Decap.
 */

/** Public content may only name entries that pass these (Decap's relation `filters`). */
export interface RelationFilter {
  field: string;
  values: (string | boolean | number)[];
}

/** A field's own media library options (Decap's `field.media_library`). */
export interface FieldMediaLibrary {
  allow_multiple?: boolean;
  config?: Record<string, unknown>;
}

export type CmsField = Decap.CmsFieldBase &
  (
    | Decap.CmsFieldBoolean
    | Decap.CmsFieldDateTime
    | Decap.CmsFieldHidden
    | (Omit<Decap.CmsFieldFileOrImage, 'media_library'> & { media_library?: FieldMediaLibrary })
    | (Omit<Decap.CmsFieldList, 'field' | 'fields'> & { field?: CmsField; fields?: CmsField[] })
    | (Decap.CmsFieldMarkdown & { sanitize_preview?: boolean })
    | Decap.CmsFieldNumber
    | (Omit<Decap.CmsFieldObject, 'fields'> & { fields: CmsField[] })
    | (Decap.CmsFieldRelation & { min?: number; max?: number; filters?: RelationFilter[] })
    | Decap.CmsFieldSelect
    | Decap.CmsFieldStringOrText
  );

export type CmsCollectionFile = Omit<Decap.CmsCollectionFile, 'fields'> & { fields: CmsField[] };

/** A folder collection: one Markdown file per entry. */
export type CmsFolderCollection = Omit<Decap.CmsCollection, 'fields' | 'files'> & {
  folder: string;
  fields: CmsField[];
};

/** A file collection: named YAML files (the settings, the taxonomies). */
export type CmsFileCollection = Omit<Decap.CmsCollection, 'fields' | 'files' | 'folder'> & {
  files: CmsCollectionFile[];
};

export type CmsCollection = CmsFolderCollection | CmsFileCollection;

export type CmsConfig = Omit<Decap.CmsConfig, 'collections'> & { collections: CmsCollection[] };

export type CmsBackend = Decap.CmsBackend;
export type CmsPublishMode = Decap.CmsPublishMode;

/**
 * The config as `CMS.init` takes it. Ours differs from Decap's declaration only in the options
 * listed above, which Decap reads but does not declare.
 */
export const forDecap = (config: CmsConfig): Decap.CmsConfig => config as Decap.CmsConfig;
