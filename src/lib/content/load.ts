import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import { fileCollections, folderCollections, type FolderCollection } from '../../schemas/index.ts';
import { displayPath } from './paths.ts';
import type { ContentIssue } from './issues.ts';

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

const yamlIssue = (file: string, err: unknown): ContentIssue => {
  const e = err as { mark?: { line?: number }; linePos?: { line: number }[]; reason?: string; message?: string };
  const line = e.mark?.line !== undefined ? e.mark.line + 1 : e.linePos?.[0]?.line;
  const reason = (e.reason ?? e.message ?? String(err)).split('\n')[0];
  return {
    file,
    line,
    code: 'yaml',
    message: {
      en: `the YAML cannot be read (${reason}); check indentation, colons and quotes around values that contain ": "`,
      da: `YAML'en kan ikke læses (${reason}); tjek indrykning, koloner og anførselstegn om værdier med ": "`,
    },
  };
};

/** Reads every content file under `dir` without judging it; unreadable files become issues. */
export function loadRawContent(dir: string): RawContent {
  const result: RawContent = { dir, entries: [], files: {}, issues: [] };
  for (const [name, def] of Object.entries(fileCollections)) {
    const abs = path.join(dir, def.info.path);
    const file = displayPath(abs);
    if (!fs.existsSync(abs)) {
      result.issues.push({
        file,
        code: 'missing_file',
        message: { en: `this file is missing; the site needs it`, da: `filen mangler; sitet har brug for den` },
      });
      continue;
    }
    const source = fs.readFileSync(abs, 'utf8');
    try {
      result.files[name as keyof typeof fileCollections] = { path: abs, file, data: YAML.parse(source), source };
    } catch (err) {
      result.issues.push(yamlIssue(file, err));
    }
  }
  for (const [collection, def] of Object.entries(folderCollections) as [FolderCollection, (typeof folderCollections)[FolderCollection]][]) {
    const folder = path.join(dir, def.info.path);
    if (!fs.existsSync(folder)) continue;
    for (const name of fs.readdirSync(folder).sort()) {
      const abs = path.join(folder, name);
      const file = displayPath(abs);
      if (name.startsWith('.') || fs.statSync(abs).isDirectory()) continue;
      if (!name.endsWith('.md')) {
        result.issues.push({
          file,
          code: 'extension',
          message: {
            en: `only Markdown files ending in .md belong here (MDX and other formats are not accepted); rename or move it`,
            da: `her hører kun Markdown-filer med endelsen .md hjemme (MDX og andre formater accepteres ikke); omdøb eller flyt filen`,
          },
        });
        continue;
      }
      const source = fs.readFileSync(abs, 'utf8');
      const slug = name.slice(0, -3);
      try {
        // An options object turns off gray-matter's cache, whose hits lack the front matter text
        // (and which would hold every file of a large site in memory).
        const parsed = matter(source, {});
        const data = parsed.data && typeof parsed.data === 'object' ? (parsed.data as Record<string, unknown>) : {};
        // gray-matter's content is what follows the closing fence, so it ends the source.
        const bodyLine = source.slice(0, source.length - parsed.content.length).split('\n').length;
        result.entries.push({ collection, slug, path: abs, file, data, body: parsed.content, frontMatter: parsed.matter, bodyLine });
      } catch (err) {
        result.issues.push(yamlIssue(file, err));
      }
    }
  }
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
