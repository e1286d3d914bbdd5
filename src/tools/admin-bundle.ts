import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../lib/files-under.ts';

/**
 * The CMS admin script (Decap, about 5.5 MB), built once by Vite and kept in a cache folder until
 * one of its inputs changes, instead of being bundled by every content build.
 *
 * A cache entry is a folder named by its key, holding `assets/…` (the files the site serves under
 * `/admin/assets/`) and `bundle.json`. The key covers:
 * - the project files the bundle was built from: every file Vite loaded for it outside
 *   node_modules, with the hash of its bytes (so a new import changes the file that imports it);
 * - what decides how node_modules is bundled: package-lock.json and npm's record of the installed
 *   tree (node_modules/.package-lock.json), tsconfig.json, the entry, the base URL, and the code
 *   that configures the build (this file and the source-map plugin).
 *
 * A lookup hashes only the files the newest entries list (about 60): milliseconds. A build runs in
 * a child process (Decap's bundle takes about 700 MiB there, returned when it ends), under a lock
 * file so that parallel builds wait for one build instead of making three, into a temporary
 * folder that is renamed into place when complete.
 */

export const ADMIN_BASE = '/admin/';
/** Where the site serves the bundle; the `/admin/*` header rule (Decap's CSP) covers it. */
export const ADMIN_ASSETS_DIR = 'admin/assets';
/** Bump when a cache entry's layout changes, so old entries no longer match. */
const FORMAT = 1;
/** Entries kept after a build; older ones are removed. */
const KEEP = 4;
const RECORD = 'bundle.json';
const LOCK = '.lock';
/** A lock older than this is taken as left by a build that died. */
const STALE_LOCK_MS = 15 * 60_000;

export interface AdminBundleOptions {
  /** The project: node_modules, package-lock.json and this tool are found here; Vite's root. */
  root: string;
  /** The script to bundle (absolute or relative to root); default src/cms/admin.ts. */
  entry?: string;
  /** The cache folder; default ADMIN_BUNDLE_CACHE, else node_modules/.cache/mikronet-admin. */
  cacheDir?: string;
  /** Progress lines (a build takes seconds). */
  log?: (line: string) => void;
}

export interface AdminBundle {
  key: string;
  /** The cache entry; its files are under `assets/`. */
  dir: string;
  /** URL of the entry script, e.g. /admin/assets/admin.Ab12Cd.js */
  script: string;
  /** Every file of the bundle, relative to dir (`assets/…`). */
  files: string[];
  /** Project files it was built from (relative to root, `/`-separated). */
  modules: string[];
  /** Built by this call (false: taken from the cache). */
  built: boolean;
}

interface BundleRecord {
  format: number;
  inputs: string;
  key: string;
  script: string;
  files: string[];
  /** project file → sha256 of its bytes when it was bundled */
  modules: Record<string, string>;
}

/** The default cache folder: shared by every content build of this checkout (see README of the section). */
export function adminCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.ADMIN_BUNDLE_CACHE
    ? path.resolve(env.ADMIN_BUNDLE_CACHE)
    : path.join(root, 'node_modules/.cache/mikronet-admin');
}

const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');

