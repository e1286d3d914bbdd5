import fs from 'node:fs';
import path from 'node:path';
import { pageCode, sitePolicy, withMetaPolicy, type InlineCode } from '../lib/csp.ts';
import { pageFile } from './incremental-output.ts';

/**
 * The inline code of every page, gathered while Astro renders it (src/middleware.ts) rather than
 * by reading the finished site again: each page is scanned once, from memory, and gets its own
 * `<meta>` policy before it is written. The header rules need the union over all pages, including
 * pages an incremental build did not render again; their code is kept in a small file in the
 * Astro cache folder between builds.
 */

/** Pages rendered in this process (the middleware runs in Astro's process, in the prerender bundle). */
const REGISTRY = Symbol.for('mikronet.inlineCode');
type Registry = Map<string, InlineCode>;
const registry = (): Registry =>
  ((globalThis as { [REGISTRY]?: Registry })[REGISTRY] ??= new Map<string, InlineCode>());

const BUILDING = Symbol.for('mikronet.building');
/** Called by the integration when `astro build` starts: the dev server's pages carry Vite's scripts and get no policy. */
export function startCollecting(): void {
  (globalThis as { [BUILDING]?: boolean })[BUILDING] = true;
  registry().clear();
}
export const collecting = (): boolean => (globalThis as { [BUILDING]?: boolean })[BUILDING] === true;

// Pages are known by the file they are written to (pageFile), however Astro or a request names them.
const isAdmin = (file: string) => file.startsWith('admin/');

/**
 * What the middleware does with a rendered HTML page: records its inline code and, for site
 * pages, puts the site policy narrowed to that page's own inline code into it as `<meta>` (the
 * CMS page gets none: its policy is looser and comes as a header only).
 */
export function withPagePolicy(pathname: string, html: string): string {
  const code = pageCode(html);
  const key = pageFile(pathname);
  registry().set(key, { scripts: code.scripts, styles: code.styles, styleAttributes: code.styleAttributes });
  if (isAdmin(key) || code.metaOffset === undefined) return html;
  return withMetaPolicy(html, code.metaOffset, sitePolicy(code));
}

interface Stored {
  version: 2;
  texts: string[];
  /** page → [scripts, styles, styleAttributes] as indexes into `texts` */
  pages: Record<string, [number[], number[], number[]]>;
}

/**
 * The inline code of every page of this build: rendered now, else as recorded by an earlier build
 * (an incremental build copies those pages unchanged), else read from the page's file in the
 * output (a record lost with its file). `pages` is Astro's list of this build's pages.
 */
export function collectInlineCode(
  cacheDir: string,
  pages: string[],
  outDir: string,
): { site: InlineCode[]; admin: InlineCode[]; missing: string[] } {
  const file = path.join(cacheDir, 'mikronet-inline-code.json');
  const earlier = readStored(file);
  const now = registry();
  const site: InlineCode[] = [];
  const admin: InlineCode[] = [];
  const missing: string[] = [];
  const kept = new Map<string, InlineCode>();
  for (const page of pages) {
    const key = pageFile(page);
    const code = now.get(key) ?? earlier.get(key) ?? fromFile(outDir, key);
    if (!code) {
      missing.push(key);
      continue;
    }
    kept.set(key, code);
    (isAdmin(key) ? admin : site).push(code);
  }
  writeStored(file, kept);
  now.clear();
  return { site, admin, missing };
}

function fromFile(outDir: string, rel: string): InlineCode | undefined {
  const file = path.join(outDir, rel);
  if (!file.startsWith(path.resolve(outDir) + path.sep) || !fs.existsSync(file)) return undefined;
  const { scripts, styles, styleAttributes } = pageCode(fs.readFileSync(file, 'utf8'));
  return { scripts, styles, styleAttributes };
}

function readStored(file: string): Map<string, InlineCode> {
  const out = new Map<string, InlineCode>();
  let stored: Stored;
  try {
    stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Stored;
  } catch {
    return out;
  }
  if (stored.version !== 2) return out;
  const text = (i: number) => stored.texts[i] ?? '';
  for (const [page, [s, st, a]] of Object.entries(stored.pages)) {
    out.set(page, { scripts: s.map(text), styles: st.map(text), styleAttributes: a.map(text) });
  }
  return out;
}

function writeStored(file: string, pages: Map<string, InlineCode>): void {
  const texts: string[] = [];
  const index = new Map<string, number>();
  const ids = (list: string[]) =>
    list.map((t) => {
      let i = index.get(t);
      if (i === undefined) {
        i = texts.push(t) - 1;
        index.set(t, i);
      }
      return i;
    });
  const stored: Stored = { version: 2, texts, pages: {} };
  for (const [page, code] of pages)
    stored.pages[page] = [ids(code.scripts), ids(code.styles), ids(code.styleAttributes)];
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(stored));
  fs.renameSync(tmp, file);
}
