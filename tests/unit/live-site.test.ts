import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCmsServer } from '../../src/tools/cms-server.ts';
import {
  buildProblems,
  buildQueue,
  mirrorFolder,
  startLiveSite,
  watchFolders,
  type BuildResult,
} from '../../src/tools/live-site.ts';
import { serveSite } from '../../src/tools/static-server.ts';
import { freePort } from '../helpers/admin-site.ts';

let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'live-site-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A build that takes `ms` and answers what the test says; it counts its runs. */
function fakeBuild(ms = 30) {
  const runs: number[] = [];
  let next: BuildResult = { ok: true, problems: [] };
  return {
    runs,
    answer: (r: BuildResult) => (next = r),
    build: async () => {
      runs.push(Date.now());
      await sleep(ms);
      return next;
    },
  };
}

describe('buildQueue', () => {
  it('builds once for a burst of changes, after the debounce', async () => {
    const b = fakeBuild();
    const q = buildQueue({ build: b.build, debounceMs: 40 });
    q.change();
    q.change();
    q.change();
    expect(q.status()).toMatchObject({ state: 'building', changed: 3, published: 0 });
    await q.settled();
    expect(b.runs).toHaveLength(1);
    expect(q.status()).toMatchObject({ state: 'idle', changed: 3, published: 3, problems: [] });
  });

  it('runs one build at a time: changes during a build schedule exactly one more', async () => {
    const b = fakeBuild(120);
    const q = buildQueue({ build: b.build, debounceMs: 10 });
    q.change();
    await sleep(40);
    q.change();
    await sleep(20);
    q.change();
    await q.settled();
    expect(b.runs).toHaveLength(2);
    expect(b.runs[1] - b.runs[0]).toBeGreaterThanOrEqual(115);
    expect(q.status()).toMatchObject({ state: 'idle', published: 3 });
  });

  it('reports a failed build with its problems, and clears them when a later build succeeds', async () => {
    const b = fakeBuild();
    const q = buildQueue({ build: b.build, debounceMs: 5 });
    b.answer({ ok: false, problems: ['content/members/x.md:3: name: required'] });
    q.change();
    await q.settled();
    expect(q.status()).toMatchObject({
      state: 'failed',
      changed: 1,
      published: 0,
      failed: 1,
      problems: ['content/members/x.md:3: name: required'],
    });
    b.answer({ ok: true, problems: [] });
    q.change();
    await q.settled();
    expect(q.status()).toMatchObject({ state: 'idle', published: 2, problems: [] });
  });

  it('counts a build that threw as failed, with its message', async () => {
    const q = buildQueue({
      build: () => Promise.reject(new Error('astro not found')),
      debounceMs: 5,
    });
    q.change();
    await q.settled();
    expect(q.status()).toMatchObject({ state: 'failed', problems: ['astro not found'] });
  });
});

describe('mirrorFolder', () => {
  it('copies what changed, removes what is gone, and leaves the rest alone', async () => {
    const from = path.join(work, 'from');
    const to = path.join(work, 'to');
    fs.mkdirSync(path.join(from, 'a/b'), { recursive: true });
    fs.writeFileSync(path.join(from, 'index.html'), 'home');
    fs.writeFileSync(path.join(from, 'a/b/page.html'), 'page');
    expect(await mirrorFolder(from, to)).toEqual({ copied: 2, removed: 0 });
    expect(fs.readFileSync(path.join(to, 'a/b/page.html'), 'utf8')).toBe('page');

    expect(await mirrorFolder(from, to)).toEqual({ copied: 0, removed: 0 });

    fs.writeFileSync(path.join(from, 'index.html'), 'home, edited');
    fs.rmSync(path.join(from, 'a'), { recursive: true });
    expect(await mirrorFolder(from, to)).toEqual({ copied: 1, removed: 1 });
    expect(fs.readFileSync(path.join(to, 'index.html'), 'utf8')).toBe('home, edited');
    expect(fs.readdirSync(to)).toEqual(['index.html']);
  });
});

describe('watchFolders', () => {
  it('sees a file written below a watched folder, not hidden or temporary files', async () => {
    const dir = path.join(work, 'watched');
    fs.mkdirSync(path.join(dir, 'members'), { recursive: true });
    const seen: string[] = [];
    const w = watchFolders([dir, path.join(work, 'missing')], (f) => seen.push(path.relative(dir, f)));
    try {
      await sleep(50);
      fs.writeFileSync(path.join(dir, 'members/.x.md.swp'), 'x');
      fs.writeFileSync(path.join(dir, 'members/x.md~'), 'x');
      fs.writeFileSync(path.join(dir, 'members/anne.md'), 'x');
      await expect.poll(() => seen, { timeout: 2000 }).toContain('members/anne.md');
      expect(seen.filter((f) => f !== 'members/anne.md')).toEqual([]);
      // Replaced, not written in place (an editor's atomic save, sed -i, git checkout), twice.
      for (const text of ['y', 'z']) {
        seen.length = 0;
        fs.writeFileSync(path.join(dir, 'members/.anne.md.new'), text);
        fs.renameSync(path.join(dir, 'members/.anne.md.new'), path.join(dir, 'members/anne.md'));
        await expect.poll(() => seen, { timeout: 2000 }).toContain('members/anne.md');
      }
      // A new folder, and a file in it.
      fs.mkdirSync(path.join(dir, 'blog'));
      await expect.poll(() => seen, { timeout: 2000 }).toContain('blog');
      fs.writeFileSync(path.join(dir, 'blog/post.md'), 'x');
      await expect.poll(() => seen, { timeout: 2000 }).toContain('blog/post.md');
    } finally {
      w.close();
    }
  });
});

