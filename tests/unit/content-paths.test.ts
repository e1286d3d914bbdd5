import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFiles } from '../../src/lib/content/changed.ts';
import { collectionDir, externalCollections, isInside, missingFolderIssues, WIKI_CHECKOUT } from '../../src/lib/content/paths.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SPLIT = path.join(ROOT, 'tests/fixtures/split');
const content = path.join(ROOT, 'content');

describe('where a collection lives', () => {
  it('is its folder in the content folder, the wiki too, when nothing else is said', () => {
    expect(collectionDir(content, 'members', {})).toBe(path.join(content, 'members'));
    expect(collectionDir(content, 'wiki', {})).toBe(path.join(content, 'wiki'));
    expect(externalCollections(content, {})).toEqual([]);
  });

  it('is WIKI_DIR for the wiki when it is set, and the checkout wiki:fetch makes when only WIKI_REPO is', () => {
    expect(collectionDir(content, 'wiki', { WIKI_DIR: '../netvaerkswiki/wiki' })).toBe(path.resolve('../netvaerkswiki/wiki'));
    expect(collectionDir(content, 'wiki', { WIKI_REPO: 'https://github.com/eksempel/netvaerkswiki' })).toBe(path.resolve(WIKI_CHECKOUT, 'wiki'));
    expect(collectionDir(content, 'wiki', { WIKI_REPO: 'https://x.example/w', WIKI_DIR: '/srv/wiki' })).toBe(path.resolve('/srv/wiki'));
    // Empty, as a CI variable that is not set arrives: the default.
    expect(collectionDir(content, 'wiki', { WIKI_REPO: '', WIKI_DIR: '' })).toBe(path.join(content, 'wiki'));
    expect(collectionDir(content, 'events', { WIKI_DIR: '/srv/wiki' })).toBe(path.join(content, 'events'));
  });

  it('counts a wiki outside the content folder as external, and one inside it not', () => {
    expect(externalCollections(content, { WIKI_DIR: path.join(SPLIT, 'wiki-repo/wiki') })).toEqual(['wiki']);
    expect(externalCollections(content, { WIKI_DIR: path.join(content, 'netvaerk') })).toEqual([]);
    expect(isInside(path.join(content, 'wiki/x.md'), content)).toBe(true);
    expect(isInside(content, content)).toBe(true);
    expect(isInside(`${content}-kopi/x.md`, content)).toBe(false);
  });

  it('reports a wiki folder that was configured but is not there, naming the setting and the fix', () => {
    expect(missingFolderIssues(content, {})).toEqual([]);
    expect(missingFolderIssues(content, { WIKI_DIR: path.join(SPLIT, 'wiki-repo/wiki') })).toEqual([]);
    const [byDir] = missingFolderIssues(content, { WIKI_DIR: '/findes/ikke/wiki' });
    expect(byDir).toMatchObject({ file: '/findes/ikke/wiki', code: 'missing_folder' });
    expect(byDir.message.en).toMatch(/WIKI_DIR is \/findes\/ikke\/wiki; point it at the wiki\/ folder/);
    expect(byDir.message.da).toMatch(/mappen til wiki findes ikke/);
    const [byRepo] = missingFolderIssues(path.join(SPLIT, 'site'), { WIKI_REPO: 'https://github.com/eksempel/netvaerkswiki' });
    expect(byRepo.message.en).toMatch(/run npm run wiki:fetch first/);
  });

  it('counts changed files in an external wiki as content', () => {
    const env = { WIKI_DIR: path.join(SPLIT, 'wiki-repo/wiki') };
    const changed = [path.join(SPLIT, 'wiki-repo/wiki/netvaerk-nord.md'), path.join(SPLIT, 'wiki-repo/README.md'), path.join(SPLIT, 'site/events/netvaerksmoede.md'), path.join(ROOT, 'package.json')];
    expect(contentFiles(changed, path.join(SPLIT, 'site'), env)).toEqual([changed[0], changed[2]]);
  });
});

describe('npm run check --only', () => {
  const check = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, ['scripts/check.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('reports only the named collections, and says what it read', () => {
    // Without the wiki, the event's network is missing: a problem in events/, not in wiki/.
    const env = { CONTENT_DIR: path.join(SPLIT, 'site') };
    expect(check(['--today', '2026-11-24'], env).code).toBe(1);
    const onlyWiki = check(['--only', 'wiki', '--today', '2026-11-24', '--format', 'json'], env);
    expect(onlyWiki.code).toBe(0);
    expect(JSON.parse(onlyWiki.out)).toMatchObject({ only: ['wiki'], files: 0, issues: [] });
    const onlyEvents = check(['--only', 'events,members', '--today', '2026-11-24', '--format', 'json'], env);
    expect(onlyEvents.code).toBe(1);
    expect(JSON.parse(onlyEvents.out).issues.map((i: { code: string }) => i.code)).toEqual(['reference']);
  });

  it('refuses a name that is not a collection (exit 2), in English and Danish', () => {
    const r = check(['--only', 'wiki,netvaerk']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--only takes collection names \(members, blog, wiki, events, groups, market, pages\), not "netvaerk" — --only skal have navne på samlinger/);
  });
});
