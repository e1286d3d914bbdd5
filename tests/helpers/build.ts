import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export const ROOT = path.resolve(import.meta.dirname, '../..');

const inside = (dir: string, parent: string) => {
  const rel = path.relative(parent, dir);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/**
 * Runs the real `astro build` (site + Pagefind index) and resolves with its output.
 * Astro keeps a build's intermediate files in `<outDir>/.prerender/` when the output folder is
 * inside the project, and in one shared `.astro/` folder of the project when it is not, where
 * two test builds running at once would take each other's files. So a build meant for a folder
 * elsewhere is made inside `.tmp/` and then moved there.
 */
export async function astroBuild(env: Record<string, string>): Promise<{ code: number; output: string }> {
  const target = env.OUT_DIR ? path.resolve(ROOT, env.OUT_DIR) : undefined;
  if (!target || inside(target, ROOT)) return run(env);
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  const local = fs.mkdtempSync(path.join(ROOT, '.tmp', 'build-'));
  try {
    const result = await run({ ...env, OUT_DIR: local });
    fs.rmSync(target, { recursive: true, force: true });
    if (fs.existsSync(local)) fs.cpSync(local, target, { recursive: true });
    return result;
  } finally {
    fs.rmSync(local, { recursive: true, force: true });
  }
}

function run(env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      // Each build gets its own content cache, so builds of different content never share one.
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        ASTRO_CACHE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'astro-cache-')),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    // Astro colours its log when it sees a CI variable (picocolors does), even into a pipe: tests read plain text.
    child.on('close', (code) => resolve({ code: code ?? 1, output: stripVTControlCharacters(output) }));
  });
}
