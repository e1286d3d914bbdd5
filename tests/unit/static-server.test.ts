import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type SiteServer } from '../../src/tools/static-server.ts';

/** A small built site on disk, served for real on loopback. */
let work: string;
let dir: string;
let site: SiteServer;

/** A request sent byte for byte (fetch would resolve "..", and so would any URL class). */
function rawGet(url: string, target: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () =>
      socket.end(`GET ${target} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`),
    );
    let data = '';
    socket.on('data', (d) => (data += d));
    socket.on('end', () =>
      resolve({ status: Number(data.split(' ')[1]), body: data.slice(data.indexOf('\r\n\r\n') + 4) }),
    );
    socket.on('error', reject);
  });
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'static-server-'));
  dir = path.join(work, 'dist');
  fs.mkdirSync(path.join(dir, 'blog/post'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<h1>home</h1>');
  fs.writeFileSync(path.join(dir, '404.html'), '<h1>not here</h1>');
  fs.writeFileSync(path.join(dir, 'blog/index.html'), '<h1>blog</h1>');
  fs.writeFileSync(path.join(dir, 'blog/post/index.html'), '<h1>post</h1>');
  fs.writeFileSync(path.join(dir, '_redirects'), '/a /b 301\n');
  fs.writeFileSync(path.join(work, 'secret.txt'), 'outside the site');
  fs.symlinkSync(path.join(work, 'secret.txt'), path.join(dir, 'link.txt'));
  fs.writeFileSync(
    path.join(dir, '_headers'),
    [
      '/*',
      '  X-Everywhere: 1',
      '/blog/*',
      '  Content-Security-Policy: default-src a',
      '/blog/post/*',
      '  Content-Security-Policy: default-src b',
      '',
    ].join('\n'),
  );
  site = await serveSite({ dir });
});

afterAll(async () => {
  await site?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('serveSite', () => {
  it('listens on loopback, on a free port', () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves a folder’s index.html, with the headers of every rule that matches', async () => {
    const res = await fetch(`${site.url}/blog/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<h1>blog</h1>');
    expect(res.headers.get('x-everywhere')).toBe('1');
    expect(res.headers.get('content-security-policy')).toBe('default-src a');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
  });

  it('joins a header two matching rules set, so a test sees both policies', async () => {
    const res = await fetch(`${site.url}/blog/post/`);
    expect(res.headers.get('content-security-policy')).toBe('default-src a, default-src b');
  });

  it('redirects a folder without its slash, keeping the query', async () => {
    const res = await fetch(`${site.url}/blog/post?x=1`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/blog/post/?x=1');
  });

  it('answers a missing path with 404.html and status 404', async () => {
    const res = await fetch(`${site.url}/nope/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('<h1>not here</h1>');
    expect(res.headers.get('x-everywhere')).toBe('1');
  });

  it('never serves _headers or _redirects', async () => {
    for (const p of ['/_headers', '/_redirects', '/_HEADERS'])
      expect((await fetch(`${site.url}${p}`)).status, p).toBe(404);
  });

  it('never serves anything outside its folder, however the path is spelled', async () => {
    for (const target of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/blog/..%2F..%2Fsecret.txt',
      '/link.txt',
      '/%00',
    ]) {
      const res = await rawGet(site.url, target);
      expect(res.body, target).not.toContain('outside the site');
      expect([400, 404], target).toContain(res.status);
    }
  });

  it('refuses methods a static site has no use for', async () => {
    expect((await fetch(`${site.url}/`, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('says in both languages when its port is taken, and when there is no site', async () => {
    const port = Number(new URL(site.url).port);
    await expect(serveSite({ dir, port })).rejects.toThrow(
      /Port \d+ on 127\.0\.0\.1 is in use.* — port \d+ på 127\.0\.0\.1 er optaget/,
    );
    await expect(serveSite({ dir: path.join(work, 'missing') })).rejects.toThrow(
      /run npm run build first — .*kør npm run build først/,
    );
  });

  it('switches to a newer build: new requests get its files and headers, the old folder is left alone', async () => {
    const next = path.join(work, 'next');
    fs.mkdirSync(next);
    fs.writeFileSync(path.join(next, 'index.html'), '<h1>home, rebuilt</h1>');
    fs.writeFileSync(path.join(next, '_headers'), '/*\n  X-Build: 2\n');
    const other = await serveSite({ dir });
    try {
      await other.switchTo(next);
      const res = await fetch(`${other.url}/`);
      expect(await res.text()).toBe('<h1>home, rebuilt</h1>');
      expect(res.headers.get('x-build')).toBe('2');
      expect(res.headers.get('x-everywhere')).toBeNull();
      expect(other.dir).toBe(fs.realpathSync(next));
      expect(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe('<h1>home</h1>');
    } finally {
      await other.close();
    }
  });

  it('waits for a response still reading the old folder before a switch is done', async () => {
    const big = path.join(dir, 'big.bin');
    fs.writeFileSync(big, Buffer.alloc(8 * 1024 * 1024, 1));
    const other = await serveSite({ dir });
    try {
      // A slow reader: the response is open while the switch is asked for.
      const { status } = await new Promise<{ status: number }>((resolve) => {
        const { port } = new URL(other.url);
        const socket = net.connect(Number(port), '127.0.0.1', () =>
          socket.write('GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'),
        );
        socket.once('data', () => {
          socket.pause();
          let switched = false;
          const switching = other.switchTo(path.join(work, 'next')).then(() => (switched = true));
          setTimeout(() => {
            const waited = !switched;
            socket.resume();
            socket.on('data', () => {});
            void switching.then(() => resolve({ status: waited ? 200 : 0 }));
          }, 300);
        });
      });
      expect(status).toBe(200);
    } finally {
      fs.rmSync(big);
      await other.close();
    }
  });

  it('serves a mounted folder before the site (a new upload at once), never through a link', async () => {
    const media = path.join(work, 'uploads');
    fs.mkdirSync(path.join(media, 'members'), { recursive: true });
    fs.writeFileSync(path.join(media, 'members/new.png'), 'new picture');
    fs.symlinkSync(path.join(work, 'secret.txt'), path.join(media, 'members/link.png'));
    fs.mkdirSync(path.join(dir, 'media'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'media/built.png'), 'built picture');
    fs.writeFileSync(
      path.join(dir, '_headers'),
      fs.readFileSync(path.join(dir, '_headers'), 'utf8') + '/media/*\n  X-Media: 1\n',
    );
    const other = await serveSite({ dir, mounts: { '/media/': media } });
    try {
      const res = await fetch(`${other.url}/media/members/new.png`);
      expect([res.status, await res.text(), res.headers.get('x-media')]).toEqual([200, 'new picture', '1']);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(await (await fetch(`${other.url}/media/built.png`)).text()).toBe('built picture');
      const link = await fetch(`${other.url}/media/members/link.png`);
      expect(link.status).toBe(404);
      expect(await link.text()).not.toContain('outside the site');
      for (const target of ['/media/..%2F..%2Fsecret.txt', '/media/%2e%2e/secret.txt']) {
        const r = await rawGet(other.url, target);
        expect(r.body, target).not.toContain('outside the site');
      }
    } finally {
      await other.close();
    }
  });
});
