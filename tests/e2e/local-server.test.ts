import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCmsServer, type CmsServer } from '../../src/tools/cms-server.ts';
import { launchChromium } from '../helpers/browser.ts';

/**
 * The confined CMS server, attacked as the findings did: on a temporary copy of a small
 * repository, with a real admin-page origin and a real page on another port in Chromium.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/media');
const PNG = fs.readFileSync(path.join(FIXTURES, 'tiny.png'));

let work: string;
let repo: string;
let cms: CmsServer;
let site: { port: number; close(): Promise<void> };
let elsewhere: { port: number; close(): Promise<void> };
let before: Map<string, string>;
let browser: Browser;
const refusals: string[] = [];

/** A page server for one origin: every path answers with the same small HTML page. */
async function pageServer(): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>page</title>'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((r) => server.close(() => r())) };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** A raw HTTP request to the CMS server, with exactly the headers given (a browser would add Origin). */
function call(
  body: unknown,
  {
    headers = {},
    method = 'POST',
    origin = `http://127.0.0.1:${site.port}`,
    raw,
  }: { headers?: Record<string, string>; method?: string; origin?: string | null; raw?: string } = {},
): Promise<Answer> {
  const data = raw ?? JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: cms.port,
        path: '/api/v1',
        method,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          ...(origin ? { origin } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined }),
        );
      },
    );
    req.on('error', reject);
    req.end(method === 'GET' || method === 'OPTIONS' ? undefined : data);
  });
}

const errorOf = (a: Answer) => (a.body as { error?: string } | undefined)?.error ?? '';

/** Every file outside content/ and public/media/, with a hash of its bytes (links by their target). */
function snapshotOutside(): Map<string, string> {
  const seen = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const abs = path.join(dir, name);
      const rel = path.relative(work, abs);
      if (rel === path.join('repo', 'content') || rel === path.join('repo', 'public', 'media')) continue;
      const stat = fs.lstatSync(abs);
      if (stat.isSymbolicLink()) seen.set(rel, `link:${fs.readlinkSync(abs)}`);
      else if (stat.isDirectory()) walk(abs);
      else seen.set(rel, createHash('sha256').update(fs.readFileSync(abs)).digest('hex'));
    }
  };
  walk(work);
  return seen;
}

