import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { SiteServer } from './static-server.ts';

/**
 * Live publishing for `npm start`: watch the folders the site is built from, build again after a
 * change (debounced, one build at a time), and serve only complete builds.
 *
 * The build writes into its own folder (OUT_DIR, so Astro's incremental build finds its previous
 * output there). While it runs, the server serves a mirror of the last complete build; when it
 * succeeds, the server switches back to the build folder and the mirror is brought up to date in
 * the background (only the files that changed are copied). A failed build leaves the mirror
 * served, so a visitor never gets a half-written or broken site.
 */

/** What the CMS asks for after a save (GET /api/v1/live on the local CMS server). */
export interface LiveStatus {
  /** `building` also while a change waits for its build (the debounce). */
  state: 'idle' | 'building' | 'failed';
  /** Number of the latest change seen (a save through the CMS, or a file changed on disk). */
  changed: number;
  /** The latest change the served site includes. */
  published: number;
  /** The latest change a failed build covered; the problems are that build's. */
  failed: number;
  problems: string[];
  /** When the served site was last updated (ISO time), if it was while running. */
  publishedAt?: string;
}

export interface BuildResult {
  ok: boolean;
  /** Why it failed, one problem a line, as the terminal showed them. */
  problems: string[];
}

export interface BuildQueue {
  /** Records a change and schedules a build; returns the change's number. */
  change(): number;
  status(): LiveStatus;
  /** Resolves when no build is waiting or running. */
  settled(): Promise<void>;
  stop(): void;
}

/**
 * One build at a time: a change during a build schedules one more, and changes that come in a
 * burst (a save writes an entry and its pictures) wait `debounceMs` for each other.
 */
export function buildQueue(options: {
  build: () => Promise<BuildResult>;
  debounceMs: number;
  now?: () => Date;
}): BuildQueue {
  const now = options.now ?? (() => new Date());
  let changed = 0;
  let published = 0;
  let failed = 0;
  let problems: string[] = [];
  let publishedAt: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const waiting: (() => void)[] = [];

  const settle = () => {
    if (timer || running) return;
    for (const resolve of waiting.splice(0)) resolve();
  };
  const run = () => {
    const covers = changed;
    running = options
      .build()
      .catch((err: unknown): BuildResult => ({
        ok: false,
        problems: [String(err instanceof Error ? err.message : err)],
      }))
      .then((result) => {
        if (result.ok) {
          published = covers;
          publishedAt = now().toISOString();
          if (failed <= covers) problems = [];
        } else {
          failed = covers;
          problems = result.problems;
        }
        running = undefined;
        if (again && !stopped) {
          again = false;
          run();
        }
        settle();
      });
  };
  const kick = () => {
    timer = undefined;
    if (stopped) return settle();
    if (running) again = true;
    else run();
  };
  return {
    change() {
      changed++;
      if (timer) clearTimeout(timer);
      if (!stopped) timer = setTimeout(kick, options.debounceMs);
      return changed;
    },
    status() {
      const busy = Boolean(timer || running);
      const state = busy ? 'building' : failed > published ? 'failed' : 'idle';
      return { state, changed, published, failed, problems, ...(publishedAt ? { publishedAt } : {}) };
    },
    settled() {
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        settle();
      });
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      settle();
    },
  };
}

/** Names editors' tools and git leave for a moment (swap files, lock files, partial writes). */
const IGNORED = /(^|[\\/])(\.[^\\/]*|[^\\/]*~|[^\\/]*\.(swp|swx|tmp|crdownload))$/;

/**
 * Calls `onChange` for every change under the folders (recursively), except in hidden files and
 * editors' temporary files. A folder that does not exist is skipped.
 *
 * Each folder is watched on its own (inotify on Linux), not with `fs.watch`'s recursive mode:
 * on Linux that mode watches the files themselves and loses a file that is replaced rather than
 * written in place (editors' atomic saves, `sed -i`, `git checkout`). A folder's own watch sees
 * every change of its entries. New subfolders are watched as they appear.
 */
