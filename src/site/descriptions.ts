/**
 * A page's description for `<meta name="description">` and link previews: plain text, at most
 * DESCRIPTION_MAX characters, cut at a word. The route table's `description` functions build
 * them from an entry's own text; nothing here may pull a Markdown parser in, because the route
 * table is also bundled into the CMS for the browser (RESERVED_SLUGS).
 */

/** Search engines show about this much of a description; link previews less. */
export const DESCRIPTION_MAX = 160;

const ELLIPSIS = '…';

/** Whitespace runs as one space, trimmed. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/** `text` in at most `max` characters: whole if it fits, else cut after the last whole word, with an ellipsis. */
export function clip(text: string, max = DESCRIPTION_MAX): string {
  const plain = squeeze(text);
  if (plain.length <= max) return plain;
  const room = plain.slice(0, max - ELLIPSIS.length + 1);
  const lastSpace = room.lastIndexOf(' ');
  // A single word longer than the room is cut inside the word rather than dropped.
  const cut = lastSpace > 0 ? room.slice(0, lastSpace) : room.slice(0, max - ELLIPSIS.length);
  return cut.replace(/[\s,;:.–-]+$/, '') + ELLIPSIS;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** One line of Markdown as the text a reader sees: links and emphasis without their marks, pictures and tags gone. */
function inlineText(line: string): string {
  return (
    line
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
      .replace(/<(https?:[^>\s]+)>/g, '$1')
      .replace(/<\/?[a-z][^>]*>/gi, '')
      .replace(/(\*\*|__|~~|\*|`)/g, '')
      // An underscore marks emphasis only at a word's edge (snake_case stays).
      .replace(/(^|\W)_(\S)/g, '$1$2')
      .replace(/(\S)_(\W|$)/g, '$1$2')
      .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1')
      .replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (whole, name: string) => {
        if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
      })
  );
}

/** Lines that are not running text: headings, rules, tables, fences, block HTML, link definitions. */
const NOT_PROSE = /^(#{1,6}\s|[-*_]{3,}\s*$|\||```|~~~|<[a-z!/]|\[[^\]]+\]:\s)/i;

/**
 * The first paragraph of a Markdown body as plain text: the opening of a presentation. List
 * items and quotes count as text; headings, tables, code and pictures do not.
 */
export function firstParagraph(markdown: string | undefined): string {
  if (!markdown) return '';
  const lines: string[] = [];
  let fenced = false;
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    if (/^(```|~~~)/.test(line)) {
      fenced = !fenced;
      if (lines.length) break;
      continue;
    }
    if (fenced) continue;
    if (!line) {
      if (lines.length) break;
      continue;
    }
    if (NOT_PROSE.test(line)) {
      if (lines.length) break;
      continue;
    }
    const text = squeeze(inlineText(line.replace(/^(>\s?)+/, '').replace(/^([-*+]|\d+[.)])\s+/, '')));
    if (text) lines.push(text);
  }
  return lines.join(' ');
}

/**
 * The first sentence of a text, or as much of it as fits: a sentence ends at . ! or ? followed
 * by a space and a capital letter (so "fx. logoer" and "ca. 20" do not end one).
 */
export function firstSentence(text: string, max = DESCRIPTION_MAX): string {
  const plain = squeeze(text);
  const end = /[.!?…](?=\s+["'»“(]?[A-ZÆØÅÄÖÜ])/u.exec(plain);
  return clip(end ? plain.slice(0, end.index + 1) : plain, max);
}

/** The first of these texts that has any words, clipped; undefined when none has. */
export function firstDescription(...candidates: (string | undefined | null | false)[]): string | undefined {
  for (const c of candidates) if (c && squeeze(c)) return clip(c);
  return undefined;
}

/** Numbers a list's items: items 49–96 of a list of 48 per page. */
export function itemRange(page: number, size: number, total: number): { from: number; to: number; n: number } {
  const from = Math.min(total, (page - 1) * size + 1);
  return { from, to: Math.min(total, page * size), n: total };
}

/** Texts as consecutive sentences: each ends with a full stop unless it already ends a sentence. */
export function sentences(...parts: (string | undefined)[]): string {
  return parts
    .map((p) => squeeze(p ?? ''))
    .filter(Boolean)
    .map((p) => (/[.!?…»“”"')]$/.test(p) ? p : `${p}.`))
    .join(' ');
}
