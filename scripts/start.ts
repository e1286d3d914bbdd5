#!/usr/bin/env node
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { oneOf, parseCli, runCli, UsageError } from '../src/lib/cli.ts';
import { DEFAULT_PROXY_URL } from '../src/cms/setup.ts';

const HELP = `Usage: npm start [-- --no-build]

Builds the site, then serves it on http://127.0.0.1:4321 together with the CMS's local
backend (decap-server), so http://127.0.0.1:4321/admin/ edits the files in this folder:
entries in content/, uploads in public/media/. Ctrl-C stops both.

Environment:
  MODE=git        commit every save to the current branch (default: fs, files only).
                  decap-server commits with "git add .", so start from a clean working tree.
  CMS_PROXY_URL   where decap-server listens (default ${DEFAULT_PROXY_URL}); loopback only.

Options:
  --no-build      serve the last build instead of building first.

Exit codes: 0 stopped with Ctrl-C, 1 the build or a server failed, 2 usage error.`;

const ROOT = path.resolve(import.meta.dirname, '..');
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const DECAP_SERVER = path.join(ROOT, 'node_modules/decap-server/dist/index.js');

/** Runs a command to completion with the terminal attached (the build). */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Starts a long-running process whose every output line is prefixed with its name. */
function serve(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    readline.createInterface({ input: stream! }).on('line', (line) => out.write(`[${name}] ${line}\n`));
  }
  return child;
}

async function main(argv: string[]): Promise<number> {
  const args = parseCli(argv, HELP, { 'no-build': { type: 'boolean' } });
  if (!args) return 0;
  const mode = oneOf('MODE', process.env.MODE || 'fs', ['fs', 'git']);
  let proxy: URL;
  try {
    proxy = new URL(process.env.CMS_PROXY_URL || DEFAULT_PROXY_URL);
  } catch {
    throw new UsageError(`CMS_PROXY_URL is not a URL: "${process.env.CMS_PROXY_URL}" — CMS_PROXY_URL er ikke en webadresse`);
  }
  // decap-server writes into this folder without asking who is calling: never off this machine.
  if (proxy.hostname !== '127.0.0.1' && proxy.hostname !== 'localhost') {
    throw new UsageError(`CMS_PROXY_URL must point at this machine (127.0.0.1), not ${proxy.hostname} — CMS_PROXY_URL skal pege på denne maskine (127.0.0.1)`);
  }

  if (!args.values['no-build']) {
    const code = await run([ASTRO, 'build'], process.env);
    if (code !== 0) {
      console.error('[start] the build failed; nothing started');
      return 1;
    }
  }

  const { PORT: _port, ...env } = process.env;
  const children = new Map<string, ChildProcess>([
    ['site', serve('site', [ASTRO, 'preview', '--host', '127.0.0.1'], env)],
    [
      'cms',
      serve('cms', [DECAP_SERVER], {
        ...env,
        PORT: proxy.port || '80',
        BIND_HOST: '127.0.0.1',
        MODE: mode,
        GIT_REPO_DIRECTORY: ROOT,
      }),
    ],
  ]);
  console.log(
    `[start] site: http://127.0.0.1:4321/ · CMS: http://127.0.0.1:4321/admin/ (saves to content/ and public/media/${mode === 'git' ? ', one commit per save' : ''}) · Ctrl-C stops`,
  );

  return new Promise((resolve) => {
    let stopping = false;
    const stop = (code: number) => {
      if (stopping) return;
      stopping = true;
      let running = [...children.values()].filter((c) => c.exitCode === null && c.signalCode === null);
      if (!running.length) resolve(code);
      for (const child of running) {
        child.once('exit', () => {
          running = running.filter((c) => c !== child);
          if (!running.length) resolve(code);
        });
        child.kill('SIGTERM');
      }
    };
    for (const [name, child] of children) {
      child.on('exit', (code, signal) => {
        if (stopping) return;
        console.error(`[start] ${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest`);
        stop(1);
      });
      child.on('error', (err) => {
        console.error(`[start] ${name} could not start: ${err.message}`);
        stop(1);
      });
    }
    process.on('SIGINT', () => stop(0));
    process.on('SIGTERM', () => stop(0));
  });
}

await runCli(HELP, main);
