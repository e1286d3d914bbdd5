import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers/admin-site.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const START = path.join(ROOT, 'scripts/start.ts');

function start(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, [START, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: '', CMS_PROXY_URL: '', MODE: '', PORT: '', CMS_PORT: '', ...env },
    timeout: 30_000,
  });
}

/** npm start left running, its output gathered; `exited` resolves with its exit code. */
function running(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [START, ...args], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: '', MODE: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
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
    const { child, output, exited } = running(['--cms-only'], { CMS_PROXY_URL: url });
    try {
      await expect.poll(output, { timeout: 20_000 }).toContain('[start] CMS backend');
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
    expect(output()).toContain('[cms] refused POST /api/v1 from http://127.0.0.1:4322');
  });

  it('refuses a port that is not a whole number from 1 to 65535, or the same port twice (exit 2)', () => {
    for (const [env, args, text] of [
      [{}, ['--port', 'abc'], '--port must be a whole number from 1 to 65535, not "abc"'],
      [{ PORT: '70000' }, [], '--port must be a whole number from 1 to 65535, not "70000"'],
      [{ CMS_PORT: '0' }, [], '--cms-port must be a whole number from 1 to 65535, not "0"'],
      [{}, ['--port', '4400', '--cms-port', '4400'], 'cannot both use port 4400: choose another with --cms-port'],
    ] as const) {
      const r = start(env, '--no-build', ...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(text);
    }
  }, 30_000);

  it('says which port is taken and which option chooses another, in both languages, before building (exit 2)', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const started = Date.now();
      const site = start({ PORT: String(port) });
      expect(site.status).toBe(2);
      expect(site.stderr).toContain(
        `port ${port} (the site) is in use: is npm start already running? Choose another with --port ${port + 1} (or PORT=${port + 1})`,
      );
      expect(site.stderr).toContain(`port ${port} (sitet) er i brug`);
      // Said at once, not after a build.
      expect(Date.now() - started).toBeLessThan(10_000);
      const cms = start({}, '--cms-only', '--cms-port', String(port));
      expect(cms.status).toBe(2);
      expect(cms.stderr).toContain(
        `port ${port} (the CMS backend) is in use: is npm start already running? Choose another with --cms-port ${port + 1} (or CMS_PORT=${port + 1})`,
      );
    } finally {
      busy.close();
    }
  });

  it('with --port, lets only the admin page on that port call the backend on --cms-port', async () => {
    const [sitePort, cmsPort] = [await freePort(), await freePort()];
    const { child, output, exited } = running(['--cms-only', '--cms-port', String(cmsPort)], {
      CMS_PROXY_URL: '',
      CMS_PORT: '',
      PORT: String(sitePort),
    });
    try {
      await expect.poll(output, { timeout: 20_000 }).toContain('[start] CMS backend');
      expect(output()).toContain(`http://127.0.0.1:${cmsPort}/api/v1 for http://127.0.0.1:${sitePort}/admin/`);
      const post = (origin: string) =>
        fetch(`http://127.0.0.1:${cmsPort}/api/v1`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: '{"action":"info","params":{}}',
        }).then((r) => r.status);
      expect(await post(`http://127.0.0.1:${sitePort}`)).toBe(200);
      expect(await post('http://127.0.0.1:4321')).toBe(403);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