function hashFile(file: string): string | undefined {
  try {
    return sha256(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

const toPosix = (p: string) => p.split(path.sep).join('/');

function resolved(options: AdminBundleOptions) {
  const root = path.resolve(options.root);
  return {
    root,
    entry: path.resolve(root, options.entry ?? 'src/cms/admin.ts'),
    cacheDir: options.cacheDir ? path.resolve(options.cacheDir) : adminCacheDir(root),
    log: options.log ?? (() => {}),
  };
}

/** The inputs that are not project source files: dependencies, compiler settings, build options. */
export function inputsKey(root: string, entry: string): string {
  const files = [
    'package-lock.json',
    'node_modules/.package-lock.json',
    'tsconfig.json',
    'src/tools/admin-bundle.ts',
    'src/integrations/strip-inline-source-maps.ts',
  ];
  const parts = [`format ${FORMAT}`, `base ${ADMIN_BASE}`, `entry ${toPosix(path.relative(root, entry))}`];
  for (const f of files) parts.push(`${f} ${hashFile(path.join(root, f)) ?? 'missing'}`);
  return sha256(parts.join('\n'));
}

function bundleKey(inputs: string, modules: Record<string, string>): string {
  const lines = Object.keys(modules)
    .sort()
    .map((m) => `${m} ${modules[m]}`);
  return sha256([inputs, ...lines].join('\n'));
}

function readRecord(dir: string): BundleRecord | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(path.join(dir, RECORD), 'utf8')) as BundleRecord;
    return record.format === FORMAT && typeof record.key === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

function asBundle(dir: string, record: BundleRecord, built: boolean): AdminBundle {
  return {
    key: record.key,
    dir,
    script: record.script,
    files: record.files,
    modules: Object.keys(record.modules).sort(),
    built,
  };
}

/** Complete entries (those with a record), newest use first. */
function entries(cacheDir: string): { dir: string; record: BundleRecord; used: number }[] {
  let names: string[];
  try {
    names = fs.readdirSync(cacheDir);
  } catch {
    return [];
  }
  const found = [];
  for (const name of names) {
    if (!/^[0-9a-f]{64}$/.test(name)) continue;
    const dir = path.join(cacheDir, name);
    const record = readRecord(dir);
    if (record?.key !== name) continue;
    found.push({ dir, record, used: fs.statSync(path.join(dir, RECORD)).mtimeMs });
  }
  return found.sort((a, b) => b.used - a.used);
}

/**
 * The cached bundle whose inputs are those on disk now, or undefined. Marks it as used, so
 * pruning keeps it.
 */
export function findAdminBundle(options: AdminBundleOptions): AdminBundle | undefined {
  const { root, entry, cacheDir } = resolved(options);
  const inputs = inputsKey(root, entry);
  const hashes = new Map<string, string | undefined>();
  const hashOf = (m: string) => {
    if (!hashes.has(m)) hashes.set(m, hashFile(path.resolve(root, m)));
    return hashes.get(m);
  };
  for (const { dir, record } of entries(cacheDir)) {
    if (record.inputs !== inputs) continue;
    if (!Object.entries(record.modules).every(([m, hash]) => hashOf(m) === hash)) continue;
    if (!record.files.every((f) => fs.existsSync(path.join(dir, f)))) continue;
    const now = new Date();
    fs.utimesSync(path.join(dir, RECORD), now, now);
    return asBundle(dir, record, false);
  }
  return undefined;
}

/**
 * The bundle for the inputs on disk: from the cache, or built (in a child process) and cached.
 * Safe to call from several processes at once: one builds, the others wait for it.
 */
export async function ensureAdminBundle(options: AdminBundleOptions): Promise<AdminBundle> {
  const found = findAdminBundle(options);
  if (found) return found;
  const { cacheDir, log } = resolved(options);
  fs.mkdirSync(cacheDir, { recursive: true });
  const release = await acquireLock(path.join(cacheDir, LOCK), log);
  try {
    // Another process may have built it while this one waited.
    const meanwhile = findAdminBundle(options);
    if (meanwhile) return meanwhile;
    const bundle = await buildInChild(options);
    prune(cacheDir, bundle.key);
    return bundle;
  } finally {
    release();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function lockIsStale(file: string): boolean {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (Date.now() - fs.statSync(file).mtimeMs > STALE_LOCK_MS) return true;
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // ESRCH: no such process (the holder died); ENOENT: the lock is already gone.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function acquireLock(file: string, log: (line: string) => void): Promise<() => void> {
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (lockIsStale(file)) {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (!told) log('waiting for another build of the admin bundle');
    told = true;
    await sleep(250);
  }
}

/** Removes all but the newest entries, and temporary folders no build is writing into any more. */
function prune(cacheDir: string, keep: string) {
  const complete = entries(cacheDir);
  for (const { dir, record } of complete.slice(KEEP)) {
    if (record.key !== keep) removeDir(cacheDir, dir);
  }
  for (const name of fs.readdirSync(cacheDir)) {
    if (!name.startsWith('.tmp-')) continue;
    const dir = path.join(cacheDir, name);
    if (Date.now() - fs.statSync(dir).mtimeMs > STALE_LOCK_MS) removeDir(cacheDir, dir);
  }
}

/** Renamed away first, so no reader ever sees half an entry. */
function removeDir(cacheDir: string, dir: string) {
  const trash = path.join(cacheDir, `.tmp-trash-${crypto.randomBytes(6).toString('hex')}`);
  try {
    fs.renameSync(dir, trash);
    fs.rmSync(trash, { recursive: true, force: true });
  } catch {
    // Another process removed it first.
  }
}

function buildInChild(options: AdminBundleOptions): Promise<AdminBundle> {
  const { root, entry, cacheDir, log } = resolved(options);
  const tool = path.join(root, 'src/tools/admin-bundle.ts');
  log('building the admin bundle (Decap CMS)…');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tool, root, entry, cacheDir], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`The admin bundle (${entry}) did not build — admin-bundtet blev ikke bygget:\n${err || out}`));
        return;
      }
      for (const line of err.trim().split('\n')) if (line) log(line);
      const bundle = JSON.parse(last) as AdminBundle;
      log(`built the admin bundle in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      resolve(bundle);
    });
  });
}

/** Builds the bundle with Vite into a temporary folder and renames it into the cache. In-process. */
export async function buildAdminBundle(options: AdminBundleOptions): Promise<AdminBundle> {
  const { root, entry, cacheDir } = resolved(options);
  const inputs = inputsKey(root, entry);
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(cacheDir, '.tmp-'));
  try {
    const { build } = await import('vite');
    const { stripInlineSourceMaps } = await import('../integrations/strip-inline-source-maps.ts');
    // Project files Vite loads, hashed as they are read: the key then matches what was bundled even
    // if a file is saved again during the build.
    const loaded = new Map<string, string>();
    const recordInputs = {
      name: 'mikronet:admin-bundle-inputs',
      enforce: 'pre' as const,
      load(id: string) {
        const file = id.split('?')[0];
        if (!path.isAbsolute(file) || file.includes(`${path.sep}node_modules${path.sep}`)) return null;
        const hash = hashFile(file);
        if (hash) loaded.set(toPosix(path.relative(root, file)), hash);
        return null;
      },
    };
    const result = await build({
      configFile: false,
      root,
      base: ADMIN_BASE,
      mode: 'production',
      publicDir: false,
      logLevel: 'warn',
      plugins: [recordInputs, stripInlineSourceMaps()],
      build: {
        outDir: tmp,
        emptyOutDir: false,
        assetsDir: 'assets',
        copyPublicDir: false,
        reportCompressedSize: false,
        // Decap is one chunk of about 5 MB, loaded by /admin/ only.
        chunkSizeWarningLimit: 6000,
        rolldownOptions: {
          input: { admin: entry },
          output: {
            entryFileNames: 'assets/[name].[hash].js',
            chunkFileNames: 'assets/[name].[hash].js',
            assetFileNames: 'assets/[name].[hash][extname]',
          },
          // Decap's dependencies use eval and "use client"; not ours to change, and harmless here.
          onLog(level, log, handler) {
            const fromDependency = /node_modules/.test(`${log.id ?? ''} ${log.message ?? ''}`);
            if (level === 'warn' && fromDependency && (log.code === 'EVAL' || log.code === 'MODULE_LEVEL_DIRECTIVE'))
              return;
            handler(level, log);
          },
        },
      },
    });
    const outputs = Array.isArray(result) ? result.flatMap((r) => r.output) : 'output' in result ? result.output : [];
    const main = outputs.find((o) => o.type === 'chunk' && o.isEntry);
    if (!main) throw new Error(`Vite emitted no entry chunk for ${entry}`);
    const files = filesUnder(tmp);
    const record: BundleRecord = {
      format: FORMAT,
      inputs,
      key: '',
      script: ADMIN_BASE + main.fileName,
      files,
      modules: Object.fromEntries([...loaded].sort(([a], [b]) => a.localeCompare(b))),
    };
    record.key = bundleKey(inputs, record.modules);
    fs.writeFileSync(path.join(tmp, RECORD), `${JSON.stringify(record, null, 2)}\n`);
    const dir = path.join(cacheDir, record.key);
    // An entry of the same key is there only when it has lost a file (a lookup would have found it
    // otherwise): replace it.
    if (fs.existsSync(dir)) removeDir(cacheDir, dir);
    fs.renameSync(tmp, dir);
    return asBundle(dir, record, true);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Puts the bundle into a built site at `admin/assets/`. A file already there under the same name is
 * the same file (the names carry a hash of the content), so only missing files are copied and an
 * earlier bundle's files removed: a rebuild with the same bundle copies nothing, and a site being
 * served meanwhile (npm start) is never without its script.
 */
export function copyAdminBundle(bundle: AdminBundle, outDir: string): void {
  const target = path.join(outDir, ADMIN_ASSETS_DIR);
  fs.mkdirSync(target, { recursive: true });
  const wanted = new Set(bundle.files.filter((f) => f.startsWith('assets/')).map((f) => f.slice('assets/'.length)));
  const present = new Set(fs.readdirSync(target));
  for (const name of wanted) {
    const from = path.join(bundle.dir, 'assets', name);
    const to = path.join(target, name);
    // The size too: a copy cut short by a crash is copied again.
    if (present.has(name) && fs.statSync(to).size === fs.statSync(from).size) continue;
    fs.copyFileSync(from, to);
  }
  for (const name of present)
    if (!wanted.has(name)) fs.rmSync(path.join(target, name), { recursive: true, force: true });
}

// Run as a child process by ensureAdminBundle: node src/tools/admin-bundle.ts ROOT ENTRY CACHE_DIR
if (import.meta.main) {
  const [root, entry, cacheDir] = process.argv.slice(2);
  const bundle = await buildAdminBundle({ root, entry, cacheDir });
  process.stdout.write(`${JSON.stringify(bundle)}\n`);
}
