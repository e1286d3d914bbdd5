import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers/admin-site.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const START = path.join(ROOT, 'scripts/start.ts');

function start(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, [START, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: '', CMS_PROXY_URL: '', MODE: '', ...env },
    timeout: 30_000,
  });
}

describe('npm start', () => {
  it('refuses a CMS backend address off this machine or not of the form the admin page uses (exit 2)', () => {
    for (const url of [
      'http://192.168.1.5:8081/api/v1',
      'http://127.0.0.1:8081/other',
      'https://127.0.0.1:8081/api/v1',
      'not a url',
    ]) {
      const r = start({ CMS_PROXY_URL: url }, '--no-build');
      expect(r.status, url).toBe(2);
      expect(r.stderr).toMatch(/CMS_PROXY_URL .* — CMS_PROXY_URL /);
    }
  });

  it('refuses a content folder outside the repository, which the CMS could not name (exit 2)', () => {
    const r = start({ CONTENT_DIR: '/tmp' }, '--no-build');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('CONTENT_DIR (/tmp) must be inside');
  });

  it('with --cms-only, runs the confined backend for the admin page on 127.0.0.1:4321, and stops with exit 0', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/api/v1`;
    const child = spawn(process.execPath, [START, '--cms-only'], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: '', MODE: '', CMS_PROXY_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => out, { timeout: 20_000 }).toContain('[start] CMS backend');
      const post = (origin: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: '{"action":"info","params":{}}',
        }).then((r) => r.status);
      expect(await post('http://127.0.0.1:4321')).toBe(200);
      expect(await post('http://127.0.0.1:4322')).toBe(403);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(out).toContain('[cms] refused POST /api/v1 from http://127.0.0.1:4322');
  });
});
