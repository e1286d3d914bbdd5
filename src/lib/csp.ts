import { createHash } from 'node:crypto';
import { parseAllHeaders } from '@netlify/headers-parser';
import { Parser } from 'htmlparser2';
import { productionBackend, proxyUrl, type CmsEnv } from './cms-env.ts';

/**
 * The security headers of the built site (`dist/_headers`, Netlify's format, which Cloudflare
 * Pages reads too): Content-Security-Policy per part of the site, and the headers every
 * response gets. Pure functions; `src/integrations/security-headers.ts` does the file work.
 */

/** A Content-Security-Policy as directive → sources, in the order written. */
export type Policy = Record<string, string[]>;

/** What a page runs or styles inline, which a policy without 'unsafe-inline' must name by hash. */
export interface InlineCode {
  scripts: string[];
  styles: string[];
  styleAttributes: string[];
}

export interface PageCode extends InlineCode {
  /** Where a `<meta http-equiv>` goes: right after `<meta charset>`, before anything that loads. */
  metaOffset: number | undefined;
}

// HTML's JavaScript MIME types: a <script> of any other type is a data block the browser never runs.
const JS_TYPES = new Set([
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
]);

function runsInline(attributes: Record<string, string>): boolean {
  if (attributes.src !== undefined) return false;
  const type = (attributes.type ?? '').trim().toLowerCase();
  // Import maps are inline code to CSP as well.
  return type === '' || type === 'module' || type === 'importmap' || JS_TYPES.has(type);
}

// The browser reads CR LF and lone CR as LF before it tokenizes, so hashes are over LF text.
const browserNewlines = (text: string) => text.replace(/\r\n?/g, '\n');

/**
 * The inline scripts, `<style>` elements and style attributes of a page, as the browser will hash them.
 *
 * A streaming tokenizer (htmlparser2) rather than a tree: this runs over every page of the build,
 * and building a parse5 tree for each was 7 of 13 s at 10,000 members. Scripts and styles are raw
 * text to htmlparser2 as to the browser; attribute values are entity-decoded as the browser does.
 */
export function pageCode(html: string): PageCode {
  const code: PageCode = { scripts: [], styles: [], styleAttributes: [], metaOffset: undefined };
  // <noscript> is read as markup, as a browser without JavaScript reads it: its styles count
  // then, its scripts never run.
  let noscriptDepth = 0;
  let inHead = false;
  let headSeen = false;
  let firstInHead: number | undefined;
  let afterCharset: number | undefined;
  let collecting: { into: string[]; text: string } | undefined;
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        if (typeof attributes.style === 'string') code.styleAttributes.push(browserNewlines(attributes.style));
        if (name === 'noscript') noscriptDepth++;
        else if (name === 'head' && !headSeen) {
          inHead = headSeen = true;
        } else if (inHead) {
          firstInHead ??= parser.startIndex;
          if (name === 'meta' && attributes.charset !== undefined) afterCharset ??= parser.endIndex + 1;
        }
        if (name === 'script' && noscriptDepth === 0 && runsInline(attributes))
          collecting = { into: code.scripts, text: '' };
        else if (name === 'style') collecting = { into: code.styles, text: '' };
      },
      ontext(text) {
        if (collecting) collecting.text += text;
      },
      onclosetag(name) {
        if ((name === 'script' || name === 'style') && collecting) {
          collecting.into.push(browserNewlines(collecting.text));
          collecting = undefined;
        }
        if (name === 'noscript' && noscriptDepth > 0) noscriptDepth--;
        if (name === 'head') inHead = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  // Only a <head> written in the source gets a <meta>; an implied one has no place to put it.
  code.metaOffset = afterCharset ?? firstInHead;
  return code;
}

/** The CSP source expression for a text: `'sha256-…'`. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const hashes = (texts: Iterable<string>) => [...new Set([...texts].map(hashSource))].sort();

/** The inline code of many pages together (the host's rules cover many pages with one policy). */
export function mergeCode(pages: Iterable<InlineCode>): InlineCode {
  const all: InlineCode = { scripts: [], styles: [], styleAttributes: [] };
  for (const p of pages) {
    all.scripts.push(...p.scripts);
    all.styles.push(...p.styles);
    all.styleAttributes.push(...p.styleAttributes);
  }
  return all;
}

/**
 * The public site: only its own files, its own inline code by hash, no plugins, no framing.
 * 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly (in its worker, which is served with
 * this policy too); it does not allow eval of JavaScript. Nothing on the site loads images from
 * elsewhere or as data: URLs, so img-src is 'self' alone.
 */
export function sitePolicy(code: InlineCode): Policy {
  const styleAttributes = hashes(code.styleAttributes);
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'", ...hashes(code.scripts)],
    // A style attribute can only be allowed by hash with 'unsafe-hashes'; our templates have none,
    // but trusted content (an MDX post) may, and should not break the page.
    'style-src': [
      "'self'",
      ...hashes(code.styles),
      ...(styleAttributes.length ? ["'unsafe-hashes'", ...styleAttributes] : []),
    ],
    'img-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'upgrade-insecure-requests': [],
  };
}

