#!/usr/bin/env node
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { oneOf, parseCli, runCli, UsageError, wholeNumber } from '../src/lib/cli.ts';
import { DEFAULT_PROXY_URL } from '../src/lib/cms-env.ts';
import { collectionDir } from '../src/lib/content/paths.ts';
import { bi, enDa } from '../src/schemas/meta.ts';
import { startCmsServer, type CmsServer } from '../src/tools/cms-server.ts';
import { buildProblems, runBuild, startLiveSite, type LiveSite } from '../src/tools/live-site.ts';
import { serveSite, type SiteServer } from '../src/tools/static-server.ts';

const DEFAULT_SITE_PORT = 4321;
const DEFAULT_CMS_PORT = Number(new URL(DEFAULT_PROXY_URL).port);

const HELP = `Usage: npm start [-- --port N] [-- --cms-port N] [-- --workflow] [-- --no-build] [-- --no-watch] [-- --cms-only]

Builds the site, then serves it on http://127.0.0.1:${DEFAULT_SITE_PORT} (with the headers the site gets
when deployed) together with the CMS's local backend, so http://127.0.0.1:${DEFAULT_SITE_PORT}/admin/ edits
the files in this folder: entries in content/, uploads in public/media/, and nothing else. Only
the admin page may call the backend. Every change to content/ (and the wiki's folder) or
public/media/ - a save in the CMS, or a file you edit - builds the site again within seconds;
until that build is done, and if it fails, the previous build is served. Ctrl-C stops it all.

Options:
  --port N        the site's port (default ${DEFAULT_SITE_PORT}; or PORT=N).
  --cms-port N    the CMS backend's port (default ${DEFAULT_CMS_PORT}; or CMS_PORT=N). The admin page is
                  built knowing it, so with --no-build use the port of the last build.
  --workflow      the editorial workflow, as on the public site: a save is a draft ("Kladde") on
                  its own branch, it moves through "Til gennemsyn" and "Klar", and publishing
                  merges it into the branch cms-workflow. All of it happens in a working copy of
                  this repository (git worktree, .tmp/cms-workflow/), never in your own working
                  tree; the site shows what is published there. Bring it into yours with
                  "git merge cms-workflow".
  --no-build      serve the last build instead of building first.
  --no-watch      build once and serve that build (no live publishing).
  --cms-only      run only the CMS backend, for the admin page of npm run dev
                  (http://127.0.0.1:<port>/admin/).

Environment:
  MODE=git        commit every save to the current branch (default: fs, files only).
                  Decap commits with "git add .", so start from a clean working tree.
  PORT, CMS_PORT  as --port and --cms-port.
  CMS_PROXY_URL   the CMS backend's address (default ${DEFAULT_PROXY_URL}); loopback only;
                  CMS_PORT and --cms-port take precedence over its port.
  CONTENT_DIR     the content folder the CMS edits (default content/); inside this folder.

Exit codes: 0 stopped with Ctrl-C, 1 the build or a server failed, 2 usage error.`;

const ROOT = path.resolve(import.meta.dirname, '..');
/** The branch --workflow publishes into (not under cms/, where decap-server keeps the drafts). */
const WORKFLOW_BRANCH = 'cms-workflow';
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

const inside = (dir: string, p: string) => {
  const r = path.relative(dir, p);
  return r !== '' && !r.startsWith('..') && !path.isAbsolute(r);
};

/** The option that sets a port, named the way the person running npm start can use it. */
const PORT_OPTIONS = { site: ['--port', 'PORT'], cms: ['--cms-port', 'CMS_PORT'] } as const;

function portTaken(which: 'site' | 'cms', port: number): UsageError {
  const [option, variable] = PORT_OPTIONS[which];
  const other = port + 1;
  return new UsageError(
    bi(
      `port ${port} (${which === 'site' ? 'sitet' : 'CMS-serveren'}) er i brug: kører npm start allerede? Vælg en anden med ${option} ${other} (eller ${variable}=${other})`,
      `port ${port} (${which === 'site' ? 'the site' : 'the CMS backend'}) is in use: is npm start already running? Choose another with ${option} ${other} (or ${variable}=${other})`,
    ),
  );
}

/** Whether a port on 127.0.0.1 is free (checked before a build of half a minute, not after). */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** The CMS backend's address: CMS_PROXY_URL checked, its port replaced by --cms-port / CMS_PORT. */
function proxyAddress(cmsPort: string | undefined): URL {
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
  if (cmsPort !== undefined) proxy.port = String(wholeNumber(PORT_OPTIONS.cms[0], cmsPort, 1, 65535));
  return proxy;
}

