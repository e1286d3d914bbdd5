import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './build.ts';
import { freePort } from './admin-site.ts';

/** What `npm start` needs of this repository, copied to `to`; node_modules linked. */
export function copyRepository(to: string) {
  for (const part of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'scripts', 'public', 'content'])
    fs.cpSync(path.join(ROOT, part), path.join(to, part), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(to, 'node_modules'));
}

export interface NpmStart {
  site: string;
  /** Everything it printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Runs the copy's `npm start` on free ports, with its own Astro cache, and waits for its first build. */
export async function npmStart(repo: string, cache: string, ...args: string[]): Promise<NpmStart> {
  const [sitePort, cmsPort] = [await freePort(), await freePort()];
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(repo, 'scripts/start.ts'), '--port', String(sitePort), '--cms-port', String(cmsPort), ...args],
    {
      cwd: repo,
      env: {
        ...process.env,
        ...{ CONTENT_DIR: '', OUT_DIR: '', MODE: '', CMS_PROXY_URL: '', PORT: '', CMS_PORT: '' },
        ASTRO_TELEMETRY_DISABLED: '1',
        ASTRO_CACHE_DIR: cache,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const until = Date.now() + 280_000;
  while (!/\[start\] site:|nothing started/.test(output) && child.exitCode === null && Date.now() < until)
    await new Promise((r) => setTimeout(r, 500));
  if (!output.includes('[start] site:')) {
    await stop();
    throw new Error(`npm start did not start:\n${output.slice(-3000)}`);
  }
  return { site: `http://127.0.0.1:${sitePort}`, output: () => output, stop };
}