const GITHUB_API = 'https://api.github.com';
// Decap polls the host's status page and shows a banner when the git service is down.
const GITHUB_STATUS = 'https://www.githubstatus.com';
const NETLIFY_STATUS = 'https://www.netlifystatus.com';
const GITHUB_AVATARS = 'https://avatars.githubusercontent.com';

/**
 * The CMS at /admin/ (Decap): looser than the site, because Decap needs it, and nothing else.
 * - script-src 'unsafe-eval': Decap validates its config with ajv, which compiles validators with
 *   `new Function`; it also allows the WebAssembly image codecs of the media library.
 * - style-src 'unsafe-inline': Decap's components are styled by Emotion, which inserts <style>
 *   elements at run time.
 * - img-src data: blob:: previews of uploads and of files the backend returns as blobs.
 * - connect-src blob:: Decap reads an upload's bytes by fetching its blob: URL (AssetProxy.toBase64).
 * - connect-src: decap-server on this machine (`CMS_PROXY_URL`), and the production backend chosen
 *   at build time: git-gateway is the site's own origin (Netlify Identity and Git Gateway under
 *   /.netlify/); github is GitHub's API, plus the OAuth server of `CMS_AUTH_URL` if set.
 */
export function adminPolicy(env: CmsEnv, code: InlineCode = { scripts: [], styles: [], styleAttributes: [] }): Policy {
  const backend = productionBackend(env);
  const connect = ["'self'", 'blob:', new URL(proxyUrl(env)).origin];
  const img = ["'self'", 'data:', 'blob:'];
  if (backend.name === 'github') {
    connect.push(GITHUB_API, GITHUB_STATUS);
    if (env.CMS_AUTH_URL) connect.push(new URL(env.CMS_AUTH_URL).origin);
    img.push(GITHUB_AVATARS);
  } else {
    connect.push(NETLIFY_STATUS);
  }
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-eval'", ...hashes(code.scripts)],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': img,
    'font-src': ["'self'", 'data:'],
    'connect-src': [...new Set(connect)],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/** The github backend logs in through a popup that reports back to the admin page (its opener). */
export function productionUsesPopups(env: CmsEnv): boolean {
  return productionBackend(env).name === 'github';
}

/**
 * Uploads: an SVG opened directly is a document, and would run its scripts on the site's origin.
 * A sandbox without allow-scripts gives it an opaque origin and no script at all, so it cannot
 * reach the editors' stored CMS login; images and inline SVG styles still show.
 */
export const MEDIA_POLICY: Policy = {
  'default-src': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'style-src': ["'unsafe-inline'"],
  'frame-ancestors': ["'none'"],
  sandbox: [],
};

// Directives a <meta http-equiv="Content-Security-Policy"> cannot carry (the browser ignores them there).
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The policy for a `<meta>` element: the same, minus what only a header can say. */
export function metaPolicy(policy: Policy): Policy {
  return Object.fromEntries(Object.entries(policy).filter(([name]) => !HEADER_ONLY.has(name)));
}

export function formatPolicy(policy: Policy): string {
  return Object.entries(policy)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** Puts the policy into a page as `<meta http-equiv>` at `offset` (from `pageCode`). */
export function withMetaPolicy(html: string, offset: number, policy: Policy): string {
  const content = formatPolicy(metaPolicy(policy)).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `${html.slice(0, offset)}<meta http-equiv="Content-Security-Policy" content="${content}">${html.slice(offset)}`;
}

/** Browser features neither the site nor the CMS uses, switched off (only names Chromium knows, so it logs no warning). */
export const UNUSED_FEATURES = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

/** Headers for every response. HSTS for one year, without includeSubDomains or preload (README says how to add them). */
export const EVERYWHERE: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=31536000',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': UNUSED_FEATURES.map((f) => `${f}=()`).join(', '),
  'X-Frame-Options': 'DENY',
};

/** Astro's bundles are content-hashed: a file at one URL never changes. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

/** A top-level entry of the built site. */
export interface DistEntry {
  name: string;
  directory: boolean;
}

export interface HeaderPolicies {
  site: Policy;
  admin: Policy;
  /** True with a backend that logs in through a popup (github), which needs its opener. */
  adminPopups: boolean;
}

/**
 * The rules of `_headers`. Hosts differ when several rules match one path and set one header
 * (Netlify's local tooling keeps the last, others join the values with ", ", which for CSP means
 * two policies, both enforced), so no two rules that can match one path set the same header:
 * `/*` carries what is the same everywhere, and each part of the site has its own CSP rule:
 * `/` and every top-level entry of the build except `admin` and `media` get the site policy.
 */
export function headerRules(entries: DistEntry[], policies: HeaderPolicies): HeaderRule[] {
  const site = formatPolicy(policies.site);
  const siteValues = (name: string): Record<string, string> => ({
    'Content-Security-Policy': site,
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(name === '_astro' ? { 'Cache-Control': IMMUTABLE } : {}),
  });
  const own = entries
    .filter(
      (e) =>
        e.name !== 'admin' &&
        e.name !== 'media' &&
        !e.name.startsWith('.') &&
        e.name !== '_headers' &&
        e.name !== '_redirects',
    )
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((e) => ({ for: e.directory ? `/${e.name}/*` : `/${e.name}`, values: siteValues(e.name) }));
  return [
    { for: '/*', values: EVERYWHERE },
    { for: '/', values: siteValues('') },
    ...own,
    {
      for: '/admin/*',
      values: {
        'Content-Security-Policy': formatPolicy(policies.admin),
        // Decap's GitHub login is a popup that reports back to its opener.
        'Cross-Origin-Opener-Policy': policies.adminPopups ? 'same-origin-allow-popups' : 'same-origin',
      },
    },
    // The CMS's script is content-hashed too (src/tools/admin-bundle.ts): 5.5 MB fetched once.
    { for: '/admin/assets/*', values: { 'Cache-Control': IMMUTABLE } },
    {
      for: '/media/*',
      values: { 'Content-Security-Policy': formatPolicy(MEDIA_POLICY), 'Cross-Origin-Opener-Policy': 'same-origin' },
    },
  ];
}

/** Rules compiled as Netlify's own parser reads them (its `forRegExp`). */
export async function compileRules(rules: HeaderRule[]) {
  const { headers, errors } = await parseAllHeaders({ headersFiles: [], configHeaders: rules, minimal: false });
  if (errors.length) throw errors[0];
  return headers.map((h) => ({ for: h.for, values: h.values, forRegExp: (h as { forRegExp: RegExp }).forRegExp }));
}

const samplePaths = (rule: HeaderRule) =>
  rule.for.endsWith('/*')
    ? [rule.for.slice(0, -2), `${rule.for.slice(0, -1)}`, `${rule.for.slice(0, -1)}x`]
    : [rule.for];

/**
 * Netlify reads `/x/*` as "every path that starts with /x", so `/en/*` also matches a page at
 * `/entre/`. A rule that another rule with the same headers already covers is dropped; a page that
 * would get the CMS's or the uploads' policy on top of its own is refused, with what to rename.
 */
export async function withoutOverlaps(rules: HeaderRule[]): Promise<HeaderRule[]> {
  const compiled = await compileRules(rules);
  const kept: HeaderRule[] = [];
  for (const [i, rule] of rules.entries()) {
    if (rule.for === '/*') {
      kept.push(rule);
      continue;
    }
    const others = compiled.filter(
      (c, j) => j !== i && c.for !== '/*' && samplePaths(rule).some((p) => c.forRegExp.test(p)),
    );
    const same = (c: HeaderRule) => JSON.stringify(c.values) === JSON.stringify(rule.values);
    // Rules that set different headers on one path add up on every host; only one header set
    // twice is a clash (/admin/assets/* adds Cache-Control to what /admin/* sets).
    const clash = others.find((c) => Object.entries(rule.values).some(([h, v]) => h in c.values && c.values[h] !== v));
    if (clash) {
      const fixed = new Set(['/admin/*', '/admin/assets/*', '/media/*', '/_astro/*', '/']);
      const rename = (fixed.has(rule.for) ? clash.for : rule.for).replace(/\/\*$/, '/');
      throw new Error(
        `dist/_headers: the rules ${clash.for} and ${rule.for} would both apply to ${samplePaths(rule)[0]} (a host reads /x/* as ` +
          `every path that starts with /x), so it would get two policies. Rename ${rename} (a free page: its file name in ` +
          `content/pages/) so that neither name starts with the other — reglerne ${clash.for} og ${rule.for} ville begge gælde ` +
          `for ${samplePaths(rule)[0]}. Omdøb ${rename} (en fri side: dens filnavn i content/pages/), så ingen af navnene ` +
          `begynder med det andet`,
      );
    }
    if (others.some((c) => same(c) && kept.some((k) => k.for === c.for))) continue;
    kept.push(rule);
  }
  return kept;
}

/** `_headers` text: a comment, then each rule's path and its indented `Name: value` lines. */
export function formatHeadersFile(rules: HeaderRule[]): string {
  const head = [
    '# Generated at build time by src/integrations/security-headers.ts; do not edit (edit src/lib/csp.ts).',
    '# No two rules that can match one path set the same header.',
  ];
  const body = rules.map((r) => [r.for, ...Object.entries(r.values).map(([k, v]) => `  ${k}: ${v}`)].join('\n'));
  return `${[head.join('\n'), ...body].join('\n\n')}\n`;
}
