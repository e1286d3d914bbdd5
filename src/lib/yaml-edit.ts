import YAML, {
  Document,
  isMap,
  isNode,
  isScalar,
  isSeq,
  Pair,
  YAMLMap,
  YAMLSeq,
  type Node,
  type ToStringOptions,
} from 'yaml';

/**
 * Editing a YAML document in place: the original text stays byte for byte, except the top-level
 * keys (or list items) whose value changed, which are rewritten from the original's nodes so
 * their quoting and comments stay. Used by the CMS's formats (src/cms/format.ts) and by the
 * spreadsheet import (src/tools/members-csv/). No Node imports: the CMS runs it in the browser.
 */

type Data = Record<string, unknown>;

/** Key order for new keys at every depth: a key's name and, for a map, the order of its own keys. */
export interface FieldTree {
  name: string;
  fields?: FieldTree[];
}

const STRINGIFY: ToStringOptions = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false };

/** An object that is not a list (a YAML map as data). */
export const isPlainObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** Reorders an object's keys: known fields in field order, then the rest as they came. */
function ordered(value: unknown, fields: FieldTree[] | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, fields));
  if (!isPlainObject(value) || !fields) return value;
  const byName = new Map(fields.map((f) => [f.name, f]));
  const keys = Object.keys(value);
  const rank = (k: string) => (byName.has(k) ? fields.findIndex((f) => f.name === k) : fields.length + keys.indexOf(k));
  return Object.fromEntries(
    [...keys].sort((a, b) => rank(a) - rank(b)).map((k) => [k, ordered(value[k], byName.get(k)?.fields)]),
  );
}

// --- YAML documents -------------------------------------------------------------------------

const keyOf = (p: Pair) => String(isScalar(p.key) ? p.key.value : p.key);
const toJS = (doc: Document, node: unknown) => (isNode(node) ? node.toJS(doc) : node);

/** Sequences written `key:\n- a` (not indented) keep that style when the document is re-rendered. */
const indentsSequences = (text: string) => !/^([ \t]*)[^\s#-][^\n]*:[ \t]*\r?\n\1- /m.test(text);

/** Lists of ids (`[it-data, kunst]`) are written inline, as in the sample content; other lists as blocks. */
const ID_LIST_ITEM = /^[a-z0-9][a-z0-9-]*$/;
function createNode(doc: Document, value: unknown, fields: FieldTree[] | undefined): Node {
  const node = doc.createNode(ordered(value, fields)) as Node;
  YAML.visit(node, {
    Seq(_, seq) {
      const ids = seq.items.every((i) => isScalar(i) && typeof i.value === 'string' && ID_LIST_ITEM.test(i.value));
      if (ids && seq.items.length > 0) seq.flow = true;
    },
  });
  return node;
}

/** Merges `value` into `node`, reusing every node whose value did not change. */
function merge(doc: Document, node: unknown, value: unknown, fields: FieldTree[] | undefined): unknown {
  if (node !== undefined && node !== null && deepEqual(toJS(doc, node), value)) return node;
  if (isPlainObject(value) && isMap(node)) {
    const map = node;
    const fieldByName = new Map((fields ?? []).map((f) => [f.name, f]));
    map.items = map.items.filter((p) => value[keyOf(p)] !== undefined);
    for (const p of map.items) p.value = merge(doc, p.value, value[keyOf(p)], fieldByName.get(keyOf(p))?.fields);
    const order = fields?.map((f) => f.name) ?? Object.keys(value);
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || map.items.some((p) => keyOf(p) === k)) continue;
      const pair = doc.createPair(k, ordered(v, fieldByName.get(k)?.fields));
      // After the nearest existing key that comes before it in field order.
      const before = order.slice(0, Math.max(0, order.indexOf(k)));
      let at = 0;
      map.items.forEach((p, i) => {
        if (before.includes(keyOf(p))) at = i + 1;
      });
      if (order.indexOf(k) === -1) at = map.items.length;
      map.items.splice(at, 0, pair as Pair);
    }
    return map;
  }
  if (Array.isArray(value) && isSeq(node)) {
    const seq = node;
    seq.items = value.map((v, i) =>
      i < seq.items.length ? merge(doc, seq.items[i], v, fields) : createNode(doc, v, fields),
    );
    return seq;
  }
  if (isScalar(node) && typeof value !== 'object' && typeof value === typeof node.value) {
    // Same kind of value: keep the node, so its quoting and comments stay.
    node.value = value;
    return node;
  }
  const created = createNode(doc, value, fields);
  if (isNode(node)) {
    created.comment = node.comment;
    created.commentBefore = node.commentBefore;
  }
  return created;
}

