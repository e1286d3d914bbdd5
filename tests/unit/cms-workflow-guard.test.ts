import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCmsServer, type CmsServer } from '../../src/tools/cms-server.ts';
import { freePort } from '../helpers/admin-site.ts';
import { git } from '../helpers/git.ts';

/** The CMS server's guard for npm start --workflow (decap-server's git mode), on a repository of its own. */

let work: string;
let withWorkflow: CmsServer;
let without: CmsServer;

const ORIGIN = 'http://127.0.0.1:4321';
const call = (server: CmsServer, action: string, params: Record<string, unknown>) =>
  fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ action, params: { branch: 'main', ...params } }),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-workflow-'));
  fs.mkdirSync(path.join(work, 'content/members'), { recursive: true });
  fs.mkdirSync(path.join(work, 'public/media'), { recursive: true });
  fs.writeFileSync(path.join(work, 'content/members/anne.md'), '---\nname: Anne\n---\n');
  git(work, 'init', '-q');
  git(work, 'add', '.');
  git(work, 'commit', '-q', '-m', 'start');
  const options = {
    repoRoot: work,
    contentDir: path.join(work, 'content'),
    mediaDir: path.join(work, 'public/media'),
    mode: 'git' as const,
    sitePort: 4321,
  };
  withWorkflow = await startCmsServer({ ...options, port: await freePort(), workflow: true });
  without = await startCmsServer({ ...options, port: await freePort() });
});

afterAll(async () => {
  await Promise.all([withWorkflow?.close(), without?.close()]);
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the editorial workflow through the CMS server', () => {
  it('lists drafts only when npm start runs with --workflow', async () => {
    expect(await call(withWorkflow, 'unpublishedEntries', {})).toEqual({ status: 200, body: [] });
    expect((await call(without, 'unpublishedEntries', {})).status).toBe(422);
  });

  it('refuses names git would read as options or paths, before git sees them', async () => {
    for (const [action, params] of [
      ['unpublishedEntry', { collection: '--upload-pack=touch /tmp/x', slug: 'anne' }],
      ['unpublishedEntry', { id: 'members/../../x' }],
      ['publishUnpublishedEntry', { collection: 'members', slug: '-x' }],
      ['updateUnpublishedEntryStatus', { collection: 'members', slug: 'anne', newStatus: 'merged' }],
      ['unpublishedEntries', { branch: '--all' }],
      ['deleteUnpublishedEntry', { collection: 'members', slug: 'a b' }],
    ] as const) {
      const answer = await call(withWorkflow, action, params);
      expect(answer.status, JSON.stringify(params)).toBe(422);
      expect(JSON.stringify(answer.body)).toContain('is not a plain name');
    }
  });

  it('keeps a draft’s files inside the content and media folders', async () => {
    const answer = await call(withWorkflow, 'unpublishedEntryDataFile', {
      path: 'package.json',
      collection: 'members',
      slug: 'anne',
    });
    expect(answer.status).toBe(403);
  });

  it('commits a draft on its own branch and publishes it into the branch, nothing else', async () => {
    fs.writeFileSync(path.join(work, 'unrelated.txt'), 'not the CMS’s');
    // decap-server commits with "git add .": npm start --workflow runs it on a working copy of its own.
    const worktree = `${work}-copy`;
    git(work, 'worktree', 'add', '-q', '-b', 'cms-workflow', worktree);
    git(worktree, 'config', 'user.name', 'Test');
    git(worktree, 'config', 'user.email', 'test@example.invalid');
    const copy = await startCmsServer({
      repoRoot: worktree,
      contentDir: path.join(worktree, 'content'),
      mediaDir: path.join(worktree, 'public/media'),
      mode: 'git',
      port: await freePort(),
      sitePort: 4321,
      workflow: true,
    });
    try {
      const saved = await call(copy, 'persistEntry', {
        branch: 'cms-workflow',
        dataFiles: [{ path: 'content/members/bo.md', raw: '---\nname: Bo\n---\n', slug: 'bo' }],
        assets: [],
        options: { commitMessage: 'Bo', useWorkflow: true, status: 'draft', collectionName: 'members' },
      });
      expect(saved.status).toBe(200);
      expect(git(work, 'branch', '--list', 'cms/members/bo')).toContain('cms/members/bo');
      const published = await call(copy, 'publishUnpublishedEntry', {
        branch: 'cms-workflow',
        collection: 'members',
        slug: 'bo',
      });
      expect(published.status).toBe(200);
      expect(git(work, 'diff', '--name-only', 'main', 'cms-workflow')).toBe('content/members/bo.md');
      expect(git(work, 'status', '--porcelain')).toBe('?? unrelated.txt');
    } finally {
      await copy.close();
      fs.rmSync(worktree, { recursive: true, force: true });
    }
  });
});
