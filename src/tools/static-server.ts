import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseAllHeaders } from '@netlify/headers-parser';
import sirv from 'sirv';

/**
 * Serves a built site the way Netlify does, so what runs on this machine (npm start, the tests)
 * gets the headers production gets: the files through sirv, `index.html` for a folder, `/x` → 301
 * `/x/` for a folder, `404.html` with status 404, never `_headers`/`_redirects` or anything outside
 * the folder, and the headers of `_headers`.
 */

export interface HeaderRule {
  for: string;
  values: Record<string, string>;
  forRegExp: RegExp;
}

export interface SiteServer {
  url: string;
  /** The folder served now. */
  readonly dir: string;
  /**
   * Serves another folder from now on (a newer build), with its own `_headers`; resolves once no
   * response is still reading the previous folder, so that folder may be written again.
   */
  switchTo(dir: string): Promise<void>;
  close(): Promise<void>;
}

// Netlify's default for files without a Cache-Control of their own: always revalidate.
const DEFAULT_CACHE = 'public, max-age=0, must-revalidate';
const NEVER_SERVED = new Set(['_headers', '_redirects']);

/** The rules of a `_headers` file, read by Netlify's own parser; none when there is no file. */
export async function readHeaderRules(file: string): Promise<HeaderRule[]> {
  if (!fs.existsSync(file)) return [];
  const { headers, errors } = await parseAllHeaders({ headersFiles: [file], configHeaders: [], minimal: false });
  if (errors.length) {
    throw new Error(`${file}: ${errors[0].message} — ${file} kan ikke læses som en _headers-fil: ${errors[0].message}`);
  }
  return headers as HeaderRule[];
}

/**
 * The headers for a path: those of every matching rule. A header that two matching rules set is
 * joined with ", ", as some hosts do; for a CSP that is two policies, both enforced, which is
 * what a test should see rather than whichever one a host happens to keep.
 */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const out = new Map<string, [string, string]>();
  for (const rule of rules) {
    if (!rule.forRegExp.test(pathname)) continue;
    for (const [name, value] of Object.entries(rule.values)) {
      const seen = out.get(name.toLowerCase());
      out.set(name.toLowerCase(), seen ? [seen[0], `${seen[1]}, ${value}`] : [name, value]);
    }
  }
  return Object.fromEntries(out.values());
}

/** One folder being served: its files, its header rules, and how many responses are still reading it. */
interface Served {
  root: string;
  files: ReturnType<typeof sirv>;
  rules: HeaderRule[];
  rulesStamp: string;
  reading: number;
}

export interface ServeOptions {
  dir: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /**
   * Folders served under a path prefix before the site's own files, e.g. `{ '/media/': 'public/media' }`:
   * `npm start` serves pictures from where the CMS uploads them, so a new upload shows at once,
   * before the next build has copied it. What the folder lacks falls through to the site.
   */
  mounts?: Record<string, string>;
}

