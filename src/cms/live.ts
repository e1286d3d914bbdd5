import CMS from 'decap-cms-app';
import type { Lang } from '../i18n/locale.ts';
import { useTranslations } from '../i18n/ui.ts';
import { eventPath, freePagePath, homePath, memberPath, networkPath, postPath, sectionPath } from '../i18n/urls.ts';
import { LOCAL_HOSTNAMES, type AdminSetup } from './setup.ts';

/**
 * Live publishing, the editor's side: after a save on this machine (npm start), a notice says
 * "Opdaterer siden …" while the site is built again, then "Siden er opdateret — Se siden" with a
 * link to the entry's page, or the build's problems if it failed. The state comes from the local
 * CMS server (GET <proxy>/live, src/tools/cms-server.ts). In production Netlify's deploys do this.
 */

/** The site's build state, as src/tools/live-site.ts reports it. */
interface LiveStatus {
  state: 'idle' | 'building' | 'failed';
  changed: number;
  published: number;
  failed: number;
  problems: string[];
}

interface SavedEntry {
  collection: string;
  slug: string;
  data: Record<string, unknown>;
}

const POLL_MS = 400;
/** Longer than any build of the sample content; past it the notice says the server is gone. */
const GIVE_UP_MS = 5 * 60_000;

/** The path of an entry's page on the site, if it has one (an unlisted member has none). */
export function entryPagePath(entry: SavedEntry, lang: Lang): string | undefined {
  const { collection, slug, data } = entry;
  const own = (data.lang === 'en' ? 'en' : 'da') as Lang;
  switch (collection) {
    case 'members':
      return data.listed === true ? memberPath(lang, slug) : undefined;
    case 'blog':
      return postPath({ id: slug, data: { lang: own } });
    case 'wiki':
      return networkPath(lang, slug);
    case 'events':
      return eventPath(lang, slug);
    case 'pages':
      return freePagePath({ id: slug, data: { lang: own } });
    case 'groups':
    case 'market':
      return sectionPath(lang, collection);
    default:
      // Settings and taxonomies show on every page.
      return homePath(lang);
  }
}

/** The notice, fixed at the bottom of the admin page; announced to screen readers. */
function notice(lang: Lang) {
  const t = useTranslations(lang);
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  box.dataset.liveNotice = '';
  Object.assign(box.style, {
    position: 'fixed',
    right: '1rem',
    bottom: '1rem',
    zIndex: '10000',
    maxWidth: '32rem',
    padding: '0.75rem 1rem',
    borderRadius: '6px',
    background: '#1f2937',
    color: '#fff',
    font: '15px/1.4 system-ui, sans-serif',
    boxShadow: '0 4px 16px rgb(0 0 0 / 0.3)',
  });
  const text = document.createElement('span');
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = t('live.close');
  Object.assign(close.style, { marginLeft: '1rem', font: 'inherit', cursor: 'pointer' });
  close.addEventListener('click', () => box.remove());
  const show = (build: (into: HTMLElement) => void, color: string) => {
    text.replaceChildren();
    build(text);
    box.style.background = color;
    if (!box.isConnected) {
      box.replaceChildren(text, close);
      document.body.append(box);
    }
  };
  return {
    building: () => show((el) => (el.textContent = t('live.building')), '#1f2937'),
    updated: (href: string | undefined) =>
      show((el) => {
        el.append(t(href ? 'live.updated' : 'live.updatedNoPage'));
        if (!href) return;
        const link = document.createElement('a');
        link.href = href;
        link.target = '_blank';
        link.textContent = t('live.view');
        Object.assign(link.style, { color: '#fff', fontWeight: '600', marginLeft: '0.25rem' });
        el.append(' — ', link);
      }, '#166534'),
    failed: (problems: string[]) =>
      show((el) => {
        el.append(t('live.failed'));
        const list = document.createElement('ul');
        Object.assign(list.style, {
          margin: '0.5rem 0 0',
          paddingLeft: '1.25rem',
          maxHeight: '12rem',
          overflow: 'auto',
        });
        for (const problem of problems) {
          const item = document.createElement('li');
          item.textContent = problem;
          list.append(item);
        }
        el.append(list);
      }, '#991b1b'),
    lost: () => show((el) => (el.textContent = t('live.lost')), '#991b1b'),
  };
}

/** Follows the build that includes the save just made, and says how it went. */
async function follow(statusUrl: string, entry: SavedEntry, lang: Lang, say: ReturnType<typeof notice>) {
  const read = async () => {
    const res = await fetch(statusUrl, { cache: 'no-store' });
    if (!res.ok) throw new Error(String(res.status));
    return (await res.json()) as LiveStatus;
  };
  const until = Date.now() + GIVE_UP_MS;
  let target: number | undefined;
  say.building();
  while (Date.now() < until) {
    let status: LiveStatus;
    try {
      status = await read();
    } catch {
      say.lost();
      return;
    }
    // The server counted the save before it answered it, so the first status includes it.
    target ??= status.changed;
    if (status.published >= target && status.state !== 'building') {
      const page = entryPagePath(entry, lang);
      say.updated(page ? new URL(page, location.origin).href : undefined);
      return;
    }
    if (status.state === 'failed' && status.failed >= target) {
      say.failed(status.problems);
      return;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  say.lost();
}

function start() {
  if (!LOCAL_HOSTNAMES.includes(location.hostname)) return;
  const setup = JSON.parse(document.getElementById('cms-setup')?.textContent ?? '{}') as Partial<AdminSetup>;
  const backend = setup.local?.backend;
  if (!backend || backend.name !== 'proxy' || !backend.proxy_url) return;
  const lang: Lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'da';
  const statusUrl = `${backend.proxy_url.replace(/\/$/, '')}/live`;
  const say = notice(lang);
  // With the editorial workflow a save is a draft; the site changes when it is published.
  const event = setup.local?.publish_mode === 'editorial_workflow' ? 'postPublish' : 'postSave';
  let current = 0;
  CMS.registerEventListener({
    name: event,
    handler: ({ entry }: { entry: { get(key: string): unknown } }) => {
      const data = entry.get('data') as { toJS?: () => Record<string, unknown> } | undefined;
      const saved: SavedEntry = {
        collection: String(entry.get('collection')),
        slug: String(entry.get('slug') ?? ''),
        data: data?.toJS?.() ?? {},
      };
      // Only the latest save speaks.
      const mine = ++current;
      const gate = new Proxy(say, {
        get: (target, key: keyof typeof say) => (mine === current ? target[key] : () => {}),
      });
      void follow(statusUrl, saved, lang, gate);
    },
  });
}

start();
