import { execFile } from 'node:child_process';

/**
 * When the files of one content folder entered the repository, from ONE `git log` over the
 * folder (not one per file: 10,000 members). The folder may not be a git repository at all (a
 * copy, a tarball) or a shallow clone (Netlify's default): then there is no history, or only the
 * commits since the clone's boundary, and a file first seen in a boundary commit has no known
 * date (the caller falls back to the entry's own dates).
 *
 * git runs with execFile and a fixed argument list (nothing from content ever becomes an
 * argument; the folder comes from the environment), a timeout and a bounded output; textconv,
 * external diff and fsmonitor are off, so a repository's own config cannot make the log run
 * programs.
 */

export interface FileHistory {
  /** When the file was first added (the oldest add still in its history), if a real commit says so. */
  added?: Date;
  /** Dates of the commits that touched the file (with `pickaxe`: only those whose change matched it), oldest first. */
  changed: Date[];
}

export interface FolderHistory {
  /** File name relative to the folder (`anne-lund.md`) → its history. Files never committed are absent. */
  files: Map<string, FileHistory>;
  /** The repository is a shallow clone: dates of files first seen at its boundary are unknown. */
  shallow: boolean;
}

/** Bounds of one log: enough for 100,000 files with a long history; beyond that the history is not used. */
const TIMEOUT_MS = 60_000;
const MAX_BYTES = 256 * 1024 * 1024;

const SAFE = ['-c', 'core.fsmonitor=false', '-c', 'core.quotepath=off', '--no-pager'];

function run(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      'git',
      [...SAFE, ...args],
      { cwd, timeout: TIMEOUT_MS, maxBuffer: MAX_BYTES, encoding: 'utf8', env: { ...process.env, GIT_PAGER: 'cat' } },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
  });
}

const RECORD = '\x1e';
const FIELD = '\x1f';

/**
 * Reads `git log --name-status` output made with the format `%x1e%ct%x1f%P`: records newest
 * first, each a commit time, its parents, then `A\tfile` lines. Pure, for tests.
 */
export function parseLog(text: string, shallow: boolean): Map<string, FileHistory> {
  const commits = text
    .split(RECORD)
    .filter((r) => r.trim())
    .map((record) => {
      const [head, ...lines] = record.split('\n');
      const [time, parents] = head!.split(FIELD);
      return {
        date: new Date(Number(time) * 1000),
        root: !parents?.trim(),
        changes: lines
          .map((l) => l.split('\t'))
          .filter((p) => p.length >= 2 && /^[AMDT]$/.test(p[0]!))
          .map(([status, file]) => ({ status: status!, file: file! })),
      };
    })
    .filter((c) => Number.isFinite(c.date.getTime()))
    .reverse();
  const files = new Map<string, FileHistory>();
  for (const commit of commits) {
    for (const { status, file } of commit.changes) {
      // A deleted file's history ends; a file added again later starts a new one.
      if (status === 'D') {
        files.delete(file);
        continue;
      }
      let history = files.get(file);
      if (!history) {
        history = { changed: [] };
        files.set(file, history);
        // In a shallow clone the boundary commit looks like a root and "adds" every file it has.
        if (status === 'A' && !(shallow && commit.root)) history.added = commit.date;
      }
      history.changed.push(commit.date);
    }
  }
  return files;
}

/**
 * The history of the files directly in `folder` (`*.md`), or undefined when the folder is not in
 * a git repository or git is missing. `pickaxe` keeps only commits whose change adds or removes a
 * line matching the regular expression (a fixed string from our code, never from content).
 */
export async function folderHistory(folder: string, pickaxe?: string): Promise<FolderHistory | undefined> {
  const inside = await run(folder, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository']);
  if (!inside || !inside.startsWith('true')) return undefined;
  const shallow = inside.split('\n')[1]?.trim() === 'true';
  const log = await run(folder, [
    'log',
    '--no-renames',
    '--no-textconv',
    '--no-ext-diff',
    '--relative',
    '--name-status',
    `--format=${RECORD}%ct${FIELD}%P`,
    ...(pickaxe ? [`-G${pickaxe}`] : []),
    '--',
    '*.md',
  ]);
  if (log === undefined) return undefined;
  const all = parseLog(log, shallow);
  // Only the folder's own files (the pathspec also matches files in subfolders).
  return { files: new Map([...all].filter(([file]) => !file.includes('/'))), shallow };
}