describe('buildProblems', () => {
  it('takes the content check’s lines from a failed build, without colours', () => {
    const output = [
      '08:00:00 [content] Syncing content',
      '08:00:01 \x1b[31m[ERROR]\x1b[39m [mikronet:content-check] content/members/x.md:3: name: required — navn: påkrævet',
      '08:00:01 [ERROR] [mikronet:content-check] 1 content problem(s) stop the build; fix them',
      'error   1 content problem(s) stop the build',
    ].join('\n');
    expect(buildProblems(output)).toEqual(['content/members/x.md:3: name: required — navn: påkrævet']);
  });

  it('falls back to the error lines of any other failure', () => {
    expect(buildProblems('a\n[ERROR] Cannot find module x\nb\n')).toEqual(['[ERROR] Cannot find module x']);
  });
});

describe('startLiveSite', () => {
  it('serves the last complete build while a build runs and after one fails, the new one once it succeeds', async () => {
    const buildDir = path.join(work, 'site/dist');
    const mirrorDir = path.join(work, 'site/mirror');
    const content = path.join(work, 'site/content');
    fs.mkdirSync(buildDir, { recursive: true });
    fs.mkdirSync(content, { recursive: true });
    fs.writeFileSync(path.join(buildDir, 'index.html'), 'v1');
    const server = await serveSite({ dir: buildDir });
    let fail = false;
    let seenDuringBuild = '';
    const live = await startLiveSite({
      server,
      buildDir,
      mirrorDir,
      watch: [content],
      debounceMs: 20,
      // Like Astro: the output folder is emptied first, then written.
      build: async () => {
        fs.rmSync(buildDir, { recursive: true, force: true });
        fs.mkdirSync(buildDir);
        seenDuringBuild = await (await fetch(`${server.url}/`)).text();
        if (fail) return { ok: false, problems: ['broken'] };
        fs.writeFileSync(path.join(buildDir, 'index.html'), fs.readFileSync(path.join(content, 'home.md')));
        return { ok: true, problems: [] };
      },
    });
    try {
      fs.writeFileSync(path.join(content, 'home.md'), 'v2');
      await expect.poll(() => live.status().published, { timeout: 5000 }).toBeGreaterThan(0);
      await live.settled();
      expect(seenDuringBuild).toBe('v1');
      expect(await (await fetch(`${server.url}/`)).text()).toBe('v2');

      fail = true;
      const before = live.status().changed;
      fs.writeFileSync(path.join(content, 'home.md'), 'v3');
      await expect.poll(() => live.status().failed, { timeout: 5000 }).toBeGreaterThan(before);
      await live.settled();
      expect(seenDuringBuild).toBe('v2');
      expect(live.status()).toMatchObject({ state: 'failed', problems: ['broken'] });
      expect(await (await fetch(`${server.url}/`)).text()).toBe('v2');
    } finally {
      await live.close();
      await server.close();
    }
  });
});

describe('the CMS server’s live status', () => {
  it('answers the admin page’s origin with the status, counts a save, and refuses other origins', async () => {
    const repo = path.join(work, 'repo');
    fs.mkdirSync(path.join(repo, 'content/members'), { recursive: true });
    fs.mkdirSync(path.join(repo, 'public/media'), { recursive: true });
    let changes = 0;
    const port = await freePort();
    const cms = await startCmsServer({
      repoRoot: repo,
      contentDir: path.join(repo, 'content'),
      mediaDir: path.join(repo, 'public/media'),
      mode: 'fs',
      port,
      sitePort: 4321,
      live: { status: () => ({ state: 'idle', changed: changes }), changed: () => void changes++ },
    });
    try {
      const live = (origin: string) => fetch(`${cms.url}/live`, { headers: { origin } });
      const ok = await live('http://127.0.0.1:4321');
      expect(ok.status).toBe(200);
      expect(ok.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4321');
      expect(await ok.json()).toEqual({ state: 'idle', changed: 0 });
      expect((await live('http://127.0.0.1:9999')).status).toBe(403);

      const save = await fetch(cms.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:4321' },
        body: JSON.stringify({
          action: 'persistEntry',
          params: {
            branch: 'main',
            dataFiles: [{ path: 'content/members/anne.md', raw: '---\nname: Anne\n---\n', slug: 'anne' }],
            assets: [],
            options: { commitMessage: 'x', useWorkflow: false, status: 'draft' },
          },
        }),
      });
      expect(save.status).toBe(200);
      expect(await (await live('http://localhost:4321')).json()).toEqual({ state: 'idle', changed: 1 });
    } finally {
      await cms.close();
    }
  });
});
