import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { fileCollections, folderCollections, type FolderCollection } from '../../schemas/index.ts';
import { collectionDir, displayPath, missingFolderIssues } from './paths.ts';
import type { ContentIssue } from './issues.ts';
import { entryProblem, MAX_DATA_FILE_BYTES, MAX_ENTRY_BYTES, readContentText } from './files.ts';
import { frontMatterFence, parseYamlData, YamlDataError } from './front-matter.ts';
import type { ParseCache } from './parse-cache.ts';
import { foreignFrontMatter, missingFile, notAFolder, notMarkdown, symlink, unreadable } from './messages.ts';

export interface RawEntry {
  collection: FolderCollection;
  slug: string;
  /** Absolute path. */
  path: string;
  /** Path for messages. */
  file: string;
  data: Record<string, unknown>;
  body: string;
  /** Front matter source, to find the line of a field. */
  frontMatter: string;
  /** 1-based line of the file on which the body starts, to point at a line in it. */
  bodyLine: number;
}

export interface RawFile {
  path: string;
  file: string;
  data: unknown;
  source: string;
}

export interface RawContent {
  dir: string;
  entries: RawEntry[];
  files: Partial<Record<keyof typeof fileCollections, RawFile>>;
  issues: ContentIssue[];
}

const fileIssue = (file: string, problem: { code: string; message: ContentIssue['message']; line?: number }): ContentIssue => ({
  file,
  line: problem.line,
  code: problem.code,
  message: problem.message,
});

const yamlIssue = (file: string, err: unknown): ContentIssue => {
  if (err instanceof YamlDataError) return { file, line: err.line, code: err.code, message: err.bilingual };
  // Not a YAML problem: a bug of ours, reported against the file rather than as a stack trace.
  const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  return { file, code: 'unreadable', message: unreadable(reason) };
};

/** gray-matter runs the engine its fence names; every engine but YAML refuses (the fence is checked before). */
const refuseEngine = (language: string) => () => {
  throw new YamlDataError(foreignFrontMatter(`---${language}`), 1, 'front_matter_language');
};
const MATTER_OPTIONS = {
  language: 'yaml',
  engines: {
    yaml: { parse: (text: string) => parseYamlData(text) as object },
    javascript: refuseEngine('javascript'),
    json: refuseEngine('json'),
    coffee: refuseEngine('coffee'),
    toml: refuseEngine('toml'),
  },
};

/** A folder of the content folder that is really there and is not a link to somewhere else. */
function collectionFolder(folder: string, issues: ContentIssue[]): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(folder);
  } catch {
    return false;
  }
  if (stat.isSymbolicLink() || !stat.isDirectory()) {
    issues.push(fileIssue(displayPath(folder), entryProblem(stat) ?? { code: 'not_a_folder', message: notAFolder() }));
    return false;
  }
  return true;
}

const isLink = (abs: string) => {
  try {
    return fs.lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
};

/**
 * Reads every content file under `dir` without judging it; unreadable files become issues. With a
 * parse cache (the build's), a file whose text was parsed before is not parsed again.
 */
export function loadRawContent(dir: string, cache?: ParseCache): RawContent {
  const result: RawContent = { dir, entries: [], files: {}, issues: missingFolderIssues(dir) };
  for (const [name, def] of Object.entries(fileCollections)) {
    const abs = path.join(dir, def.info.path);
    const file = displayPath(abs);
    if (!fs.existsSync(abs) && !isLink(abs)) {
      result.issues.push({ file, code: 'missing_file', message: missingFile() });
      continue;
    }
    const read = readContentText(abs, MAX_DATA_FILE_BYTES);
    if ('problem' in read) {
      result.issues.push(fileIssue(file, read.problem));
      continue;
    }
    try {
      result.files[name as keyof typeof fileCollections] = { path: abs, file, data: parseYamlData(read.text), source: read.text };
    } catch (err) {
      result.issues.push(yamlIssue(file, err));
    }
  }
  for (const collection of Object.keys(folderCollections) as FolderCollection[]) {
    const folder = collectionDir(dir, collection);
    if (!collectionFolder(folder, result.issues)) continue;
    for (const dirent of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const name = dirent.name;
      const abs = path.join(folder, name);
      const file = displayPath(abs);
      if (name.startsWith('.') || dirent.isDirectory()) continue;
      if (dirent.isSymbolicLink()) {
        result.issues.push(fileIssue(file, { code: 'symlink', message: symlink() }));
        continue;
      }
      if (!name.endsWith('.md')) {
        result.issues.push({ file, code: 'extension', message: notMarkdown() });
        continue;
      }
      const read = readContentText(abs, MAX_ENTRY_BYTES);
      if ('problem' in read) {
        result.issues.push(fileIssue(file, read.problem));
        continue;
      }
      const source = read.text;
      const fence = frontMatterFence(source);
      if (fence.kind === 'other') {
        result.issues.push({ file, line: 1, code: 'front_matter_language', message: foreignFrontMatter(fence.found) });
        continue;
      }
      const slug = name.slice(0, -3);
      try {
        // An options object also turns off gray-matter's cache, whose hits lack the front matter
        // text (and which would hold every file of a large site in memory).
        let parsed = cache?.get(source);
        if (!parsed) {
          const read = matter(source, MATTER_OPTIONS);
          const data = read.data && typeof read.data === 'object' && !Array.isArray(read.data) ? (read.data as Record<string, unknown>) : {};
          parsed = { data, body: read.content, frontMatter: read.matter };
          cache?.set(source, parsed);
        }
        // gray-matter's content is what follows the closing fence, so it ends the source.
        const bodyLine = source.slice(0, source.length - parsed.body.length).split('\n').length;
        result.entries.push({ collection, slug, path: abs, file, ...parsed, bodyLine });
      } catch (err) {
        result.issues.push(yamlIssue(file, err));
      }
    }
  }
  cache?.save();
  return result;
}

/** 1-based line of a top-level field in a Markdown file's front matter (after the opening `---`). */
export function lineOfField(frontMatter: string, key: string): number | undefined {
  const lines = frontMatter.split('\n');
  // gray-matter's `matter` starts with the newline after the opening fence.
  const offset = lines[0] === '' ? 1 : 2;
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  return i === -1 ? undefined : i + offset;
}
