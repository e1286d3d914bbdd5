import fs from 'node:fs';
import path from 'node:path';

/** A link in a built page that points at no file in the built site. */
export interface BrokenLink {
  /** The page, as a site path (`/medlemmer/anne-lund/`). */
  page: string;
  /** The link as written in the page. */
  link: string;
  /** The attribute it was in: href, src, srcset, poster, action. */
  attribute: string;
}

export interface LinkReport {
  pages: number;
  links: number;
  broken: BrokenLink[];
  /** The site's own origin, whose absolute links were checked too. */
  origin?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };
/** A numeric reference as HTML reads it: out of range is U+FFFD, not an exception. */
const codePoint = (n: number) => (n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\uFFFD');
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) =>
    e[0] === '#'
      ? codePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : (ENTITIES[e.toLowerCase()] ?? all),
  );

/** Every URL-valued attribute in the page's markup (not in scripts, styles or comments). */
export function linksIn(html: string): { attribute: string; url: string }[] {
  const markup = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template)\b([^>]*)>[\s\S]*?<\/\1>/gi, '<$1$2>');
  const out: { attribute: string; url: string }[] = [];
  for (const tag of markup.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const m of tag[0].matchAll(/\s(href|src|srcset|poster|action)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
      const attribute = m[1].toLowerCase();
      const value = decode(m[2] ?? m[3] ?? m[4] ?? '').trim();
      if (attribute === 'srcset') {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) out.push({ attribute, url });
        }
      } else out.push({ attribute, url: value });
    }
  }
  return out;
}

/** The site path a built file is served at: `medlemmer/x/index.html` → `/medlemmer/x/`. */
export function pagePath(relFile: string): string {
  const p = `/${relFile.split(path.sep).join('/')}`;
  return p.endsWith('/index.html') ? p.slice(0, -'index.html'.length) : p;
}

function htmlFiles(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.name.endsWith('.html')) out.push(abs);
    }
  };
  walk(dist);
  return out.sort();
}

/** The origin the pages call their own, from their canonical links. */
export function siteOrigin(pages: string[]): string | undefined {
  for (const html of pages) {
    const m =
      /<link\s[^>]*rel="canonical"[^>]*href="(https?:\/\/[^"/]+)/i.exec(html) ??
      /<link\s[^>]*href="(https?:\/\/[^"/]+)[^"]*"[^>]*rel="canonical"/i.exec(html);
    if (m) return new URL(m[1]).origin;
  }
  return undefined;
}

/**
 * Checks that every internal link in every HTML page under `dist` resolves to a file, the way a
 * static host serves them: `/x/` → `x/index.html`, `/x` → `x` or `x/index.html` or `x.html`.
 * Links to the site's own origin (from the canonical links, or `origin`) count as internal.
 */
export function checkLinks(dist: string, options: { origin?: string | false } = {}): LinkReport {
  const files = htmlFiles(dist);
  const sources = files.map((f) => fs.readFileSync(f, 'utf8'));
  const origin = options.origin === false ? undefined : (options.origin ?? siteOrigin(sources));
  const exists = new Map<string, boolean>();
  const resolves = (pathname: string): boolean => {
    if (exists.has(pathname)) return exists.get(pathname)!;
    const target = path.join(dist, pathname);
    const isFile = (p: string) => fs.existsSync(p) && fs.statSync(p).isFile();
    const ok =
      !path.relative(dist, target).startsWith('..') &&
      (pathname.endsWith('/')
        ? isFile(path.join(target, 'index.html'))
        : isFile(target) || isFile(path.join(target, 'index.html')) || isFile(`${target}.html`));
    exists.set(pathname, ok);
    return ok;
  };
  const broken: BrokenLink[] = [];
  let links = 0;
  files.forEach((file, i) => {
    const page = pagePath(path.relative(dist, file));
    for (const { attribute, url } of linksIn(sources[i])) {
      // Placeholders of a template filled in elsewhere (Netlify's e-mail templates: {{ .SiteURL }}) are not links yet.
      if (!url || url.startsWith('#') || /\{\{|\{%/.test(url)) continue;
      let target: URL;
      try {
        target = new URL(url, `http://site.invalid${page}`);
      } catch {
        broken.push({ page, link: url, attribute });
        continue;
      }
      const internal = target.origin === 'http://site.invalid' || (origin !== undefined && target.origin === origin);
      if (!internal) continue;
      links++;
      let pathname: string;
      try {
        pathname = decodeURIComponent(target.pathname);
      } catch {
        pathname = target.pathname;
      }
      if (!resolves(pathname)) broken.push({ page, link: url, attribute });
    }
  });
  return { pages: files.length, links, broken, origin };
}