export function watchFolders(
  dirs: string[],
  onChange: (file: string) => void,
  onError: (dir: string, err: Error) => void = () => {},
): { close(): void } {
  const watchers = new Map<string, fs.FSWatcher>();
  let closed = false;
  const add = (dir: string) => {
    if (closed || watchers.has(dir)) return;
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(dir);
    } catch {
      return;
    }
    // A link is not followed: the CMS and the check never follow one either.
    if (!stat.isDirectory()) return;
    try {
      const watcher = fs.watch(dir, (_event, name) => {
        const file = name ? path.join(dir, name.toString()) : dir;
        if (name && IGNORED.test(name.toString())) return;
        if (!fs.existsSync(dir)) {
          watchers.get(dir)?.close();
          watchers.delete(dir);
        } else if (file !== dir) add(file);
        onChange(file);
      });
      watcher.on('error', (err) => onError(dir, err));
      watchers.set(dir, watcher);
    } catch (err) {
      onError(dir, err as Error);
      return;
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory() && !entry.name.startsWith('.')) add(path.join(dir, entry.name));
  };
  for (const dir of new Set(dirs.map((d) => path.resolve(d)))) add(dir);
  return {
    close() {
      closed = true;
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

/**
 * Makes `to` hold what `from` holds: files that differ in size or modification time are copied
 * (to a temporary name, then renamed: each file is whole at every moment), files `from` lacks
 * are removed. Returns how many files were copied and removed.
 */
export async function mirrorFolder(from: string, to: string): Promise<{ copied: number; removed: number }> {
  let copied = 0;
  let removed = 0;
  const walk = async (rel: string) => {
    const src = path.join(from, rel);
    const dst = path.join(to, rel);
    await fsp.mkdir(dst, { recursive: true });
    const [have, want] = await Promise.all([
      fsp.readdir(dst, { withFileTypes: true }).catch(() => [] as fs.Dirent[]),
      fsp.readdir(src, { withFileTypes: true }),
    ]);
    const wanted = new Set(want.map((e) => e.name));
    for (const entry of have) {
      if (wanted.has(entry.name)) continue;
      await fsp.rm(path.join(dst, entry.name), { recursive: true, force: true });
      removed++;
    }
    for (const entry of want) {
      const name = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        await walk(name);
        continue;
      }
      if (!entry.isFile()) continue;
      const a = await fsp.stat(path.join(from, name));
      const b = await fsp.lstat(path.join(to, name)).catch(() => undefined);
      if (b?.isDirectory()) await fsp.rm(path.join(to, name), { recursive: true });
      else if (b && b.isFile() && b.size === a.size && sameTime(a.mtimeMs, b.mtimeMs)) continue;
      const temporary = path.join(to, `${name}.mirror-${process.pid}`);
      await fsp.copyFile(path.join(from, name), temporary, fs.constants.COPYFILE_FICLONE);
      await fsp.utimes(temporary, a.atimeMs / 1000, a.mtimeMs / 1000);
      await fsp.rename(temporary, path.join(to, name));
      copied++;
    }
  };
  await walk('');
  return { copied, removed };
}

// utimes keeps less than the nanoseconds stat reports.
const sameTime = (a: number, b: number) => Math.abs(a - b) < 0.001;

/** The build's output lines that say why it failed: the content check's problems, else the error. */
export function buildProblems(output: string): string[] {
  // Astro's logger colours its output; the CMS shows plain text.
  // eslint-disable-next-line no-control-regex
  const lines = output.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const checked = lines
    .filter((l) => /\[mikronet:content-check\]/.test(l) && !/problem\(s\) stop the build/.test(l))
    .map((l) => l.replace(/^.*?\[mikronet:content-check\]\s*/, '').trim())
    .filter(Boolean);
  if (checked.length) return checked.slice(0, 50);
  const errors = lines.filter((l) => /error/i.test(l)).map((l) => l.trim());
  return (errors.length ? errors : lines.filter((l) => l.trim()).slice(-5)).slice(0, 20);
}

/** Runs `node <args>` in `cwd`; its output goes to `echo` and is returned. */
export function runBuild(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; echo?: (chunk: string) => void },
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const take = (d: Buffer) => {
      const text = d.toString('utf8');
      output += text;
      options.echo?.(text);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (err) => resolve({ code: 1, output: `${output}\n${err.message}` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

export interface LiveSiteOptions {
  /** The server of the site; it serves `buildDir` when this starts. */
  server: SiteServer;
  /** Where each build writes (OUT_DIR). */
  buildDir: string;
  /** Where the last complete build is mirrored, to be served while the next one runs. */
  mirrorDir: string;
  /** The folders whose changes the site shows (content, the wiki's folder, the media folder). */
  watch: string[];
  /** Runs one build into `buildDir`. */
  build: () => Promise<BuildResult>;
  debounceMs?: number;
  log?: (line: string) => void;
}

export interface LiveSite {
  /** Records a change (the CMS calls this after a save, before it answers). */
  changed(): number;
  status(): LiveStatus;
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** Watches, builds and switches what the server serves (see above). */
export async function startLiveSite(options: LiveSiteOptions): Promise<LiveSite> {
  const log = options.log ?? (() => {});
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  // The mirror is made in the background; a build waits for it before it writes.
  let mirrored: Promise<unknown> = mirrorFolder(options.buildDir, options.mirrorDir);
  const queue = buildQueue({
    debounceMs: options.debounceMs ?? 150,
    build: async () => {
      await mirrored.catch(() => undefined);
      await options.server.switchTo(options.mirrorDir);
      log('building the site again … — bygger sitet igen …');
      const started = Date.now();
      const result = await options.build();
      if (!result.ok) {
        log(
          `the build failed; the site still shows the previous build (${seconds(Date.now() - started)}) — bygningen fejlede; sitet viser stadig den forrige:\n  ${result.problems.join('\n  ')}`,
        );
        return result;
      }
      await options.server.switchTo(options.buildDir);
      log(`the site is updated (${seconds(Date.now() - started)}) — sitet er opdateret`);
      mirrored = mirrorFolder(options.buildDir, options.mirrorDir);
      return result;
    },
  });
  const watcher = watchFolders(
    options.watch,
    () => queue.change(),
    (dir, err) => log(`${dir} is no longer watched: ${err.message} — ${dir} overvåges ikke længere`),
  );
  return {
    changed: () => queue.change(),
    status: () => queue.status(),
    settled: () => queue.settled(),
    async close() {
      watcher.close();
      queue.stop();
      await queue.settled();
      await mirrored.catch(() => undefined);
    },
  };
}
