import type { Bilingual } from '../../schemas/meta.ts';

/**
 * Raw HTML and script links in the Markdown bodies of untrusted collections (members, wiki,
 * events, market). The site removes them anyway (rehype-sanitize); this finds them so the
 * contributor check and the CMS can say so, with the line and what to write instead.
 * No Node imports: the admin page runs it in the browser.
 */

/** Elements and attributes that could run code or take over the page, named in the message. */
const ACTIVE_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'style', 'form', 'input', 'button', 'link', 'meta', 'base', 'svg', 'math']);
// A tag escaped with a backslash (\<b>) is Markdown for the text "<b>", not HTML.
const TAG = /(?<!\\)<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?\/?>/g;
const SCRIPT_URL = /(?:\]\(\s*<?|\]:\s*<?|<|\b(?:href|src)\s*=\s*["']?)\s*((?:javascript|vbscript|data):)/gi;

/** The body with code blocks and code spans blanked out (line breaks kept), where HTML is only shown, never run. */
export function withoutCode(body: string): string {
  const lines = body.split('\n');
  let fence: { char: string; length: number } | undefined;
  const kept = lines.map((line) => {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (m && m[1][0] === fence.char && m[1].length >= fence.length && /^ {0,3}[`~]+\s*$/.test(line)) fence = undefined;
      return '';
    }
    if (m) {
      fence = { char: m[1][0], length: m[1].length };
      return '';
    }
    return line;
  });
  return kept.join('\n').replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (all) => all.replace(/[^\n]/g, ' '));
}

export interface HtmlFinding {
  /** 0-based line within the body. */
  line: number;
  /** What was found, e.g. `<script>` or `javascript:`. */
  found: string[];
  /** Whether any of it could run code (script, frames, event handlers, javascript: links). */
  active: boolean;
}

/** Raw HTML tags and script links in a Markdown body, line by line, outside code. */
export function findRawHtml(body: string): HtmlFinding[] {
  const out: HtmlFinding[] = [];
  withoutCode(body)
    .split('\n')
    .forEach((line, i) => {
      const found = new Set<string>();
      let active = false;
      for (const m of line.matchAll(TAG)) {
        const name = m[1].toLowerCase();
        found.add(`<${name}>`);
        if (ACTIVE_TAGS.has(name) || /\son[a-z]+\s*=/i.test(m[0])) active = true;
      }
      for (const m of line.matchAll(SCRIPT_URL)) {
        found.add(m[1].toLowerCase());
        active = true;
      }
      if (found.size) out.push({ line: i, found: [...found], active });
    });
  return out;
}

/** Why a finding is refused and what to write instead, in English and Danish. */
export function rawHtmlMessage(f: HtmlFinding): Bilingual {
  const tags = f.found.filter((x) => x.startsWith('<'));
  const links = f.found.filter((x) => !x.startsWith('<'));
  const what = {
    en: [tags.length ? `raw HTML (${tags.join(', ')})` : '', links.length ? `a ${links.join(' ')} link` : ''].filter(Boolean).join(' and '),
    da: [tags.length ? `rå HTML (${tags.join(', ')})` : '', links.length ? `et ${links.join(' ')}-link` : ''].filter(Boolean).join(' og '),
  };
  const why = f.active ? { en: ' (it could run code in readers’ browsers)', da: ' (den kunne køre kode i læsernes browsere)' } : { en: '', da: '' };
  const rule = tags.length
    ? { en: 'the text is Markdown only, and HTML is removed from the page for safety', da: 'teksten er kun Markdown, og HTML fjernes fra siden af sikkerhedshensyn' }
    : { en: 'links go to https://, mailto: or tel:, and other links are removed from the page for safety', da: 'links går til https://, mailto: eller tel:, og andre links fjernes fra siden af sikkerhedshensyn' };
  return {
    en: `${what.en} is not allowed here: ${rule.en}${why.en}. Write it as Markdown (a link: [text](https://…), bold: **text**); to show HTML as an example, put it in a code block between \`\`\` lines`,
    da: `${what.da} er ikke tilladt her: ${rule.da}${why.da}. Skriv det som Markdown (et link: [tekst](https://…), fed: **tekst**); vil du vise HTML som eksempel, så sæt det i en kodeblok mellem \`\`\`-linjer`,
  };
}
