import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.ts';
import {
  ADMIN_BASE,
  copyAdminBundle,
  ensureAdminBundle,
  findAdminBundle,
  inputsKey,
  type AdminBundle,
} from '../../src/tools/admin-bundle.ts';

/**
 * The admin bundle's cache, on a small stand-in for the CMS script (an entry with a dependency, a
 * lazily loaded chunk and a stylesheet imported with ?url, as src/cms/admin.ts has), built by the
 * real Vite in the real child process.
 */

let work: string;
let entry: string;
let cacheDir: string;

const write = (name: string, text: string) => fs.writeFileSync(path.join(work, name), text);
const ensure = () => ensureAdminBundle({ root: ROOT, entry, cacheDir });
const cacheNames = () => fs.readdirSync(cacheDir);

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-bundle-'));
  cacheDir = path.join(work, 'cache');
  entry = path.join(work, 'entry.ts');
  write(
    'entry.ts',
    [
      "import { greeting } from './dep.ts';",
      "import css from './style.css?url';",
      'document.title = `${greeting} ${css}`;',
      "document.body.onclick = async () => console.log((await import('./lazy.ts')).lazy);",
    ].join('\n'),
  );
  write('dep.ts', "export const greeting: string = 'hej';\n");
  write('lazy.ts', "export const lazy = 'loaded on the first click';\n");
  write('style.css', 'body { color: teal; }\n');
  write('unrelated.ts', 'export const nobodyImportsThis = 1;\n');
});

afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

const moduleNames = (bundle: AdminBundle) => bundle.modules.map((m) => path.basename(m));

