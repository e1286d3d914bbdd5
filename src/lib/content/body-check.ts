import type { Element, Nodes, Root } from 'hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { cleanBodyTree } from '../sanitize.ts';

/** The CMS and the spreadsheet importer still import a finding's message from here. */

/**
 * What the site's sanitizer would remove from a Markdown body, line by line: the contributor
 * check and the CMS refuse exactly that, so nothing a contributor wrote disappears silently.
 *
 * The body goes through the same steps as on the site (Markdown with GitHub's extensions to
 * HTML, raw HTML kept as `raw` nodes, then `cleanBodyTree`), and the tree before is compared
 * with the tree after: every node that is gone, and every attribute that is gone from a node
 * that stayed, is a finding. No Node imports: the admin page runs it in the browser.
 */

export type FindingKind = 'html' | 'link' | 'image' | 'other';

export interface BodyFinding {
  /** 0-based line within the body. */
  line: number;
  /** What was found, e.g. `<script>`, `javascript:`, `https://tracker.example/p.png`. */
  found: string[];
  /** The same, each with what kind of thing it is. */
  items: { kind: FindingKind; text: string }[];
  /** Whether any of it could run code (script, frames, event handlers, javascript: links). */
  active: boolean;
}

const toHast = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true });

const ACTIVE_TAGS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'style', 'form', 'input', 'button', 'link', 'meta', 'base', 'svg', 'math', 'template']);
const SCRIPT_URL = /^\s*(?:javascript|vbscript|data)\s*:/i;

interface Positioned {
  type: string;
  tagName?: string;
  position?: { start: { line: number; offset?: number }; end: { offset?: number } };
}

const keyOf = (n: Positioned) =>
  n.position?.start.offset === undefined ? undefined : `${n.type}:${n.tagName ?? ''}:${n.position.start.offset}:${n.position.end.offset}`;

function collect(tree: Root): Map<string, Nodes> {
  const out = new Map<string, Nodes>();
  const walk = (node: Nodes) => {
    const key = keyOf(node as Positioned);
    if (key) out.set(key, node);
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return out;
}

/** Tags named in a piece of raw HTML: `<img src=x onerror=…>` → `<img>`; a comment → `<!-- -->`. */
function describeRaw(value: string): { found: string[]; active: boolean } {
  const found = new Set<string>();
  let active = /\son[a-z]+\s*=/i.test(value) || /(?:href|src|action|formaction)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i.test(value);
  if (/^\s*<!--/.test(value)) found.add('<!-- -->');
  for (const m of value.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)) {
    const name = m[1].toLowerCase();
    found.add(`<${name}>`);
    if (ACTIVE_TAGS.has(name)) active = true;
  }
  if (!found.size) found.add(value.trim().slice(0, 30));
  return { found: [...found], active };
}

const short = (url: string) => (url.length > 60 ? `${url.slice(0, 57)}…` : url);
const scheme = (url: string) => /^\s*([a-z][a-z0-9+.-]*:)/i.exec(url)?.[1].toLowerCase() ?? short(url);

/** Everything the sanitizer would remove from `body`. */
export function bodyFindings(body: string): BodyFinding[] {
  const before = toHast.runSync(toHast.parse(body)) as Root;
  const after = collect(cleanBodyTree(structuredClone(before)));
  const byLine = new Map<number, BodyFinding>();
  const add = (node: Positioned, kind: FindingKind, found: string[], active: boolean) => {
    const line = (node.position?.start.line ?? 1) - 1;
    const f = byLine.get(line) ?? { line, found: [], items: [], active: false };
    for (const text of found) {
      if (f.found.includes(text)) continue;
      f.found.push(text);
      f.items.push({ kind, text });
    }
    f.active ||= active;
    byLine.set(line, f);
  };
  const walk = (node: Nodes) => {
    const key = keyOf(node as Positioned);
    const kept = key ? after.get(key) : undefined;
    if (key && !kept) {
      // Gone, with whatever it held: one finding for the node, none for its descendants.
      if (node.type === 'raw') {
        const { found, active } = describeRaw(node.value);
        add(node, 'html', found, active);
      } else if (node.type === 'element' && node.tagName === 'img') {
        const src = String(node.properties.src ?? '');
        add(node, 'image', [short(src)], /^\s*(?:javascript|vbscript):/i.test(src));
      } else if (node.type === 'element') {
        add(node, 'other', [`<${node.tagName}>`], ACTIVE_TAGS.has(node.tagName));
      } else if (node.type !== 'text' || node.value.trim()) {
        add(node, 'other', [node.type === 'text' ? short(node.value.trim()) : node.type], false);
      }
      return;
    }
    if (node.type === 'element' && kept?.type === 'element') {
      for (const [prop, value] of Object.entries(node.properties)) {
        if (value === undefined || value === null || (kept as Element).properties[prop] !== undefined) continue;
        if (prop === 'href') add(node, 'link', [scheme(String(value))], SCRIPT_URL.test(String(value)));
        else add(node, 'other', [`${node.tagName} ${prop}`], /^on/i.test(prop));
      }
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(before);
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}