/** Serves `dir` on `host` (default 127.0.0.1) and `port` (default 0: a free port). */
export async function serveSite(options: ServeOptions): Promise<SiteServer> {
  const host = options.host ?? '127.0.0.1';
  const open = async (dir: string): Promise<Served> => {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      throw new Error(
        `${dir} is not a folder with a built site: run npm run build first — ${dir} er ikke en mappe med et bygget site: kør npm run build først`,
      );
    }
    const root = fs.realpathSync(dir);
    const headersFile = path.join(root, '_headers');
    const files = sirv(root, {
      dev: true,
      etag: true,
      dotfiles: false,
      extensions: ['html'],
      onNoMatch: (req, res) => notFound(root, req, res),
    });
    return { root, files, rules: await readHeaderRules(headersFile), rulesStamp: stamp(headersFile), reading: 0 };
  };
  let current = await open(options.dir);
  const mounts = Object.entries(options.mounts ?? {})
    .filter(([, dir]) => fs.existsSync(dir))
    .map(([prefix, dir]) => {
      const root = fs.realpathSync(dir);
      return { prefix, root, files: sirv(root, { dev: true, etag: true, dotfiles: false }) };
    });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let url: URL;
    let pathname: string;
    try {
      // The URL parser resolves "." and ".." segments (also written as %2e), so the path starts at the root.
      url = new URL(req.url ?? '/', 'http://localhost');
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    // The folder this response reads from, even if a new build is switched in meanwhile.
    const served = current;
    served.reading++;
    res.once('close', () => served.reading--);
    const { root } = served;
    const headersFile = path.join(root, '_headers');
    if (stamp(headersFile) !== served.rulesStamp) {
      served.rules = await readHeaderRules(headersFile);
      served.rulesStamp = stamp(headersFile);
    }
    for (const [name, value] of Object.entries(headersFor(served.rules, pathname))) res.setHeader(name, value);
    if (!res.hasHeader('cache-control')) res.setHeader('Cache-Control', DEFAULT_CACHE);

    // An encoded slash (%2F) can still spell "..", so the decoded path is checked as a file path too.
    const hidden = NEVER_SERVED.has(path.basename(pathname).toLowerCase()) || pathname.includes('\0');
    if (hidden) {
      notFound(root, req, res);
      return;
    }
    const mounted = mounts.find((m) => pathname.startsWith(m.prefix));
    if (mounted) {
      const file = path.join(mounted.root, pathname.slice(mounted.prefix.length));
      if (isInside(mounted.root, file) && regularFileInside(mounted.root, file)) {
        req.url = `/${pathname.slice(mounted.prefix.length).split('/').map(encodeURIComponent).join('/')}`;
        mounted.files(req, res, () => notFound(root, req, res));
        return;
      }
    }
    const file = path.join(root, pathname);
    if (
      !isInside(root, file) ||
      ![file, `${file}.html`, path.join(file, 'index.html')].every((p) => realInside(root, p))
    ) {
      notFound(root, req, res);
      return;
    }
    if (!pathname.endsWith('/') && fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    req.url = `${url.pathname}${url.search}`;
    served.files(req, res);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(err instanceof Error ? err.message : err));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? Object.assign(
              new Error(
                `Port ${options.port} on ${host} is in use: stop what runs there or choose another port — port ${options.port} på ${host} er optaget: stop det, der kører dér, eller vælg en anden port`,
              ),
              { code: err.code, port: options.port },
            )
          : err,
      ),
    );
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    get dir() {
      return current.root;
    },
    async switchTo(dir: string) {
      const previous = current;
      current = await open(dir);
      // A response still streaming from the old folder finishes before that folder may change.
      const until = Date.now() + SWITCH_WAIT_MS;
      while (previous.reading > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections open; they must not keep the server alive.
        server.closeAllConnections();
      }),
  };
}

/** How long switchTo waits for responses from the previous folder (a stalled client must not stop a switch). */
const SWITCH_WAIT_MS = 5000;

const isInside = (root: string, p: string) => p === root || p.startsWith(root + path.sep);
// A link out of the folder (a symlink that came with the build) is served as missing.
const realInside = (root: string, p: string) => !fs.existsSync(p) || isInside(root, fs.realpathSync(p));

/** A regular file reached through no link (uploads are the CMS's; a link there is never followed). */
function regularFileInside(root: string, file: string): boolean {
  try {
    return fs.lstatSync(file).isFile() && isInside(root, fs.realpathSync(file));
  } catch {
    return false;
  }
}

function notFound(root: string, req: http.IncomingMessage, res: http.ServerResponse) {
  const page = path.join(root, '404.html');
  if (!fs.existsSync(page)) {
    res
      .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end(req.method === 'HEAD' ? undefined : 'Not found');
    return;
  }
  const body = fs.readFileSync(page);
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function stamp(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'none';
  }
}