describe('the admin bundle cache', () => {
  it('builds once, then reuses the bundle while none of its inputs changes', async () => {
    const first = await ensure();
    expect(first.built).toBe(true);
    expect(first.script).toMatch(new RegExp(`^${ADMIN_BASE}assets/admin\\.[\\w-]+\\.js$`));
    expect(first.files).toContain(first.script.slice(ADMIN_BASE.length));
    expect(first.files.some((f) => /^assets\/lazy\.[\w-]+\.js$/.test(f))).toBe(true);
    expect(first.files.some((f) => /^assets\/style\.[\w-]+\.css$/.test(f))).toBe(true);
    expect(moduleNames(first)).toEqual(['dep.ts', 'entry.ts', 'lazy.ts', 'style.css']);

    const again = await ensure();
    expect(again).toEqual({ ...first, built: false });
    expect(fs.readFileSync(path.join(again.dir, again.script.slice(ADMIN_BASE.length)), 'utf8')).toContain('hej');
  });

  it('rebuilds when a file the bundle holds changes (the lazy chunk too), not when a file beside it does', async () => {
    const first = await ensure();
    write('unrelated.ts', 'export const nobodyImportsThis = 2;\n');
    expect((await ensure()).built).toBe(false);

    write('lazy.ts', "export const lazy = 'changed';\n");
    const changed = await ensure();
    expect(changed.built).toBe(true);
    expect(changed.key).not.toBe(first.key);
    expect(changed.files.some((f) => fs.readFileSync(path.join(changed.dir, f), 'utf8').includes('changed'))).toBe(
      true,
    );

    // Both versions stay in the cache: switching back is a copy, not a build.
    write('lazy.ts', "export const lazy = 'loaded on the first click';\n");
    const back = await ensure();
    expect(back.built).toBe(false);
    expect(back.key).toBe(first.key);
  });

  it('rebuilds when a stylesheet imported with ?url changes', async () => {
    const first = await ensure();
    write('style.css', 'body { color: navy; }\n');
    const changed = await ensure();
    expect(changed.built).toBe(true);
    expect(changed.key).not.toBe(first.key);
  });

  it('finds nothing for inputs it has not built, and a cache entry missing a file is not used', async () => {
    expect(findAdminBundle({ root: ROOT, entry, cacheDir })).toBeUndefined();
    const first = await ensure();
    fs.rmSync(path.join(first.dir, first.script.slice(ADMIN_BASE.length)));
    const rebuilt = await ensure();
    expect(rebuilt.built).toBe(true);
    expect(fs.existsSync(path.join(rebuilt.dir, rebuilt.script.slice(ADMIN_BASE.length)))).toBe(true);
  });

  it('keys on the lockfile and the build code: changing either changes the key', () => {
    const root = path.join(work, 'project');
    fs.mkdirSync(path.join(root, 'src/tools'), { recursive: true });
    fs.writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    fs.writeFileSync(path.join(root, 'src/tools/admin-bundle.ts'), '// build options A');
    const before = inputsKey(root, entry);
    expect(inputsKey(root, entry)).toBe(before);
    fs.writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}');
    const lockChanged = inputsKey(root, entry);
    expect(lockChanged).not.toBe(before);
    fs.writeFileSync(path.join(root, 'src/tools/admin-bundle.ts'), '// build options B');
    expect(inputsKey(root, entry)).not.toBe(lockChanged);
  });

  it('builds once when several processes ask at the same time; the others wait and take it', async () => {
    const tool = path.join(ROOT, 'src/tools/admin-bundle.ts');
    const script = `import { ensureAdminBundle } from ${JSON.stringify(tool)};
const b = await ensureAdminBundle({ root: ${JSON.stringify(ROOT)}, entry: ${JSON.stringify(entry)}, cacheDir: ${JSON.stringify(cacheDir)} });
console.log(JSON.stringify({ key: b.key, built: b.built }));`;
    const run = () =>
      new Promise<{ key: string; built: boolean }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim())) : reject(new Error(err))));
      });
    const results = await Promise.all([run(), run(), run()]);
    expect(results.filter((r) => r.built)).toHaveLength(1);
    expect(new Set(results.map((r) => r.key)).size).toBe(1);
    // One complete entry, no temporary folder and no lock left behind.
    expect(cacheNames()).toEqual([results[0].key]);
  }, 60_000);

  it('takes over a lock left by a build that died', async () => {
    fs.mkdirSync(cacheDir, { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    fs.writeFileSync(path.join(cacheDir, '.lock'), String(dead));
    expect((await ensure()).built).toBe(true);
    expect(cacheNames()).not.toContain('.lock');
  });

  it('copies the bundle into the site under admin/assets/, replacing what an earlier build left there', async () => {
    const bundle = await ensure();
    const dist = path.join(work, 'dist');
    fs.mkdirSync(path.join(dist, 'admin/assets'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'admin/assets/entry.OLD.js'), '');
    fs.writeFileSync(path.join(dist, 'admin/index.html'), '<!doctype html>');
    copyAdminBundle(bundle, dist);
    const copied = fs.readdirSync(path.join(dist, 'admin/assets')).map((f) => `assets/${f}`);
    expect(copied.sort()).toEqual(bundle.files.filter((f) => f.startsWith('assets/')).sort());
    expect(fs.existsSync(path.join(dist, 'admin/index.html'))).toBe(true);
    expect(fs.existsSync(path.join(dist, bundle.script))).toBe(true);

    // Again into the same site (a rebuild): nothing is written, nothing goes missing.
    const script = path.join(dist, bundle.script);
    fs.utimesSync(script, new Date(0), new Date(0));
    copyAdminBundle(bundle, dist);
    expect(fs.statSync(script).mtimeMs).toBe(0);
    expect(fs.readdirSync(path.join(dist, 'admin/assets'))).toHaveLength(copied.length);
  });

  it('fails with the entry named and Vite’s message when the script does not build', async () => {
    write('entry.ts', "import { missing } from './nowhere.ts';\nconsole.log(missing);\n");
    await expect(ensure()).rejects.toThrow(/entry\.ts.*did not build[\s\S]*nowhere/);
    expect(cacheNames().filter((n) => n !== '.lock' && !n.startsWith('.tmp-'))).toEqual([]);
    expect(cacheNames()).not.toContain('.lock');
  });
});
