import { bi, type Bilingual } from '../schemas/meta.ts';
import type { Lang } from '../i18n/locale.ts';
import { uploadName } from './defaults.ts';
import { rememberUpload } from './uploads.ts';

/**
 * What the admin page adds around Decap so that an editor can act on what goes wrong: refusals
 * that stay until dismissed and lead to the field, the
 * slug rule for uploaded file names, and a server that is restarting is waited for rather than
 * reported as "TypeError: Failed to fetch". Browser only (the admin script).
 */

const TEXT = {
  title: bi('Ikke gemt', 'Not saved'),
  close: bi('Luk', 'Close'),
  show: bi('Vis feltet', 'Show the field'),
  unreachable: bi(
    'CMS-serveren svarer ikke, så intet er gemt. Kører npm start stadig (eller er den ved at starte igen)? Vent et øjeblik, og tryk Publicer igen: det, du har skrevet, er ikke tabt.',
    'The CMS server does not answer, so nothing was saved. Is npm start still running (or restarting)? Wait a moment and press Publish again: what you wrote is not lost.',
  ),
} satisfies Record<string, Bilingual>;

export interface ShownProblem {
  text: string;
  /** The form's top-level field (its `name`), to scroll to. */
  field?: string;
}

/** The form control of a top-level field: Decap gives each control the id `<name>-field-<n>`. */
function fieldElement(field: string): HTMLElement | undefined {
  const safe = CSS.escape(field);
  return (
    document.querySelector<HTMLElement>(`label[for^="${safe}-field-"]`)?.parentElement ??
    document.querySelector<HTMLElement>(`[id^="${safe}-field-"]`) ??
    undefined
  );
}

export function showField(field: string): void {
  const el = fieldElement(field);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.querySelector<HTMLElement>('input, textarea, button, [contenteditable="true"]')?.focus({ preventScroll: true });
}

/**
 * A panel of problems that stays until the editor closes it (Decap's own messages vanish after a
 * few seconds), one line each, with a button to the field it is about. Shows the first field at once.
 */
export class ProblemPanel {
  private readonly lang: Lang;
  private panel?: HTMLElement;
  private readonly shown = new Set<string>();
  constructor(lang: Lang) {
    this.lang = lang;
  }

  show(problems: ShownProblem[], scroll = true): void {
    // Decap's toast repeats our refusal inside its own sentence: one line is enough.
    const fresh = problems.filter((p) => ![...this.shown].some((t) => t === p.text || p.text.includes(t)));
    if (!fresh.length) return;
    const panel = this.panel ?? this.create();
    const list = panel.querySelector('ul')!;
    for (const p of fresh) {
      this.shown.add(p.text);
      const item = document.createElement('li');
      item.style.margin = '0.25rem 0';
      item.append(p.text);
      if (p.field && fieldElement(p.field)) {
        const go = document.createElement('button');
        go.type = 'button';
        go.textContent = TEXT.show[this.lang];
        go.style.cssText =
          'margin-left:0.5rem;font:inherit;text-decoration:underline;background:none;border:0;color:inherit;cursor:pointer';
        go.addEventListener('click', () => showField(p.field!));
        item.append(go);
      }
      list.append(item);
    }
    const first = fresh.find((p) => p.field)?.field;
    if (scroll && first) showField(first);
  }

  clear(): void {
    this.panel?.remove();
    this.panel = undefined;
    this.shown.clear();
  }

  private create(): HTMLElement {
    const panel = document.createElement('section');
    panel.setAttribute('role', 'alert');
    panel.dataset.mikronetProblems = '';
    panel.style.cssText =
      'position:fixed;z-index:10000;left:50%;bottom:1rem;transform:translateX(-50%);width:min(48rem,calc(100% - 2rem));max-height:40vh;overflow:auto;background:#fff4f4;color:#5c0000;border:2px solid #b00020;border-radius:6px;padding:0.75rem 1rem;box-shadow:0 4px 16px rgba(0,0,0,.25);font:15px/1.4 system-ui,sans-serif';
    const head = document.createElement('div');
    head.style.cssText = 'display:flex;justify-content:space-between;align-items:center;gap:1rem';
    const title = document.createElement('strong');
    title.textContent = TEXT.title[this.lang];
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = TEXT.close[this.lang];
    close.style.cssText = 'font:inherit;padding:0.2rem 0.75rem;cursor:pointer';
    close.addEventListener('click', () => this.clear());
    head.append(title, close);
    const list = document.createElement('ul');
    list.style.cssText = 'margin:0.5rem 0 0;padding-left:1.25rem';
    panel.append(head, list);
    document.body.append(panel);
    this.panel = panel;
    return panel;
  }
}

/**
 * Watches Decap's page: error messages (toasts) are copied into the panel so they stay, the
 * first field Decap marks as wrong is scrolled to.
 */
export function watchDecap(panel: ProblemPanel): void {
  let scrollPending = false;
  const look = (root: ParentNode) => {
    for (const toast of root.querySelectorAll<HTMLElement>('.Toastify__toast--error')) {
      const text = toast.textContent?.trim();
      if (text) panel.show([{ text }], false);
    }
    if (!scrollPending && root.querySelector?.('[class*="ControlErrorsList"] li')) {
      scrollPending = true;
      requestAnimationFrame(() => {
        scrollPending = false;
        const first = document.querySelector<HTMLElement>('[class*="ControlErrorsList"] li');
        const box = first?.getBoundingClientRect();
        if (first && box && (box.top < 0 || box.bottom > innerHeight)) first.scrollIntoView({ block: 'center' });
      });
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData' && r.target.parentElement) look(r.target.parentElement.parentElement ?? document);
      for (const node of r.addedNodes) if (node instanceof HTMLElement) look(node.parentElement ?? node);
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

/**
 * Uploaded pictures get their name by the slug rule before Decap sees them: the file input's
 * files are swapped for renamed copies in the capturing phase, ahead of Decap's own handler.
 * Each name is remembered, so the form and preview can show the upload before it is published.
 */
export function renameUploads(): void {
  document.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files?.length) return;
      const files = [...input.files];
      for (const f of files) rememberUpload(uploadName(f.name));
      if (files.every((f) => uploadName(f.name) === f.name)) return;
      const renamed = new DataTransfer();
      for (const f of files)
        renamed.items.add(new File([f], uploadName(f.name), { type: f.type, lastModified: f.lastModified }));
      input.files = renamed.files;
    },
    true,
  );
}

/**
 * Requests to the local CMS server that fail to connect (npm start restarting) are tried again
 * for about 15 s; after that the error says what happened and what to do, in the editor's words.
 */
export function waitForLocalServer(serverUrl: string, lang: Lang, delays = [500, 1000, 2000, 4000, 8000]): void {
  const original = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(serverUrl)) return original(input, init);
    for (const delay of [...delays, -1]) {
      try {
        return await original(input, init);
      } catch (err) {
        // A TypeError is a request that never got an answer; anything else is not ours to retry.
        if (!(err instanceof TypeError)) throw err;
        if (delay < 0) {
          const unreachable = new Error(TEXT.unreachable[lang]);
          // Decap shows String(error): without a name that is the message alone.
          unreachable.name = '';
          throw unreachable;
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
    throw new Error('unreachable');
  };
}
