import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFiles } from '../../src/lib/content/changed.ts';
import {
  collectionDir,
  externalCollections,
  isInside,
  missingFolderIssues,
  WIKI_CHECKOUT,
} from '../../src/lib/content/paths.ts';

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
    expect(collectionDir(content, 'wiki', { WIKI_DIR: '../netvaerkswiki/wiki' })).toBe(
      path.resolve('../netvaerkswiki/wiki'),
    );
    expect(collectionDir(content, 'wiki', { WIKI_REPO: 'https://github.com/eksempel/netvaerkswiki' })).toBe(
      path.resolve(WIKI_CHECKOUT, 'wiki'),
    );
    expect(collectionDir(content, 'wiki', { WIKI_REPO: 'https://x.example/w', WIKI_DIR: '/srv/wiki' })).toBe(
      path.resolve('/srv/wiki'),
    );
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
    const [byRepo] = missingFolderIssues(path.join(SPLIT, 'site'), {
      WIKI_REPO: 'https://github.com/eksempel/netvaerkswiki',
    });
    expect(byRepo.message.en).toMatch(/run npm run wiki:fetch first/);
  });

  it('counts changed files in an external wiki as content', () => {
    const env = { WIKI_DIR: path.join(SPLIT, 'wiki-repo/wiki') };
    const changed = [
      path.join(SPLIT, 'wiki-repo/wiki/netvaerk-nord.md'),
      path.join(SPLIT, 'wiki-repo/README.md'),
      path.join(SPLIT, 'site/events/netvaerksmoede.md'),
      path.join(ROOT, 'package.json'),
    ];
    expect(contentFiles(changed, path.join(SPLIT, 'site'), env)).toEqual([changed[0], changed[2]]);
  });
});
