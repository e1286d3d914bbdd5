import CMS from 'decap-cms-app';
import { createElement } from 'react';
import globalCss from '../styles/global.css?url';
import { forDecap, type CmsField } from './decap.ts';
import { copenhagenDay, withEditorDefaults } from './defaults.ts';
import { ProblemPanel, renameUploads, waitForLocalServer, watchDecap } from './feedback.ts';
import { decapPhrases, imageEditorComponent, mergePhrases } from './locale.ts';
import type { ExistingEntry } from './save.ts';
import { createFormats, FRONTMATTER_FORMAT, YAML_FORMAT } from './format.ts';
import { identityLink, identityPage } from './identity.ts';
import { replaceIdentityLogin } from './login.ts';
import { previewTemplates } from './previews.ts';
import { withUploads } from './uploads.ts';
import { registerSelectWidgets } from './widgets.ts';
import { LOCAL_HOSTNAMES, type AdminSetup } from './setup.ts';
// After a save on this machine: "Siden er opdateret — Se siden" once npm start has rebuilt the site.
import './live.ts';

/** The admin page's script: configure Decap from the setup the page was built with, then start it. */

interface EntryMap {
  get(key: string): unknown;
}
interface DataMap {
  set(key: string, value: unknown): DataMap;
  toJS(): Record<string, unknown>;
}

const setup = JSON.parse(document.getElementById('cms-setup')!.textContent!) as AdminSetup;
const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'da';
document.documentElement.lang = lang;
// On this machine the CMS edits the working copy through decap-server; elsewhere it uses git.
const onThisMachine = LOCAL_HOSTNAMES.includes(location.hostname);
// Today's date and the editor's language as the defaults of a new entry, as of opening the page.
const config = withEditorDefaults(
  onThisMachine ? { ...setup.configs[lang], ...setup.local } : setup.configs[lang],
  copenhagenDay(new Date()),
  lang,
);

// Decap's words where its Danish is missing or misleading, and its in-text picture in our words.
// decap-cms-app has registered Decap's own locales: ours go over them.
CMS.registerLocale(lang, mergePhrases(CMS.getLocale(lang) ?? {}, decapPhrases(lang)));
// Decap calls toPreview with getAsset and the fields too, which its declaration leaves out.
CMS.registerEditorComponent(imageEditorComponent(lang) as unknown as Parameters<typeof CMS.registerEditorComponent>[0]);
// Danish texts, one click per pick in a multiple choice, Enter that waits for a relation's search.
registerSelectWidgets(CMS, lang);
const problems = new ProblemPanel(lang);
watchDecap(problems);
renameUploads();
const proxyUrl = config.backend.name === 'proxy' ? config.backend.proxy_url : undefined;
if (proxyUrl) waitForLocalServer(proxyUrl, lang);

/**
 * The collection's entries, for the duplicate check: on this machine the local backend lists
 * them; elsewhere there is no list (the contributor check and the review catch duplicates there).
 */
async function existingEntries(collection: string): Promise<ExistingEntry[] | undefined> {
  const folder = config.collections.find((c) => c.name === collection);
  if (!proxyUrl || !folder || !('folder' in folder)) return undefined;
  const res = await fetch(proxyUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'entryNames', params: { collection, folder: folder.folder } }),
  }).catch(() => undefined);
  return res?.ok ? ((await res.json()) as ExistingEntry[]) : undefined;
}

const fieldTrees = config.collections.flatMap((c): CmsField[][] =>
  'files' in c ? c.files.map((f) => f.fields) : [c.fields],
);
const formats = createFormats(fieldTrees);
const ourFormats = new Set(
  config.collections.filter((c) => c.format === FRONTMATTER_FORMAT || c.format === YAML_FORMAT).map((c) => c.name),
);
CMS.registerCustomFormat(FRONTMATTER_FORMAT, 'md', formats[FRONTMATTER_FORMAT]);
CMS.registerCustomFormat(YAML_FORMAT, 'yml', formats[YAML_FORMAT]);

CMS.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }: { entry: EntryMap }) => {
    // The save check, with the Markdown pipeline behind it, is loaded on the first save rather
    // than with the page (Decap awaits this handler).
    const { prepareSave } = await import('./save.ts');
    const data = entry.get('data') as DataMap;
    const collection = String(entry.get('collection'));
    const result = prepareSave(
      {
        collection,
        file: String(entry.get('slug') ?? ''),
        data: data.toJS(),
        raw: (entry.get('raw') as string | undefined) || undefined,
        isNew: entry.get('newRecord') === true,
        existing: await existingEntries(collection),
      },
      setup.taxonomies,
      lang,
    );
    problems.clear();
    // Decap shows this as "Dokumentet kunne ikke gemmes: …" and keeps the editor open; the panel
    // keeps each problem, with the way to its field, until the editor closes it.
    if (result.problems.length) {
      problems.show(result.details);
      // Decap shows String(error): without a name that is the message alone, not "Error: …".
      const refusal = new Error(result.problems.join(' · '));
      refusal.name = '';
      throw refusal;
    }
    // The additions are read (and dropped) by our formats only.
    if (!ourFormats.has(String(entry.get('collection')))) return undefined;
    return Object.entries(result.additions).reduce((d, [k, v]) => d.set(k, v), data);
  },
});

CMS.registerPreviewStyle(globalCss);
for (const [name, component] of Object.entries(previewTemplates(setup.taxonomies, lang))) {
  // A picture uploaded a moment ago shows from memory, before the site has it.
  CMS.registerPreviewTemplate(name, (props) =>
    createElement(component, { ...props, getAsset: withUploads(props.getAsset) }),
  );
}

// Netlify Identity's login in the editor's language, with "Glemt adgangskode?".
if (!onThisMachine && config.backend.name === 'git-gateway') replaceIdentityLogin(CMS, lang);
// A link from a Netlify Identity e-mail (invitation, password reset) is finished first.
const link = !onThisMachine && config.backend.name === 'git-gateway' ? identityLink(location.hash) : undefined;
if (link) await identityPage(link, lang);

// Our config is plain JSON generated from the schemas; Decap validates it on start.
CMS.init({ config: forDecap(config) });