/**
 * The working copies of --workflow, made on first use: one for decap-server's git mode, which
 * checks out a draft's branch and commits with "git add ." (nothing else ever writes there, so
 * nothing unrelated is committed), and one detached at the published branch for the build (so a
 * build never reads a draft that is checked out for a moment).
 */
function workflowCopies(): { cms: string; site: string } {
  const git = (args: string[], cwd = ROOT) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  let top = '';
  try {
    top = git(['rev-parse', '--show-toplevel']);
  } catch {
    // Not a repository, or no git.
  }
  if (!top || fs.realpathSync(top) !== fs.realpathSync(ROOT)) {
    throw new UsageError(
      bi(
        `--workflow kræver, at ${ROOT} er et git-repository med mindst én commit`,
        `--workflow needs ${ROOT} to be a git repository with at least one commit`,
      ),
    );
  }
  const cms = path.join(ROOT, '.tmp', 'cms-workflow');
  const site = path.join(ROOT, '.tmp', 'cms-workflow-site');
  const hasBranch =
    spawnSync('git', ['rev-parse', '--verify', '--quiet', `refs/heads/${WORKFLOW_BRANCH}`], { cwd: ROOT }).status === 0;
  git(['worktree', 'prune']);
  if (!fs.existsSync(path.join(cms, '.git'))) {
    git(
      hasBranch ? ['worktree', 'add', cms, WORKFLOW_BRANCH] : ['worktree', 'add', '-b', WORKFLOW_BRANCH, cms, 'HEAD'],
    );
  } else if (git(['branch', '--show-current'], cms) !== WORKFLOW_BRANCH) {
    // Left on a draft's branch when npm start stopped during a request.
    git(['checkout', '--force', WORKFLOW_BRANCH], cms);
  }
  if (!fs.existsSync(path.join(site, '.git'))) git(['worktree', 'add', '--detach', site, WORKFLOW_BRANCH]);
  return { cms, site };
}

/** The published state of --workflow, for the next build. */
function refreshPublished(site: string) {
  execFileSync('git', ['reset', '--hard', '--quiet', WORKFLOW_BRANCH], { cwd: site, stdio: 'ignore' });
}

