import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printable, wikiBranchProblem, wikiSource } from '../../src/tools/wiki-repo.ts';
import { git } from '../helpers/git.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/wiki-fetch.ts');
const FIXTURE = path.join(ROOT, 'tests/fixtures/split/wiki-repo');

let work: string;
let wikiRepo: string;
let site: string;

/** npm run wiki:fetch in the site folder, with only the environment given (plus PATH for git). */
function fetchWiki(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: site,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: work, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'wiki-fetch-'));
  wikiRepo = path.join(work, 'netvaerkswiki');
  fs.cpSync(FIXTURE, wikiRepo, { recursive: true });
  git(wikiRepo, 'init', '-q');
  git(wikiRepo, 'add', '-A');
  git(wikiRepo, 'commit', '-qm', 'To netværk');
  site = path.join(work, 'site');
  fs.mkdirSync(site);
});

afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

// Every case starts Node and git; on a busy machine a few of them take longer than the default 5 s.
describe('npm run wiki:fetch', { timeout: 30_000 }, () => {
  it('does nothing, in one line, when WIKI_REPO is not set', () => {
    const r = fetchWiki({});
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.out).toMatch(/WIKI_REPO is not set: nothing to fetch.*WIKI_REPO er ikke sat/);
    expect(fs.existsSync(path.join(site, '.wiki'))).toBe(false);
  });

  it.each([
    ['a path', () => wikiRepo],
    ['a file:// address', () => pathToFileURL(wikiRepo).href],
  ])('clones the wiki repository from %s into .wiki/ and prints the commit it got', (_what, repo) => {
    const r = fetchWiki({ WIKI_REPO: repo() });
    expect(r.code, r.err).toBe(0);
    const head = git(wikiRepo, 'rev-parse', 'HEAD');
    expect(r.out).toContain(head.slice(0, 12));
    expect(r.out).toContain('2 entries in .wiki/wiki');
    expect(fs.readdirSync(path.join(site, '.wiki/wiki')).sort()).toEqual(['aabent-vaerksted.md', 'netvaerk-nord.md']);
  });

  it('brings the clone up to date, and fetches a tag named by WIKI_BRANCH', () => {
    expect(fetchWiki({ WIKI_REPO: wikiRepo }).code).toBe(0);
    git(wikiRepo, 'tag', 'v1');
    git(wikiRepo, 'rm', '-q', 'wiki/aabent-vaerksted.md');
    git(wikiRepo, 'commit', '-qm', 'Fjern Åbent Værksted');
    const r = fetchWiki({ WIKI_REPO: wikiRepo });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(git(wikiRepo, 'rev-parse', 'HEAD').slice(0, 12));
    expect(fs.readdirSync(path.join(site, '.wiki/wiki'))).toEqual(['netvaerk-nord.md']);
    const tagged = fetchWiki({ WIKI_REPO: wikiRepo, WIKI_BRANCH: 'v1' });
    expect(tagged.code, tagged.err).toBe(0);
    expect(fs.readdirSync(path.join(site, '.wiki/wiki')).sort()).toEqual(['aabent-vaerksted.md', 'netvaerk-nord.md']);
  });

  it('keeps local changes in the clone: it refuses to update, and says how to go on', () => {
    expect(fetchWiki({ WIKI_REPO: wikiRepo }).code).toBe(0);
    const mine = path.join(site, '.wiki/wiki/mit-netvaerk.md');
    fs.writeFileSync(mine, 'mit arbejde');
    const r = fetchWiki({ WIKI_REPO: wikiRepo });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/has local changes.*WIKI_DIR.*har lokale ændringer/);
    expect(fs.readFileSync(mine, 'utf8')).toBe('mit arbejde');
  });

  it('never replaces a .wiki folder it did not make', () => {
    fs.mkdirSync(path.join(site, '.wiki'));
    fs.writeFileSync(path.join(site, '.wiki/noter.md'), 'noter');
    const r = fetchWiki({ WIKI_REPO: wikiRepo });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\.wiki: is not a clone made by npm run wiki:fetch/);
    expect(fs.readdirSync(path.join(site, '.wiki'))).toEqual(['noter.md']);
  });

  it('names a repository without a wiki/ folder, or a branch that does not exist', () => {
    fs.rmSync(path.join(wikiRepo, 'wiki'), { recursive: true });
    git(wikiRepo, 'commit', '-qam', 'Ingen wiki');
    const noWiki = fetchWiki({ WIKI_REPO: wikiRepo });
    expect(noWiki.code).toBe(1);
    expect(noWiki.err).toMatch(/has no wiki\/ folder.*har ingen wiki\/-mappe/);
    fs.rmSync(path.join(site, '.wiki'), { recursive: true });
    const noBranch = fetchWiki({ WIKI_REPO: wikiRepo, WIKI_BRANCH: 'udgivet' });
    expect(noBranch.code).toBe(1);
    expect(noBranch.err).toMatch(/git could not fetch .* \(udgivet\): .*remote .*udgivet.*git kunne ikke hente/);
  });

  it('refuses every other kind of address before git sees it (exit 2), and runs nothing', () => {
    const marker = path.join(work, 'ran');
    for (const repo of [
      `ext::sh -c touch% ${marker}`,
      'http://github.com/eksempel/netvaerkswiki',
      'ssh://git@github.com/eksempel/netvaerkswiki.git',
      'git@github.com:eksempel/netvaerkswiki.git',
      'git://github.com/eksempel/netvaerkswiki',
      `--upload-pack=touch ${marker}`,
      'https://ghp_token@github.com/eksempel/netvaerkswiki',
      path.join(work, 'findes-ikke'),
    ]) {
      const r = fetchWiki({ WIKI_REPO: repo });
      expect(r.code, repo).toBe(2);
      expect(r.err, repo).toMatch(/WIKI_REPO (must|skal)/);
    }
    const badBranch = fetchWiki({ WIKI_REPO: wikiRepo, WIKI_BRANCH: `--upload-pack=touch ${marker}` });
    expect(badBranch.code).toBe(2);
    expect(badBranch.err).toMatch(/WIKI_BRANCH must be a branch or tag name/);
    expect(fs.existsSync(marker)).toBe(false);
    expect(fs.existsSync(path.join(site, '.wiki'))).toBe(false);
  });

  it('with --dry-run says what it would do and changes nothing', () => {
    const r = fetchWiki({ WIKI_REPO: wikiRepo }, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Would clone .*netvaerkswiki \(main\) in \.wiki/);
    expect(fs.existsSync(path.join(site, '.wiki'))).toBe(false);
  });
});

describe('what WIKI_REPO and WIKI_BRANCH may be', () => {
  it('accepts an https:// address as it is, and a local folder as a file:// address', () => {
    expect(wikiSource('https://github.com/mikronet/netvaerkswiki')).toEqual({
      url: 'https://github.com/mikronet/netvaerkswiki',
      shown: 'https://github.com/mikronet/netvaerkswiki',
    });
    expect(wikiSource('.', ROOT)).toEqual({ url: pathToFileURL(ROOT).href, shown: ROOT });
  });

  it('takes branch and tag names, nothing that looks like an option or leaves refs/', () => {
    for (const ok of ['main', 'v2026.1', 'release/2027']) expect(wikiBranchProblem(ok), ok).toBeUndefined();
    for (const bad of ['-x', '--upload-pack=x', '../x', 'a..b', 'main.lock', 'a b', 'x/', ''])
      expect(wikiBranchProblem(bad), bad).toBeDefined();
  });

  it('prints text from the repository without control characters or direction overrides', () => {
    expect(printable('Ny\u001b[31m post\u202e\nlinje')).toBe('Ny [31m post linje');
  });
});
