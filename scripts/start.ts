#!/usr/bin/env node
import { spawn } from 'node:child_process';
import path from 'node:path';
import { oneOf, parseCli, runCli, UsageError } from '../src/lib/cli.ts';
import { DEFAULT_PROXY_URL } from '../src/lib/cms-env.ts';
import { bi, enDa } from '../src/schemas/meta.ts';
import { startCmsServer, type CmsServer } from '../src/tools/cms-server.ts';
import { serveSite, type SiteServer } from '../src/tools/static-server.ts';

const SITE_PORT = 4321;

const HELP = `Usage: npm start [-- --no-build] [-- --cms-only]

Builds the site, then serves it on http://127.0.0.1:${SITE_PORT} (with the headers the site gets
when deployed) together with the CMS's local backend, so http://127.0.0.1:${SITE_PORT}/admin/ edits
the files in this folder: entries in content/, uploads in public/media/, and nothing else. Only
the admin page may call the backend. Ctrl-C stops both.

Environment:
  MODE=git        commit every save to the current branch (default: fs, files only).
                  Decap commits with "git add .", so start from a clean working tree.
  CMS_PROXY_URL   where the CMS backend listens (default ${DEFAULT_PROXY_URL}); loopback only.
  CONTENT_DIR     the content folder the CMS edits (default content/); inside this folder.

Options:
  --no-build      serve the last build instead of building first.
  --cms-only      run only the CMS backend, for the admin page of npm run dev
                  (http://127.0.0.1:${SITE_PORT}/admin/).

Exit codes: 0 stopped with Ctrl-C, 1 the build or a server failed, 2 usage error.`;

const ROOT = path.resolve(import.meta.dirname, '..');
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** Runs a command to completion with the terminal attached (the build). */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const inside = (dir: string, p: string) => {
  const r = path.relative(dir, p);
  return r !== '' && !r.startsWith('..') && !path.isAbsolute(r);
};

async function main(argv: string[]): Promise<number> {
  const args = parseCli(argv, HELP, { 'no-build': { type: 'boolean' }, 'cms-only': { type: 'boolean' } });
  if (!args) return 0;
  const mode = oneOf('MODE', process.env.MODE || 'fs', ['fs', 'git']);
  let proxy: URL;
  try {
    proxy = new URL(process.env.CMS_PROXY_URL || DEFAULT_PROXY_URL);
  } catch {
    throw new UsageError(
      bi('CMS_PROXY_URL er ikke en webadresse', `CMS_PROXY_URL is not a URL: "${process.env.CMS_PROXY_URL}"`),
    );
  }
  // The backend writes into this folder: never reachable from off this machine.
  if (proxy.hostname !== '127.0.0.1' && proxy.hostname !== 'localhost') {
    throw new UsageError(
      bi(
        'CMS_PROXY_URL skal pege på denne maskine (127.0.0.1)',
        `CMS_PROXY_URL must point at this machine (127.0.0.1), not ${proxy.hostname}`,
      ),
    );
  }
  if (proxy.protocol !== 'http:' || proxy.pathname !== '/api/v1' || !proxy.port) {
    throw new UsageError(
      bi(
        'CMS_PROXY_URL skal være http://127.0.0.1:<port>/api/v1',
        `CMS_PROXY_URL must be http://127.0.0.1:<port>/api/v1, not "${proxy.href}"`,
      ),
    );
  }
  // The CMS names files relative to this folder, so the content it edits must be in it.
  const contentDir = path.resolve(ROOT, process.env.CONTENT_DIR || 'content');
  if (!inside(ROOT, contentDir)) {
    throw new UsageError(
      bi(
        `CONTENT_DIR (${contentDir}) skal ligge i ${ROOT}, for at CMS'et kan redigere den`,
        `CONTENT_DIR (${contentDir}) must be inside ${ROOT} for the CMS to edit it`,
      ),
    );
  }
  // Decap's media_folder: public/media, whatever the content folder.
  const mediaDir = path.join(ROOT, 'public/media');
  const cmsOnly = Boolean(args.values['cms-only']);

  if (!cmsOnly && !args.values['no-build']) {
    // The admin page names entries by the content folder's place in this folder.
    const env = {
      ...process.env,
      CMS_CONTENT_PATH: process.env.CMS_CONTENT_PATH || path.relative(ROOT, contentDir).split(path.sep).join('/'),
    };
    const code = await run([ASTRO, 'build'], env);
    if (code !== 0) {
      console.error('[start] the build failed; nothing started');
      return 1;
    }
  }

  let site: SiteServer | undefined;
  let cms: CmsServer | undefined;
  const stopAll = async () => {
    await Promise.all([site?.close(), cms?.close()]);
  };
  try {
    cms = await startCmsServer({
      repoRoot: ROOT,
      contentDir,
      mediaDir,
      mode,
      port: Number(proxy.port),
      sitePort: SITE_PORT,
      log: (line) => console.error(`[cms] ${line}`),
    });
    if (!cmsOnly)
      site = await serveSite({
        dir: path.resolve(ROOT, process.env.OUT_DIR || 'dist'),
        host: '127.0.0.1',
        port: SITE_PORT,
      });
  } catch (err) {
    const { code, message } = err as NodeJS.ErrnoException;
    const inUse = bi(
      'porten er i brug: kører npm start allerede?',
      `port ${(err as { port?: number }).port ?? ''} is in use: is npm start already running?`,
    );
    const port = code === 'EADDRINUSE' ? ` (${enDa(inUse)})` : '';
    console.error(`[start] ${cms ? 'the site' : 'the CMS backend'} could not start: ${message}${port}`);
    await stopAll();
    return 1;
  }
  const saves = `saves to ${path.relative(ROOT, contentDir)}/ and public/media/${mode === 'git' ? ', one commit per save' : ''}`;
  console.log(
    cmsOnly
      ? `[start] CMS backend: ${cms.url} for http://127.0.0.1:${SITE_PORT}/admin/ (${saves}) · Ctrl-C stops`
      : `[start] site: http://127.0.0.1:${SITE_PORT}/ · CMS: http://127.0.0.1:${SITE_PORT}/admin/ (${saves}) · Ctrl-C stops`,
  );

  return new Promise((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void stopAll().then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

await runCli(HELP, main);
