import type { Element, Root } from 'hast';
import { sanitize, defaultSchema, type Schema } from 'hast-util-sanitize';
import { SKIP, visit } from 'unist-util-visit';

/**
 * What a Markdown body may contain once rendered. One definition for the site (the rehype
 * plugin below, in astro.config.mjs) and for the check that refuses what it would remove
 * (src/lib/content/body-check.ts), so a contributor's text never vanishes without a word.
 * No Node imports: the CMS runs the check in the browser.
 *
 * - GitHub's allow-list (no script, style, iframe, object, forms, event handlers), with links
 *   limited to web, mail and phone; heading ids keep their `user-content-` prefix so they
 *   cannot clobber the page's own ids.
 * - Raw HTML is never rendered: Astro parses it (rehype-raw) only after the user's rehype
 *   plugins, so here it is still `raw` nodes, which the sanitizer drops.
 * - Pictures only from the site's media folder: an image from elsewhere would tell another
 *   server who reads the page (and the site's CSP allows images from the site only).
 * - Then, apart from what is kept, a task list's checkbox (`- [x] …`) is named by its item's
 *   text (labelTaskLists): only a wrapper is added, so the check has nothing to say about it.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
  },
};

const BASE = 'https://site.invalid';

/** `/media/…` and nothing that a browser would resolve elsewhere (`/media/../x`, `//host/media/…`). */
export function isMediaPath(src: unknown): boolean {
  if (typeof src !== 'string' || !src.startsWith('/media/')) return false;
  try {
    const url = new URL(src, BASE);
    return url.origin === BASE && url.pathname.startsWith('/media/');
  } catch {
    return false;
  }
}

const PREFIX = defaultSchema.clobberPrefix ?? 'user-content-';
const CLOBBERED = defaultSchema.clobber ?? [];
/** remark-rehype already prefixes footnote ids; the sanitizer prefixes again, which broke footnote links. */
const unprefixTwice = (v: unknown) =>
  typeof v === 'string' && v.startsWith(PREFIX + PREFIX) ? v.slice(PREFIX.length) : v;

/** Elements that may follow a task list's checkbox inside its label (phrasing content). */
const PHRASING = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);

/** `<input type=checkbox> text` → `<label><input type=checkbox> text</label>`, up to the first block (a nested list). */
function labelTaskCheckbox(index: number, parent: Root | Element): boolean {
  if (parent.type === 'element' && parent.tagName === 'label') return false;
  let end = index + 1;
  while (end < parent.children.length) {
    const next = parent.children[end]!;
    if (next.type === 'element' ? !PHRASING.has(next.tagName) : next.type !== 'text') break;
    end++;
  }
  const label: Element = { type: 'element', tagName: 'label', properties: {}, children: [] };
  label.children = parent.children.splice(index, end - index, label) as Element['children'];
  return true;
}

/** The tree as the site keeps it: sanitized, and images from elsewhere removed. */
export function cleanBodyTree(tree: Root): Root {
  const clean = sanitize(tree, sanitizeSchema) as Root;
  visit(clean, 'element', (node: Element, index, parent) => {
    for (const prop of CLOBBERED) {
      const value = node.properties[prop];
      if (value !== undefined)
        node.properties[prop] = Array.isArray(value)
          ? (value.map(unprefixTwice) as typeof value)
          : (unprefixTwice(value) as typeof value);
    }
    if (node.tagName !== 'img' || isMediaPath(node.properties.src) || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return clean;
}

/** Every task-list checkbox wrapped with the text after it in a <label>, so it has a name (WCAG 4.1.2). */
export function labelTaskLists(tree: Root): Root {
  visit(tree, 'element', (node: Element, index, parent) => {
    // Once wrapped, go on after the label (now at index): what moved into it needs nothing more.
    if (node.tagName === 'input' && node.properties.type === 'checkbox' && parent && index !== undefined)
      if (labelTaskCheckbox(index, parent)) return [SKIP, index + 1];
    return undefined;
  });
  return tree;
}

/** The rehype plugin Astro's Markdown processor runs on every body. */
export function rehypeCleanBody() {
  return (tree: Root) => labelTaskLists(cleanBodyTree(tree));
}
