import CMS from 'decap-cms-app';
import globalCss from '../styles/global.css?url';
import { forDecap, type CmsField } from './decap.ts';
import { createFormats, FRONTMATTER_FORMAT, YAML_FORMAT } from './format.ts';
import { identityLink, identityPage } from './identity.ts';
import { previewTemplates } from './previews.ts';
import { LOCAL_HOSTNAMES, type AdminSetup } from './setup.ts';

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
const config = onThisMachine ? { ...setup.configs[lang], ...setup.local } : setup.configs[lang];

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
    const result = prepareSave(
      {
        collection: String(entry.get('collection')),
        file: String(entry.get('slug') ?? ''),
        data: data.toJS(),
        raw: (entry.get('raw') as string | undefined) || undefined,
        isNew: entry.get('newRecord') === true,
      },
      setup.taxonomies,
      lang,
    );
    // Decap shows this as "Dokumentet kunne ikke gemmes: …" and keeps the editor open.
    if (result.problems.length) {
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
  CMS.registerPreviewTemplate(name, component);
}

// A link from a Netlify Identity e-mail (invitation, password reset) is finished first.
const link = !onThisMachine && config.backend.name === 'git-gateway' ? identityLink(location.hash) : undefined;
if (link) await identityPage(link, lang);

// Our config is plain JSON generated from the schemas; Decap validates it on start.
CMS.init({ config: forDecap(config) });
