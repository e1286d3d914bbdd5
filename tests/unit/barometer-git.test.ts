import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderHistory, parseLog } from '../../src/site/git-history.ts';
import { git } from '../helpers/git.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'barometer-git-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A commit at a set date, so the history is known. */
const commitAt = (repo: string, date: string, message: string) =>
  execGit(repo, date, 'commit', '-q', '--allow-empty', '-m', message);
const execGit = (repo: string, date: string, ...args: string[]) => {
  const env = process.env;
  const before = [env.GIT_AUTHOR_DATE, env.GIT_COMMITTER_DATE];
  env.GIT_AUTHOR_DATE = env.GIT_COMMITTER_DATE = date;
  try {
    return git(repo, ...args);
  } finally {
    [env.GIT_AUTHOR_DATE, env.GIT_COMMITTER_DATE] = before;
    if (before[0] === undefined) delete env.GIT_AUTHOR_DATE;
    if (before[1] === undefined) delete env.GIT_COMMITTER_DATE;
  }
};

describe('folder history from git', () => {
  it('gives the date each file was first added, and the commits that changed it', async () => {
    const repo = path.join(tmp, 'repo');
    const members = path.join(repo, 'content', 'members');
    fs.mkdirSync(members, { recursive: true });
    git(repo, 'init', '-q');
    fs.writeFileSync(path.join(members, 'anne.md'), 'a\n');
    git(repo, 'add', '.');
    commitAt(repo, '2024-03-01T12:00:00+01:00', 'anne');
    fs.writeFileSync(path.join(members, 'bo.md'), 'b\n');
    fs.writeFileSync(path.join(members, 'anne.md'), 'a2\n');
    git(repo, 'add', '.');
    commitAt(repo, '2025-06-01T12:00:00+02:00', 'bo');
    fs.writeFileSync(path.join(members, 'uncommitted.md'), 'u\n');

    const history = await folderHistory(members);
    expect(history?.shallow).toBe(false);
    expect(history?.files.get('anne.md')?.added?.toISOString()).toBe('2024-03-01T11:00:00.000Z');
    expect(history?.files.get('anne.md')?.changed.length).toBe(2);
    expect(history?.files.get('bo.md')?.added?.toISOString()).toBe('2025-06-01T10:00:00.000Z');
    expect(history?.files.has('uncommitted.md')).toBe(false);
  });

  it('keeps only the commits whose change matches the pickaxe', async () => {
    const repo = path.join(tmp, 'wiki');
    fs.mkdirSync(repo, { recursive: true });
    git(repo, 'init', '-q');
    fs.writeFileSync(path.join(repo, 'net.md'), 'name: x\nlast_verified: 2024-01-01\n');
    git(repo, 'add', '.');
    commitAt(repo, '2024-01-02T12:00:00Z', 'add');
    fs.writeFileSync(path.join(repo, 'net.md'), 'name: y\nlast_verified: 2024-01-01\n');
    git(repo, 'add', '.');
    commitAt(repo, '2024-05-02T12:00:00Z', 'rename');
    fs.writeFileSync(path.join(repo, 'net.md'), 'name: y\nlast_verified: 2025-02-01\n');
    git(repo, 'add', '.');
    commitAt(repo, '2025-02-02T12:00:00Z', 'verified');
    const history = await folderHistory(repo, '^last_verified:');
    expect(history?.files.get('net.md')?.changed.map((d) => d.getUTCFullYear())).toEqual([2024, 2025]);
  });

  it('says there is no history for a folder outside any repository', async () => {
    const plain = path.join(tmp, 'plain');
    fs.mkdirSync(plain);
    fs.writeFileSync(path.join(plain, 'x.md'), 'x\n');
    expect(await folderHistory(plain, undefined)).toBeUndefined();
  });

  it('gives no date to files first seen at a shallow clone’s boundary', () => {
    const log = '\x1e1700000000\x1fabc\nM\tbo.md\n\x1e1600000000\x1f\nA\tanne.md\nA\tbo.md\n';
    const files = parseLog(log, true);
    expect(files.get('anne.md')?.added).toBeUndefined();
    expect(files.get('bo.md')?.changed.length).toBe(2);
    expect(parseLog(log, false).get('anne.md')?.added).toEqual(new Date(1600000000 * 1000));
  });

  it('starts a file over when it was deleted and added again', () => {
    const log = '\x1e1700000000\x1fb\nA\tx.md\n\x1e1650000000\x1fa\nD\tx.md\n\x1e1600000000\x1f\nA\tx.md\n';
    expect(parseLog(log, false).get('x.md')?.added).toEqual(new Date(1700000000 * 1000));
  });
});