const params = (extra: Record<string, unknown>) => ({ branch: 'main', ...extra });
const commit = { commitMessage: 'test' };
const entryFile = (p: string, raw = '---\ntitle: x\n---\n') => ({ slug: 'x', path: p, raw });
const asset = (p: string, bytes: Buffer | string) => ({
  path: p,
  content: Buffer.from(bytes).toString('base64'),
  encoding: 'base64',
});

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-server-'));
  repo = path.join(work, 'repo');
  const write = (rel: string, text: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    fs.writeFileSync(path.join(repo, rel), text);
  };
  write('package.json', '{ "name": "site", "scripts": { "build": "astro build" } }\n');
  write('astro.config.mjs', 'export default {};\n');
  write('content/events/sommertur.md', '---\ntitle: Sommertur\n---\nProgram følger.\n');
  write('content/settings/site.yml', 'name: Mikronet\n');
  write('public/media/members/anne.svg', fs.readFileSync(path.join(FIXTURES, 'svg/inert-drawing.svg')));
  fs.writeFileSync(path.join(work, 'outside.md'), 'secret outside the repository\n');
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
  execFileSync('git', ['config', 'user.name', 'Test'], { cwd: repo });
  execFileSync('git', ['config', 'user.email', 'test@example.org'], { cwd: repo });
  execFileSync('git', ['add', '.'], { cwd: repo });
  execFileSync('git', ['commit', '-q', '-m', 'start'], { cwd: repo });
  write('.git/hooks/pre-commit', '#!/bin/sh\nexit 0\n');
  // Links a pull request or a careless copy could leave in the content and media folders.
  fs.symlinkSync('../../package.json', path.join(repo, 'content/events/lenke.md'));
  fs.symlinkSync(work, path.join(repo, 'content/ud'));
  fs.symlinkSync('../../../package.json', path.join(repo, 'public/media/members/hemmelig.png'));
  fs.symlinkSync(path.join(repo, '.git/hooks'), path.join(repo, 'public/media/hooks'));

  site = await pageServer();
  elsewhere = await pageServer();
  cms = await startCmsServer({
    repoRoot: repo,
    contentDir: path.join(repo, 'content'),
    mediaDir: path.join(repo, 'public/media'),
    mode: 'fs',
    port: 0,
    sitePort: site.port,
    log: (line) => refusals.push(line),
  });
  before = snapshotOutside();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await cms?.close();
  await site?.close();
  await elsewhere?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('who may call it', () => {
  it('listens on 127.0.0.1 and answers the admin page’s origin, with CORS for exactly that origin', async () => {
    expect(cms.url).toBe(`http://127.0.0.1:${cms.port}/api/v1`);
    for (const origin of [`http://127.0.0.1:${site.port}`, `http://localhost:${site.port}`]) {
      const answer = await call({ action: 'info', params: {} }, { origin });
      expect(answer.status).toBe(200);
      expect(answer.headers['access-control-allow-origin']).toBe(origin);
      expect(answer.body).toMatchObject({ type: 'local_fs', publish_modes: ['simple'] });
    }
    const preflight = await call(undefined, {
      method: 'OPTIONS',
      headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(`http://127.0.0.1:${site.port}`);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/content-type/i);
  });

  it('answers localhost as well as 127.0.0.1 by name, and nothing else (DNS rebinding)', async () => {
    expect((await call({ action: 'info', params: {} }, { headers: { host: `localhost:${cms.port}` } })).status).toBe(
      200,
    );
    for (const host of [
      `rebind.example:${cms.port}`,
      `127.0.0.1:${cms.port + 1}`,
      '127.0.0.1',
      `127.0.0.1.nip.io:${cms.port}`,
    ]) {
      const answer = await call({ action: 'info', params: {} }, { headers: { host } });
      expect(answer.status, host).toBe(403);
      expect(errorOf(answer)).toContain('Forkert værtsnavn');
    }
  });

  it('refuses any other origin, a sandboxed page (null) and a request without Origin', async () => {
    for (const origin of [
      `http://127.0.0.1:${elsewhere.port}`,
      `http://localhost:${elsewhere.port}`,
      'http://evil.example',
      'null',
      `https://127.0.0.1:${site.port}`,
      null,
    ]) {
      const answer = await call({ action: 'info', params: {} }, { origin });
      expect(answer.status, String(origin)).toBe(403);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      expect(errorOf(answer)).toMatch(/^Kun CMS’et på .* — Only the CMS at /);
    }
    const preflight = await call(undefined, { method: 'OPTIONS', origin: `http://127.0.0.1:${elsewhere.port}` });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('takes only POSTed JSON of bounded size, for the actions the CMS uses', async () => {
    expect((await call(undefined, { method: 'GET' })).status).toBe(405);
    expect((await call({ action: 'info', params: {} }, { headers: { 'content-type': 'text/plain' } })).status).toBe(
      415,
    );
    expect((await call(undefined, { raw: '{"action":' })).status).toBe(400);
    const big = await call(undefined, {
      raw: JSON.stringify({ action: 'info', params: {}, pad: 'x'.repeat(25 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    for (const action of [
      'unpublishedEntries',
      'publishUnpublishedEntry',
      'deleteUnpublishedEntry',
      'addNote',
      'eval',
    ]) {
      const answer = await call({ action, params: params({ collection: 'events', slug: 'x' }) });
      expect(answer.status, action).toBe(422);
      expect(errorOf(answer)).toContain(`CMS-serveren udfører ikke "${action}"`);
    }
  });
});

describe('what it may touch', () => {
  const outside = [
    'package.json',
    'astro.config.mjs',
    '.git/hooks/pre-commit',
    '.git/config',
    '../outside.md',
    'content/../package.json',
    'content/./events/sommertur.md',
    'content//events/sommertur.md',
    'content\\..\\package.json',
    'content/events/sommertur.md\0.png',
    '/etc/passwd',
    `${os.tmpdir()}/x.md`,
    'content/events/lenke.md',
    'content/ud/outside.md',
    'content/ud/repo/package.json',
    'content/.hidden.md',
  ];

  it.each(outside)('reads no entry at %s', async (p) => {
    const answer = await call({ action: 'getEntry', params: params({ path: p }) });
    expect(answer.status).toBe(403);
    expect(errorOf(answer)).toMatch(
      /^CMS’et må kun læse og skrive indlæg i content\/ og billeder i public\/media\/; .* — The CMS may only/,
    );
    const many = await call({
      action: 'entriesByFiles',
      params: params({ files: [{ path: 'content/events/sommertur.md' }, { path: p }] }),
    });
    expect(many.status).toBe(403);
  });

  it.each([...outside, 'content/events/skrive.js', 'content/events/x.html', 'public/media/x.md'])(
    'writes no entry to %s',
    async (p) => {
      const answer = await call({
        action: 'persistEntry',
        params: params({
          dataFiles: [entryFile(p)],
          assets: [],
          options: { ...commit, useWorkflow: false, status: 'draft' },
        }),
      });
      expect(answer.status).toBe(403);
      const legacy = await call({
        action: 'persistEntry',
        params: params({
          entry: entryFile(p),
          assets: [],
          options: { ...commit, useWorkflow: false, status: 'draft' },
        }),
      });
      expect(legacy.status).toBe(403);
    },
  );

  it.each([
    ...outside,
    'public/media/hooks/pre-commit.png',
    'public/media/members/hemmelig.png',
    'content/events/x.png',
    'public/media/x.js',
  ])('uploads no picture to %s, and deletes nothing there', async (p) => {
    const upload = await call({ action: 'persistMedia', params: params({ asset: asset(p, PNG), options: commit }) });
    expect(upload.status).toBe(403);
    const inEntry = await call({
      action: 'persistEntry',
      params: params({
        dataFiles: [entryFile('content/events/ny.md')],
        assets: [asset(p, PNG)],
        options: { ...commit, useWorkflow: false, status: 'draft' },
      }),
    });
    expect(inEntry.status).toBe(403);
    expect(fs.existsSync(path.join(repo, 'content/events/ny.md'))).toBe(false);
    expect((await call({ action: 'deleteFile', params: params({ path: p, options: commit }) })).status).toBe(403);
    expect((await call({ action: 'getMediaFile', params: params({ path: p }) })).status).toBe(403);
  });

  it('deletes nothing when one path of many is outside', async () => {
    const answer = await call({
      action: 'deleteFiles',
      params: params({ paths: ['content/events/sommertur.md', 'package.json'], options: commit }),
    });
    expect(answer.status).toBe(403);
    expect(fs.existsSync(path.join(repo, 'content/events/sommertur.md'))).toBe(true);
  });

  it('lists no folder outside content/ and public/media/, and no link inside them', async () => {
    for (const folder of ['.', '.git/hooks', 'public', 'content/ud', '..', 'content/..']) {
      expect(
        (await call({ action: 'entriesByFolder', params: params({ folder, extension: 'md', depth: 1 }) })).status,
        folder,
      ).toBe(403);
      expect((await call({ action: 'getMedia', params: params({ mediaFolder: folder }) })).status, folder).toBe(403);
    }
    const entries = await call({
      action: 'entriesByFolder',
      params: params({ folder: 'content/events', extension: 'md', depth: 1 }),
    });
    expect(entries.status).toBe(200);
    expect((entries.body as { file: { path: string } }[]).map((e) => e.file.path)).toEqual([
      'content/events/sommertur.md',
    ]);
    const deep = await call({
      action: 'entriesByFolder',
      params: params({ folder: 'content', extension: 'md', depth: 5 }),
    });
    expect((deep.body as { file: { path: string } }[]).map((e) => e.file.path)).toEqual([
      'content/events/sommertur.md',
    ]);
    const media = await call({ action: 'getMedia', params: params({ mediaFolder: 'public/media/members' }) });
    expect(media.status).toBe(200);
    expect((media.body as { path: string }[]).map((m) => m.path)).toEqual(['public/media/members/anne.svg']);
  });

  it('lists entry names (entryNames) only of a known collection, in a folder inside content/, through no link', async () => {
    const names = (collection: unknown, folder: unknown) =>
      call({ action: 'entryNames', params: params({ collection, folder }) });
    for (const folder of [
      '.',
      '..',
      '.git',
      'public/media/members',
      'content/ud',
      'content/..',
      '/etc',
      'content/events/lenke.md',
    ])
      expect((await names('events', folder)).status, folder).toBe(403);
    expect(errorOf(await names('hemmeligheder', 'content/events'))).toContain('Ingen samling hedder "hemmeligheder"');
    for (const collection of ['hemmeligheder', '__proto__', 'constructor', 'toString']) {
      const refused = await names(collection, 'content/events');
      expect(refused.status, collection).toBe(422);
      expect(errorOf(refused), collection).toContain(`"${collection}"`);
    }
    // The folder's link to package.json (lenke.md) is not read: only the real entry is named.
    const listed = await names('events', 'content/events');
    expect(listed.status).toBe(200);
    expect((listed.body as { slug: string; name: string }[]).map(({ slug, name }) => ({ slug, name }))).toEqual([
      { slug: 'sommertur', name: 'Sommertur' },
    ]);
  });

  it('uploads no SVG, and no HTML or SVG disguised as a PNG', async () => {
    const cases: [string, Buffer, RegExp][] = [
      [
        'public/media/tegning.svg',
        fs.readFileSync(path.join(FIXTURES, 'svg/inert-drawing.svg')),
        /SVG-filer kan ikke lægges op .* SVG files cannot be uploaded/,
      ],
      [
        'public/media/script.svg',
        fs.readFileSync(path.join(FIXTURES, 'svg/script.svg')),
        /SVG-filer kan ikke lægges op/,
      ],
      [
        'public/media/foto.png',
        fs.readFileSync(path.join(FIXTURES, 'html-named.png')),
        /^foto\.png blev ikke gemt: navnet siger PNG, men det er i virkeligheden en HTML-side.* — foto\.png was not saved: its name says PNG, but it is really an HTML page/,
      ],
      ['public/media/foto.png', fs.readFileSync(path.join(FIXTURES, 'svg-named.png')), /en SVG-tegning/],
      ['public/media/foto.png', Buffer.alloc(2_000_001, PNG), /et billede må højst fylde 2 MB/],
    ];
    for (const [p, bytes, message] of cases) {
      const upload = await call({
        action: 'persistMedia',
        params: params({ asset: asset(p, bytes), options: commit }),
      });
      expect(upload.status, p).toBe(422);
      expect(errorOf(upload)).toMatch(message);
      const inEntry = await call({
        action: 'persistEntry',
        params: params({
          dataFiles: [entryFile('content/events/ny.md')],
          assets: [asset(p, bytes)],
          options: { ...commit, useWorkflow: false, status: 'draft' },
        }),
      });
      expect(inEntry.status, p).toBe(422);
      expect(fs.existsSync(path.join(repo, p))).toBe(false);
      expect(fs.existsSync(path.join(repo, 'content/events/ny.md'))).toBe(false);
    }
  });

  it('reads no entry or picture larger than the limits', async () => {
    fs.writeFileSync(path.join(repo, 'content/events/stor.md'), Buffer.alloc(256 * 1024 + 1, 'a'));
    fs.writeFileSync(path.join(repo, 'public/media/stor.png'), Buffer.alloc(2_000_001, PNG));
    try {
      expect((await call({ action: 'getEntry', params: params({ path: 'content/events/stor.md' }) })).status).toBe(413);
      expect((await call({ action: 'getMediaFile', params: params({ path: 'public/media/stor.png' }) })).status).toBe(
        413,
      );
      const listed = await call({
        action: 'entriesByFolder',
        params: params({ folder: 'content/events', extension: 'md', depth: 1 }),
      });
      expect((listed.body as { file: { path: string } }[]).map((e) => e.file.path)).toEqual([
        'content/events/sommertur.md',
      ]);
      const media = await call({ action: 'getMedia', params: params({ mediaFolder: 'public/media' }) });
      expect(media.body).toEqual([]);
    } finally {
      fs.rmSync(path.join(repo, 'content/events/stor.md'));
      fs.rmSync(path.join(repo, 'public/media/stor.png'));
    }
  });

  it('refuses an entry over 256 KB, and a move to another folder', async () => {
    const big = await call({
      action: 'persistEntry',
      params: params({
        dataFiles: [entryFile('content/events/lang.md', `---\ntitle: x\n---\n${'æ'.repeat(130 * 1024)}`)],
        assets: [],
        options: { ...commit, useWorkflow: false, status: 'draft' },
      }),
    });
    expect(big.status).toBe(413);
    expect(errorOf(big)).toContain('content/events/lang.md ville fylde 261 KB; et indlæg må højst fylde 256 KB');
    const moved = await call({
      action: 'persistEntry',
      params: params({
        dataFiles: [{ ...entryFile('content/events/sommertur.md'), newPath: 'content/settings/sommertur.md' }],
        assets: [],
        options: { ...commit, useWorkflow: false, status: 'draft' },
      }),
    });
    expect(moved.status).toBe(403);
  });

  it('does what the CMS needs: lists, reads, saves an entry with a picture, uploads and deletes a PNG', async () => {
    const read = await call({ action: 'getEntry', params: params({ path: 'content/events/sommertur.md' }) });
    expect(read.status).toBe(200);
    expect((read.body as { data: string }).data).toContain('Sommertur');
    const files = await call({
      action: 'entriesByFiles',
      params: params({ files: [{ path: 'content/settings/site.yml', label: 'Site' }] }),
    });
    expect((files.body as { data: string }[])[0].data).toBe('name: Mikronet\n');

    const saved = await call({
      action: 'persistEntry',
      params: params({
        dataFiles: [
          entryFile('content/events/vintermoede.md', '---\ntitle: Vintermøde\ncover: /media/events/vinter.png\n---\n'),
        ],
        assets: [asset('public/media/events/vinter.png', PNG)],
        options: { ...commit, useWorkflow: false, status: 'draft' },
      }),
    });
    expect(saved.status).toBe(200);
    expect(fs.readFileSync(path.join(repo, 'content/events/vintermoede.md'), 'utf8')).toContain('Vintermøde');
    expect(fs.readFileSync(path.join(repo, 'public/media/events/vinter.png')).equals(PNG)).toBe(true);

    const upload = await call({
      action: 'persistMedia',
      params: params({ asset: asset('public/media/foto.png', PNG), options: commit }),
    });
    expect(upload.status).toBe(200);
    expect(upload.body).toMatchObject({
      path: 'public/media/foto.png',
      name: 'foto.png',
      content: PNG.toString('base64'),
    });
    const listed = await call({ action: 'getMedia', params: params({ mediaFolder: 'public/media' }) });
    expect((listed.body as { path: string }[]).map((m) => m.path)).toEqual(['public/media/foto.png']);
    expect(
      (await call({ action: 'deleteFile', params: params({ path: 'public/media/foto.png', options: commit }) })).status,
    ).toBe(200);
    expect(fs.existsSync(path.join(repo, 'public/media/foto.png'))).toBe(false);
  });

  it('said in its log what it refused, without an upload’s bytes', () => {
    expect(refusals.some((l) => l.includes('"package.json" is outside those folders'))).toBe(true);
    expect(refusals.every((l) => l.length < 1000)).toBe(true);
  });
});

describe('from a page in Chromium', () => {
  const attack = (url: string) => `(async () => {
    const results = [];
    const body = JSON.stringify({ action: 'persistMedia', params: { branch: 'main', asset: { path: '.git/hooks/post-checkout', content: btoa('#!/bin/sh\\ntouch /tmp/pwned'), encoding: 'base64' }, options: { commitMessage: 'x' } } });
    try {
      const r = await fetch(${JSON.stringify(url)}, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      results.push('cors:' + r.status);
    } catch (e) { results.push('cors:blocked'); }
    try {
      // A "simple" request goes out without a preflight; only the server can refuse it.
      await fetch(${JSON.stringify(url)}, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body });
      results.push('simple:sent');
    } catch (e) { results.push('simple:blocked'); }
    return results;
  })()`;

  it('a page on another localhost port can neither read nor write, even with a simple request', async () => {
    const page = await browser.newPage();
    const seen: number[] = [];
    page.on('response', (r) => {
      if (r.url().startsWith(cms.url)) seen.push(r.status());
    });
    await page.goto(`http://127.0.0.1:${elsewhere.port}/`);
    expect(await page.evaluate(attack(cms.url))).toEqual(['cors:blocked', 'simple:sent']);
    const info = await page.evaluate(
      `fetch(${JSON.stringify(cms.url)}, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":"info","params":{}}' }).then((r) => r.status, () => 'blocked')`,
    );
    expect(info).toBe('blocked');
    // The preflights and the simple request reached the server and were refused there.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s === 403)).toBe(true);
    expect(fs.existsSync(path.join(repo, '.git/hooks/post-checkout'))).toBe(false);
    await page.close();
  });

  it('the admin page’s origin can, through the CORS preflight', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${site.port}/admin/`);
    const info = await page.evaluate(
      `fetch(${JSON.stringify(cms.url)}, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: '{"action":"info","params":{}}' }).then((r) => r.json())`,
    );
    expect(info).toMatchObject({ type: 'local_fs' });
    // Even from the admin page's origin, .git stays out of reach.
    expect(await page.evaluate(attack(cms.url))).toEqual(['cors:403', 'simple:sent']);
    expect(fs.existsSync(path.join(repo, '.git/hooks/post-checkout'))).toBe(false);
    await page.close();
  });

  it('left every file outside content/ and public/media/ as it was', () => {
    expect(snapshotOutside()).toEqual(before);
  });
});

describe('with MODE=git', () => {
  it('commits a saved entry, and still refuses .git/hooks', async () => {
    const git = await startCmsServer({
      repoRoot: repo,
      contentDir: 'content',
      mediaDir: 'public/media',
      mode: 'git',
      port: 0,
      sitePort: site.port,
    });
    const saved = cms;
    cms = git;
    try {
      const info = await call({ action: 'info', params: {} });
      expect(info.body).toMatchObject({ type: 'local_git' });
      const hook = await call({
        action: 'persistMedia',
        params: params({ asset: asset('.git/hooks/pre-commit.png', PNG), options: commit }),
      });
      expect(hook.status).toBe(403);
      const answer = await call({
        action: 'persistEntry',
        params: params({
          dataFiles: [entryFile('content/events/git-moede.md')],
          assets: [],
          options: { commitMessage: 'Opret arrangement', useWorkflow: false, status: 'draft' },
        }),
      });
      expect(answer.status).toBe(200);
      const log = execFileSync('git', ['log', '--format=%s', '--name-only', '-1'], { cwd: repo, encoding: 'utf8' });
      expect(log).toContain('Opret arrangement');
      expect(log).toContain('content/events/git-moede.md');
    } finally {
      cms = saved;
      await git.close();
    }
  });

  it('will not start on content or media folders outside the repository', async () => {
    await expect(
      startCmsServer({
        repoRoot: repo,
        contentDir: work,
        mediaDir: 'public/media',
        mode: 'fs',
        port: 0,
        sitePort: site.port,
      }),
    ).rejects.toThrow(/must be inside the repository/);
    await expect(
      startCmsServer({
        repoRoot: repo,
        contentDir: 'content/ud',
        mediaDir: 'public/media',
        mode: 'fs',
        port: 0,
        sitePort: site.port,
      }),
    ).rejects.toThrow(/must be inside the repository/);
  });
});