async function main(argv: string[]): Promise<number> {
  const args = parseCli(argv, HELP, {
    port: { type: 'string' },
    'cms-port': { type: 'string' },
    'no-build': { type: 'boolean' },
    'no-watch': { type: 'boolean' },
    'cms-only': { type: 'boolean' },
    workflow: { type: 'boolean' },
  });
  if (!args) return 0;
  const mode = oneOf('MODE', process.env.MODE || 'fs', ['fs', 'git']);
  const sitePortGiven = args.values.port ?? (process.env.PORT || undefined);
  const sitePort =
    sitePortGiven === undefined ? DEFAULT_SITE_PORT : wholeNumber(PORT_OPTIONS.site[0], sitePortGiven, 1, 65535);
  const proxy = proxyAddress(args.values['cms-port'] ?? (process.env.CMS_PORT || undefined));
  const cmsPort = Number(proxy.port);
  if (cmsPort === sitePort) {
    throw new UsageError(
      bi(
        `sitet og CMS-serveren kan ikke begge bruge port ${sitePort}: vælg en anden med --cms-port`,
        `the site and the CMS backend cannot both use port ${sitePort}: choose another with --cms-port`,
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
  const outDir = path.resolve(ROOT, process.env.OUT_DIR || 'dist');
  const copies = args.values.workflow ? workflowCopies() : undefined;
  // With --workflow the CMS edits one working copy and the site is built from another.
  const contentRel = path.relative(ROOT, contentDir);
  const cmsRoot = copies?.cms ?? ROOT;
  const siteContent = copies ? path.join(copies.site, contentRel) : contentDir;
  const siteMedia = copies ? path.join(copies.site, 'public/media') : mediaDir;

  const ports: ['site' | 'cms', number][] = cmsOnly
    ? [['cms', cmsPort]]
    : [
        ['cms', cmsPort],
        ['site', sitePort],
      ];
  for (const [which, port] of ports) if (!(await isFree(port))) throw portTaken(which, port);

  // The admin page names entries by the content folder's place in this folder, and knows the backend's address.
  const buildEnv = {
    ...process.env,
    CMS_CONTENT_PATH: process.env.CMS_CONTENT_PATH || path.relative(ROOT, contentDir).split(path.sep).join('/'),
    CMS_PROXY_URL: proxy.href.replace(/\/$/, ''),
    ...(copies
      ? { CONTENT_DIR: siteContent, MEDIA_DIR: siteMedia, CMS_BRANCH: WORKFLOW_BRANCH, CMS_LOCAL_WORKFLOW: '1' }
      : {}),
  };
  const build = async () => {
    if (copies) refreshPublished(copies.site);
    const { code, output } = await runBuild([ASTRO, 'build'], {
      cwd: ROOT,
      env: buildEnv,
      echo: (chunk) => process.stdout.write(chunk),
    });
    return { ok: code === 0, problems: code === 0 ? [] : buildProblems(output) };
  };
  if (!cmsOnly && !args.values['no-build']) {
    const first = await build();
    if (!first.ok) {
      console.error(
        enDa(
          bi(
            'bygningen fejlede; intet er startet. Ret problemerne ovenfor (npm run check viser dem) og kør npm start igen',
            'the build failed; nothing started. Fix the problems above (npm run check lists them) and run npm start again',
          ),
        ),
      );
      return 1;
    }
  }

  let site: SiteServer | undefined;
  let cms: CmsServer | undefined;
  let live: LiveSite | undefined;
  const stopAll = async () => {
    await live?.close();
    await Promise.all([site?.close(), cms?.close()]);
  };
  const watching = !cmsOnly && !args.values['no-watch'];
  try {
    if (!cmsOnly)
      // Pictures come from where the CMS puts them, so a new upload shows before the next build.
      site = await serveSite({ dir: outDir, host: '127.0.0.1', port: sitePort, mounts: { '/media/': siteMedia } });
    if (watching && site) {
      live = await startLiveSite({
        server: site,
        buildDir: outDir,
        mirrorDir: path.join(ROOT, '.tmp', `npm-start-${path.basename(outDir)}`),
        // With --workflow only publishing changes the site, and the CMS reports it.
        watch: copies ? [] : [contentDir, collectionDir(contentDir, 'wiki'), mediaDir],
        build,
        log: (line) => console.error(`[live] ${line}`),
      });
    }
    cms = await startCmsServer({
      repoRoot: cmsRoot,
      contentDir: path.join(cmsRoot, contentRel),
      mediaDir: path.join(cmsRoot, 'public/media'),
      mode: copies ? 'git' : mode,
      workflow: Boolean(copies),
      port: cmsPort,
      sitePort,
      log: (line) => console.error(`[cms] ${line}`),
      live,
    });
  } catch (err) {
    const { code, message } = err as NodeJS.ErrnoException;
    await stopAll();
    // Another program took the port between the check and now.
    if (code === 'EADDRINUSE') throw portTaken(site ? 'cms' : 'site', site ? cmsPort : sitePort);
    console.error(`[start] ${site ? 'the CMS backend' : 'the site'} could not start: ${message}`);
    return 1;
  }
  if (!cmsOnly && args.values['no-build'] && !adminKnows(outDir, cms.url)) {
    console.error(
      `[start] ${enDa(
        bi(
          `det sidste byg af admin-siden kender ikke CMS-serveren på ${cms.url}: kør npm start uden --no-build`,
          `the last build's admin page does not know the CMS backend at ${cms.url}: run npm start without --no-build`,
        ),
      )}`,
    );
  }
  const saves = copies
    ? `editorial workflow in ${path.relative(ROOT, copies.cms)}/: drafts on cms/… branches, published into ${WORKFLOW_BRANCH}`
    : `saves to ${path.relative(ROOT, contentDir)}/ and public/media/${mode === 'git' ? ', one commit per save' : ''}`;
  const siteUrl = `http://127.0.0.1:${sitePort}`;
  console.log(
    cmsOnly
      ? `[start] CMS backend: ${cms.url} for ${siteUrl}/admin/ (${saves}) · Ctrl-C stops`
      : `[start] site: ${siteUrl}/ · CMS: ${siteUrl}/admin/ (${saves}${watching ? '; the site is rebuilt after every change' : ''}) · Ctrl-C stops`,
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

/** Whether the built admin page talks to this backend (it was built with its address). */
function adminKnows(outDir: string, apiUrl: string): boolean {
  try {
    return fs.readFileSync(path.join(outDir, 'admin/index.html'), 'utf8').includes(apiUrl);
  } catch {
    return true;
  }
}

await runCli(HELP, main);
