import YAML, { isAlias } from 'yaml';
import type { Bilingual } from '../../schemas/meta.ts';
import { yamlAliases, yamlTag, yamlUnreadable } from './messages.ts';

/**
 * Front matter and YAML files are data from strangers. This is the one definition of how they
 * are read, shared by the content check and the build (through gray-matter, in load.ts) and by
 * the CMS in the browser (src/cms/format.ts), so no Node imports here.
 *
 * - Front matter is YAML between two lines of just `---`. Any other opening (`---js`,
 *   `---json`, `+++` …) is refused before anything parses it: gray-matter would evaluate
 *   `---js` as JavaScript.
 * - YAML is read as plain data: the core schema plus timestamps (as Astro's loader reads
 *   dates; the CMS keeps them as text), no custom tags (`!!js/function` is refused, not read as text), no merge keys,
 *   duplicate keys refused, and aliases bounded so that a "billion laughs" document is refused
 *   at once instead of being expanded.
 */

/** What the first line of a Markdown file says about its front matter. */
export type Fence = { kind: 'yaml' } | { kind: 'none' } | { kind: 'other'; found: string };

const BOM = '\uFEFF';
/** Small documents that use a few aliases pass; expanding more than this is refused. */
export const MAX_ALIAS_EXPANSION = 100;

export function frontMatterFence(source: string): Fence {
  const text = source.startsWith(BOM) ? source.slice(1) : source;
  if (/^---[ \t]*(?:\r?\n|$)/.test(text)) return { kind: 'yaml' };
  // `---js`, `--- json`, `----`, TOML's `+++`: front matter in a language we do not read.
  const m = /^(?:---|\+\+\+)[^\r\n]*/.exec(text);
  if (m) return { kind: 'other', found: m[0].trim().slice(0, 40) };
  return { kind: 'none' };
}

/** A YAML text that cannot be read as data, with the 1-based line of the text where it went wrong. */
export class YamlDataError extends Error {
  readonly line: number | undefined;
  readonly bilingual: Bilingual;
  /** `yaml` (cannot be read), `yaml_tag` (a custom tag), `yaml_alias` (aliases expand too far). */
  readonly code: string;
  constructor(bilingual: Bilingual, line?: number, code = 'yaml') {
    super(bilingual.en);
    this.name = 'YamlDataError';
    this.bilingual = bilingual;
    this.line = line;
    this.code = code;
  }
}

/** 1-based line of a character offset in `text`. */
const lineOf = (text: string, offset: number | undefined) => (offset === undefined ? undefined : text.slice(0, offset).split('\n').length);

/**
 * Parses YAML as data, or throws a YamlDataError whose message says what is wrong and what to do.
 * Lines are counted in `text`; a caller whose text starts after an opening `---` line passes
 * text that keeps that line's newline, so lines match the file.
 */
export function parseYamlData(source: string, { dates = true } = {}): unknown {
  // Windows line ends: the last line of a front matter would otherwise keep its \r. Lines stay where they were.
  const text = source.replace(/\r\n?/g, '\n');
  // `dates: false` keeps 2026-03-01 as text, as the CMS's date widgets want it.
  const doc = YAML.parseDocument(text, { schema: 'core', customTags: dates ? ['timestamp'] : [], merge: false, uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new YamlDataError(yamlUnreadable(reason), lineOf(text, error.pos[0]));
  }
  const unknownTag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (unknownTag) {
    // The tag as written (`!!js/function`), not as resolved (`tag:yaml.org,2002:js/function`).
    const tag = /!{1,2}[^\s,[\]{}]*/.exec(text.slice(unknownTag.pos[0]))?.[0] ?? 'tag';
    throw new YamlDataError(yamlTag(tag), lineOf(text, unknownTag.pos[0]), 'yaml_tag');
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    let first: number | undefined;
    YAML.visit(doc, {
      Alias(_, node) {
        if (isAlias(node)) first = node.range?.[0];
        return YAML.visit.BREAK;
      },
    });
    throw new YamlDataError(yamlAliases(MAX_ALIAS_EXPANSION), lineOf(text, first), 'yaml_alias');
  }
}
