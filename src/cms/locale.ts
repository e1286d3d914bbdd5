import { createElement as h } from 'react';
import { bi, type Bilingual } from '../schemas/meta.ts';
import type { Lang } from '../i18n/locale.ts';
import { assetPath } from './uploads.ts';

/**
 * Words Decap shows that its Danish locale lacks (Decap then falls back to English) or says in a
 * way that misleads our editors, as a nested object in the shape of Decap's locale files, merged
 * over Decap's own `da` and `en` by the admin script (`CMS.registerLocale`).
 */
const PHRASES: Record<string, Bilingual | Record<string, unknown>> = {
  collection: {
    collectionTop: {
      viewAsList: bi('Vis som liste', 'List view'),
      viewAsGrid: bi('Vis som gitter', 'Grid view'),
    },
    entries: { unpublishedHeader: bi('Ikke udgivne poster', 'Unpublished entries') },
  },
  editor: {
    editorControl: { field: { widgetLabel: bi('Feltet %{widgetLabel}', '%{widgetLabel} field') } },
    editorInterface: {
      toggleI18n: bi('Vis/skjul sprog', 'Toggle languages'),
      togglePreview: bi('Vis/skjul forhåndsvisning', 'Toggle preview'),
      toggleScrollSync: bi('Rul samtidig', 'Sync scrolling'),
      toggleNotes: bi('Vis/skjul noter', 'Toggle notes'),
    },
    editorNotesPane: {
      title: bi('Noter', 'Notes'),
      emptyState: bi('Ingen noter endnu. Skriv den første nedenfor.', 'No notes yet. Add the first one below.'),
      addNote: bi('Tilføj note', 'Add note'),
      addPlaceholder: bi('Skriv en note …', 'Add a note…'),
      editPlaceholder: bi('Ret din note …', 'Edit your note…'),
      save: bi('Gem', 'Save'),
      cancel: bi('Annuller', 'Cancel'),
      edit: bi('Ret', 'Edit'),
      delete: bi('Slet', 'Delete'),
      resolve: bi('Markér som løst', 'Resolve'),
      unresolve: bi('Markér som uløst', 'Unresolve'),
      confirmDelete: bi('Vil du slette denne note?', 'Delete this note?'),
      shortcut: bi('Tip: Ctrl+Enter tilføjer noten', 'Tip: Ctrl+Enter adds the note'),
    },
    editorWidgets: {
      markdown: {
        strikethrough: bi('Gennemstreget', 'Strikethrough'),
        toggleMode: {
          rich: bi('Skift til formatteret tekst', 'Switch to rich text'),
          markdown: bi('Skift til Markdown', 'Switch to Markdown'),
        },
      },
      datetime: { setToNow: bi('Sæt %{fieldLabel} til nu', 'Set %{fieldLabel} to now') },
      object: { expand: bi('Fold ud', 'Expand'), collapse: bi('Fold sammen', 'Collapse') },
    },
  },
  mediaLibrary: {
    mediaLibraryModal: {
      close: bi('Luk', 'Close'),
      fileTooLarge: bi(
        'Billedet er for stort: det må højst fylde %{size} kB (2 MB). Gør det mindre, fx ved at gemme det som JPG med lavere kvalitet eller færre pixels, og prøv igen.',
        'The picture is too large: it may be at most %{size} kB (2 MB). Make it smaller, e.g. save it as a JPG with lower quality or fewer pixels, and try again.',
      ),
    },
  },
  ui: {
    settingsDropdown: { account: bi('Kontomenu', 'Account options') },
    toast: {
      missingRequiredField: bi(
        'Noget mangler eller er forkert: felterne med rød kant siger hvad. Intet er gemt endnu.',
        'Something is missing or wrong: the fields with a red border say what. Nothing has been saved yet.',
      ),
      onFailToPersist: bi('Dokumentet kunne ikke gemmes: %{details}', 'The entry could not be saved: %{details}'),
      noteAdded: bi('Note tilføjet', 'Note added'),
      onFailToAddNote: bi('Noten kunne ikke tilføjes: %{details}', 'Failed to add note: %{details}'),
      noteUpdated: bi('Note opdateret', 'Note updated'),
      onFailToUpdateNote: bi('Noten kunne ikke opdateres: %{details}', 'Failed to update note: %{details}'),
      noteDeleted: bi('Note slettet', 'Note deleted'),
      onFailToDeleteNote: bi('Noten kunne ikke slettes: %{details}', 'Failed to delete note: %{details}'),
      noteResolved: bi('Note markeret som løst', 'Note resolved'),
      noteReopened: bi('Note genåbnet', 'Note reopened'),
      onFailToToggleNote: bi('Noten kunne ikke ændres: %{details}', 'Failed to toggle note: %{details}'),
    },
  },
};

const isBilingual = (v: unknown): v is Bilingual =>
  typeof v === 'object' && v !== null && typeof (v as Bilingual).da === 'string' && Object.keys(v).length === 2;

/** Our phrases in one language, in the shape of Decap's locale files. */
export function decapPhrases(lang: Lang, tree: Record<string, unknown> = PHRASES): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tree).map(([k, v]) => [
      k,
      isBilingual(v) ? v[lang] : decapPhrases(lang, v as Record<string, unknown>),
    ]),
  );
}

/** Decap's locale with ours merged over it, key by key (Decap replaces a registered locale whole). */
export function mergePhrases(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = base[k];
    out[k] =
      typeof v === 'object' && v !== null && typeof b === 'object' && b !== null
        ? mergePhrases(b as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

/**
 * Decap's in-text picture ("Image", "Alt Text", "Title" in its own component): the same
 * Markdown, with our words.
 */
export function imageEditorComponent(lang: Lang) {
  const label = bi('Billede', 'Image')[lang];
  return {
    label,
    id: 'image',
    pattern: /^!\[([^\]]*)\]\((.*?)(\s"([^"]*)")?\)/,
    fromBlock: (match: RegExpMatchArray | null) =>
      match ? { image: match[2], alt: match[1], title: match[4] } : undefined,
    toBlock: ({ alt, image, title }: { alt?: string; image?: string; title?: string }) =>
      `![${alt || ''}](${image || ''}${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`,
    // Through getAsset, so a picture uploaded a moment ago shows before the site has it.
    toPreview: (
      { alt, image, title }: { alt?: string; image?: string; title?: string },
      getAsset: (path: string, field?: unknown) => unknown,
      fields?: { find(p: (f: { get(k: string): unknown }) => boolean): unknown },
    ) =>
      h('img', {
        src: image
          ? String(
              getAsset(
                assetPath(image),
                fields?.find((f) => f.get('widget') === 'image'),
              ) ?? '',
            )
          : '',
        alt: alt || '',
        title: title || undefined,
      }),
    fields: [
      { label, name: 'image', widget: 'image', choose_url: false, media_library: { allow_multiple: false } },
      {
        label: bi('Alternativ tekst (beskriv billedet)', 'Alt text (describe the picture)')[lang],
        name: 'alt',
        widget: 'string',
        hint: bi(
          'Hvad billedet viser, for dem der ikke kan se det.',
          'What the picture shows, for those who cannot see it.',
        )[lang],
      },
      {
        label: bi('Titel (vises ved musen)', 'Title (shown on hover)')[lang],
        name: 'title',
        widget: 'string',
        required: false,
      },
    ],
  };
}