/** The original's layout, so re-rendered values look like their neighbours. */
function styleOf(text: string): ToStringOptions {
  const indent = /^[^\s#][^\n]*:[ \t]*\r?\n( {2,8})[^\s-]/m.exec(text)?.[1].length ?? 2;
  return {
    ...STRINGIFY,
    indent,
    indentSeq: indentsSequences(text),
    flowCollectionPadding: /\[ \S|\{ \S/.test(text),
  };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(text: string, edits: Edit[]): string {
  // From the end, so earlier offsets stay valid; an insertion at a deletion's end goes first.
  return [...edits]
    .sort((a, b) => b.start - a.start || b.end - a.end)
    .reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}

/** `text` made to fit where it goes: ends with a newline only if the replaced text did. */
const fit = (rendered: string, replaced: string) => (replaced.endsWith('\n') ? rendered : rendered.replace(/\n$/, ''));

function renderPair(key: string, value: unknown, style: ToStringOptions): string {
  const out = new Document({});
  (out.contents as YAMLMap).items.push(new Pair(key, value));
  return out.toString(style);
}

function renderItem(value: unknown, style: ToStringOptions): string {
  const out = new Document([]);
  (out.contents as YAMLSeq).items.push(value);
  return out.toString(style);
}

/** Top-level fields: untouched ones keep their exact text, changed ones are re-rendered in place. */
function spliceMap(
  text: string,
  doc: Document,
  data: Data,
  fields: FieldTree[] | undefined,
  style: ToStringOptions,
): string | undefined {
  const map = doc.contents as YAMLMap;
  const fieldByName = new Map((fields ?? []).map((f) => [f.name, f]));
  const spans = new Map<string, { start: number; end: number }>();
  for (const p of map.items) {
    const start = (p.key as Node | null)?.range?.[0];
    const end = isNode(p.value) ? p.value.range?.[2] : (p.key as Node | null)?.range?.[2];
    if (start === undefined || end === undefined) return undefined;
    spans.set(keyOf(p), { start, end });
  }
  const edits: Edit[] = [];
  for (const p of map.items) {
    const k = keyOf(p);
    const { start, end } = spans.get(k)!;
    const v = data[k];
    if (v === undefined) edits.push({ start, end, text: '' });
    else if (!deepEqual(toJS(doc, p.value), v)) {
      const node = merge(doc, p.value, v, fieldByName.get(k)?.fields);
      if (isNode(node)) node.commentBefore = undefined;
      edits.push({ start, end, text: fit(renderPair(k, node, style), text.slice(start, end)) });
    }
  }
  const order = fields?.map((f) => f.name) ?? Object.keys(data);
  for (const [k, v] of Object.entries(data)) {
    if (v === undefined || spans.has(k)) continue;
    const rendered = renderPair(k, createNode(doc, v, fieldByName.get(k)?.fields), style);
    // After the nearest existing field that comes before it in field order.
    const earlier =
      order.indexOf(k) === -1 ? [...spans.keys()] : order.slice(0, order.indexOf(k)).filter((x) => spans.has(x));
    const anchor = earlier.length ? spans.get(earlier.at(-1)!)! : undefined;
    if (anchor) {
      const newline = text.slice(anchor.start, anchor.end).endsWith('\n') ? '' : '\n';
      edits.push({
        start: anchor.end,
        end: anchor.end,
        text: newline + (newline ? rendered.replace(/\n$/, '') : rendered),
      });
    } else {
      const first = [...spans.values()][0];
      const at = first?.start ?? text.length;
      edits.push({ start: at, end: at, text: first || text.endsWith('\n') || !text ? rendered : `\n${rendered}` });
    }
  }
  return applyEdits(text, edits);
}

/** A top-level list (a taxonomy file): item by item, untouched items keep their exact text. */
function spliceSeq(
  text: string,
  doc: Document,
  data: unknown[],
  fields: FieldTree[] | undefined,
  style: ToStringOptions,
): string | undefined {
  const seq = doc.contents as YAMLSeq;
  const edits: Edit[] = [];
  const spans: { start: number; end: number; line: number }[] = [];
  for (const item of seq.items) {
    const range = isNode(item) ? item.range : undefined;
    if (!range) return undefined;
    spans.push({ start: range[0], end: range[2], line: text.lastIndexOf('\n', range[0]) + 1 });
  }
  seq.items.forEach((item, i) => {
    const { start, end, line } = spans[i];
    if (i >= data.length) edits.push({ start: line, end, text: '' });
    else if (!deepEqual(toJS(doc, item), data[i])) {
      const rendered = renderItem(merge(doc, item, data[i], fields), style).replace(/^- /, '');
      edits.push({ start, end, text: fit(rendered, text.slice(start, end)) });
    }
  });
  const added = data.slice(seq.items.length);
  if (added.length) {
    const at = spans.at(-1)?.end ?? text.length;
    const newline = at > 0 && !text.slice(0, at).endsWith('\n') ? '\n' : '';
    const rendered = added.map((v) => renderItem(createNode(doc, v, fields), style)).join('');
    edits.push({ start: at, end: at, text: newline + rendered });
  }
  return applyEdits(text, edits);
}

/**
 * YAML text for `data`: the original text unchanged when the data is the same; otherwise the
 * original with only the changed top-level fields (or list items) rewritten; a new document when
 * there is no original.
 */
export function updateYaml(original: string | undefined, data: unknown, fields?: FieldTree[]): string {
  if (original !== undefined && original.trim()) {
    const doc = YAML.parseDocument(original);
    if (!doc.errors.length) {
      if (deepEqual(doc.toJS(), data)) return original;
      const style = styleOf(original);
      const spliced =
        isMap(doc.contents) && isPlainObject(data)
          ? spliceMap(original, doc, data, fields, style)
          : isSeq(doc.contents) && Array.isArray(data)
            ? spliceSeq(original, doc, data, fields, style)
            : undefined;
      if (spliced !== undefined) return spliced;
      doc.contents = merge(doc, doc.contents, data, fields) as typeof doc.contents;
      return doc.toString(style);
    }
  }
  if (data === undefined || (isPlainObject(data) && !Object.keys(data).length)) return '';
  const doc = new Document();
  doc.contents = createNode(doc, data, fields) as typeof doc.contents;
  return doc.toString(STRINGIFY);
}

// --- Markdown with front matter -------------------------------------------------------------

export interface FrontMatterParts {
  /** Text before the YAML (the opening `---` line). */
  head: string;
  yaml: string;
  /** The closing `---` line. */
  close: string;
  body: string;
}

/** Splits a Markdown file at its `---` lines; a file without front matter is all body. */
export function splitFrontMatter(raw: string): FrontMatterParts {
  const open = /^---[ \t]*\r?\n/.exec(raw);
  if (!open) return { head: '', yaml: '', close: '', body: raw };
  const rest = raw.slice(open[0].length);
  const close = /(?:^|\n)(---[ \t]*(?:\r?\n|$))/.exec(rest);
  if (!close) return { head: '', yaml: '', close: '', body: raw };
  const yamlEnd = close.index + (close[0].length - close[1].length);
  return { head: open[0], yaml: rest.slice(0, yamlEnd), close: close[1], body: rest.slice(yamlEnd + close[1].length) };
}
