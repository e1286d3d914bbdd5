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

/** Serves `dir` on `host` (default 127.0.0.1) and `port` (default 0: a free port). */
export async function serveSite(options: { dir: string; host?: string; port?: number }): Promise<SiteServer> {
  const host = options.host ?? '127.0.0.1';
  if (!fs.existsSync(options.dir) || !fs.statSync(options.dir).isDirectory()) {
    throw new Error(
      `${options.dir} is not a folder with a built site: run npm run build first — ${options.dir} er ikke en mappe med et bygget site: kør npm run build først`,
    );
  }
  const root = fs.realpathSync(options.dir);
  const headersFile = path.join(root, '_headers');
  // Re-read when a new build replaces the file, so its hashes always match the pages served.
  let rules = await readHeaderRules(headersFile);
  let rulesStamp = stamp(headersFile);

  const inside = (p: string) => p === root || p.startsWith(root + path.sep);
  // A link out of the folder (a symlink that came with the build) is served as missing.
  const realInside = (p: string) => !fs.existsSync(p) || inside(fs.realpathSync(p));

  const notFound = (req: http.IncomingMessage, res: http.ServerResponse) => {
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
  };
  const files = sirv(root, { dev: true, etag: true, dotfiles: false, extensions: ['html'], onNoMatch: notFound });

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
    const file = path.join(root, pathname);
    if (stamp(headersFile) !== rulesStamp) {
      rules = await readHeaderRules(headersFile);
      rulesStamp = stamp(headersFile);
    }
    for (const [name, value] of Object.entries(headersFor(rules, pathname))) res.setHeader(name, value);
    if (!res.hasHeader('cache-control')) res.setHeader('Cache-Control', DEFAULT_CACHE);

    // An encoded slash (%2F) can still spell "..", so the decoded path is checked as a file path too.
    const hidden = NEVER_SERVED.has(path.basename(pathname).toLowerCase()) || pathname.includes('\0');
    if (hidden || !inside(file) || ![file, `${file}.html`, path.join(file, 'index.html')].every(realInside)) {
      notFound(req, res);
      return;
    }
    if (!pathname.endsWith('/') && fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    req.url = `${url.pathname}${url.search}`;
    files(req, res);
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
          ? new Error(
              `Port ${options.port} on ${host} is in use: stop what runs there or choose another port — port ${options.port} på ${host} er optaget: stop det, der kører dér, eller vælg en anden port`,
            )
          : err,
      ),
    );
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections open; they must not keep the server alive.
        server.closeAllConnections();
      }),
  };
}

function stamp(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'none';
  }
}
