import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every command-line tool that takes input, run in its own process with what a careless or
 * hostile user could give it: it ends with exit 1 (bad input) or 2 (bad call) and a message in
 * English and Danish, never with a stack trace. The content check's handling of bad content
 * files is tested with the check (tests/unit/check.test.ts); here only how it is called.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
/** A line of a Node stack trace: "    at main (file:///…/x.ts:12:3)". */
const STACK_FRAME = /^\s+at .+[:(]/;
const LONG = 'a'.repeat(300);

let work: string;
let content: string;

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function run(script: string, args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
    cwd: work,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, CONTENT_DIR: content, DEBUG: '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Exit 1 or 2 (the one expected), something said in both languages, no stack frame anywhere. */
function expectClearRefusal(r: Run, code: 1 | 2, message?: RegExp) {
  const output = `${r.out}\n${r.err}`;
  for (const line of output.split('\n')) expect(line).not.toMatch(STACK_FRAME);
  expect(r.code, output).toBe(code);
  const first = r.err.trim().split('\n')[0];
  expect(first).toMatch(/\S.* — \S/);
  if (message) expect(first).toMatch(message);
}

const at = (name: string) => path.join(work, name);

beforeAll(() => {
  work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-hostile-')));
  content = at('content');
  fs.cpSync(path.join(ROOT, 'tests/fixtures/contrib/site'), content, { recursive: true });
  fs.mkdirSync(at('mappe.csv'));
  // Bytes of every value, NUL included: what a picture or a program looks like to a text reader.
  fs.writeFileSync(at('binaer.csv'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  fs.writeFileSync(at('stor.csv'), Buffer.alloc(6 * 1024 * 1024, 'Navn;Kommune\n'));
  fs.writeFileSync(at('tom.csv'), '');
  fs.symlinkSync('/etc/passwd', at('passwd.csv'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('npm run check, called wrongly', () => {
  it.each([
    ['an unknown option', ['--nope'], /^Unknown option "--nope" — ukendt tilvalg/],
    ['an unknown format', ['--format', 'xml'], /^--format must be text, json or github, not "xml"/],
    ['an impossible --today', ['--today', '2026-02-30'], /^--today must be a date/],
    ['--today without a value', ['--today'], /^--today needs a value/],
    ['a folder that does not exist', ['findes-ikke'], /findes-ikke: no such folder/],
    ['a file where the folder should be', ['binaer.csv'], /binaer\.csv: no such folder/],
    ['a 300-character folder name', [LONG], /no such folder/],
    ['an empty folder name', [''], /^The folder name is empty/],
    ['two folders', ['content', 'content'], /^Give at most one folder/],
    ['--changed without files', ['--changed'], /^--changed needs at least one file/],
    ['--base and --changed together', ['--base', 'main', '--changed', 'x.md'], /^Give --base or --changed, not both/],
  ])('%s: exit 2 with the help', (_, args, message) => {
    const r = run('check.ts', args);
    expectClearRefusal(r, 2, message);
    expect(r.err).toContain('Usage: npm run check');
  });
});

describe('npm run new', () => {
  it.each([
    ['no arguments', [], /^Unknown or missing type/],
    ['an unknown option', ['wiki', 'X', '--nope'], /^Unknown option "--nope"/],
    ['a type that is a property of every object', ['constructor', 'X'], /^Unknown or missing type "constructor"/],
    ['an empty name', ['wiki', ''], /^Give a name/],
    ['a name without letters or digits', ['wiki', '!!! ---'], /gives no file name/],
    ['a name only in another script', ['wiki', '日本語'], /gives no file name/],
    ['--today that is not a date', ['wiki', 'X', '--today', 'i morgen'], /^--today must be a date/],
    ['--dry-run with a value', ['wiki', 'X', '--dry-run=ja'], /^--dry-run takes no value/],
  ])('%s: exit 2', (_, args, message) => {
    expectClearRefusal(run('new.ts', args), 2, message);
  });

  it('a 300-character name: a file name of at most 80 characters, exit 0', () => {
    const r = run('new.ts', ['post', LONG, '--today', '2026-11-24']);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(content, 'blog', `${'a'.repeat(80)}.md`))).toBe(true);
  });

  it('a content folder that is a file: exit 1 naming the path', () => {
    expectClearRefusal(
      run('new.ts', ['wiki', 'X'], { CONTENT_DIR: at('binaer.csv') }),
      1,
      /binaer\.csv\/wiki: part of this path is a file, not a folder/,
    );
  });

  it('a content folder whose name is too long for the file system: exit 1', () => {
    expectClearRefusal(
      run('new.ts', ['wiki', 'X'], { CONTENT_DIR: at(LONG) }),
      1,
      /the name or path is too long for the file system/,
    );
  });
});

describe('npm run members:import', () => {
  it.each([
    ['no file', [], /^Give one CSV file/],
    ['two files', ['tom.csv', 'tom.csv'], /^Give one CSV file/],
    ['an empty file name', [''], /^Give one CSV file/],
    ['an unknown option', ['tom.csv', '--force'], /^Unknown option "--force"/],
  ])('%s: exit 2', (_, args, message) => {
    expectClearRefusal(run('members-import.ts', args), 2, message);
  });

  it.each([
    ['a missing file', ['findes-ikke.csv'], /^findes-ikke\.csv: no such file/],
    ['a folder', ['mappe.csv'], /^mappe\.csv: is a folder; give a file/],
    ['a binary file', ['binaer.csv'], /^binaer\.csv: is not a text file/],
    ['a 6 MB file', ['stor.csv'], /^stor\.csv: is 6 MB; the limit is 5 MB/],
    ['a symbolic link to /etc/passwd', ['passwd.csv'], /^passwd\.csv: is a symbolic link; give the file itself/],
    ['a 300-character file name', [`${LONG}.csv`], /too long for the file system/],
    ['a device', ['/dev/zero'], /^\/dev\/zero: is not a regular file/],
    ['an empty file', ['tom.csv'], /^tom\.csv: no column for the name/],
  ])('%s: exit 1 naming the file', (_, args, message) => {
    const r = run('members-import.ts', args);
    expectClearRefusal(r, 1, message);
    expect(r.out).toBe('');
  });

  it('a content folder that does not exist: exit 2', () => {
    expectClearRefusal(
      run('members-import.ts', ['tom.csv'], { CONTENT_DIR: at('findes-ikke') }),
      2,
      /findes-ikke: no such folder/,
    );
  });
});

describe('npm run members:export', () => {
  it.each([
    ['an unknown option', ['--all'], /^Unknown option "--all"/],
    ['an argument', ['ud'], /^Unexpected argument "ud"/],
    ['--out without a value', ['--out'], /^--out needs a value/],
    ['an empty --out', ['--out', ''], /^--out needs a folder/],
  ])('%s: exit 2', (_, args, message) => {
    expectClearRefusal(run('members-export.ts', args), 2, message);
  });

  it('a content folder that does not exist or is a file: exit 2', () => {
    expectClearRefusal(run('members-export.ts', [], { CONTENT_DIR: at('findes-ikke') }), 2, /no such folder/);
    expectClearRefusal(run('members-export.ts', [], { CONTENT_DIR: at('binaer.csv') }), 2, /no such folder/);
  });

  it('--out that is a file, or too long a name: exit 1 naming the path', () => {
    expectClearRefusal(
      run('members-export.ts', ['--out', 'binaer.csv']),
      1,
      /^binaer\.csv: is a file; --out needs a folder — /,
    );
    expectClearRefusal(run('members-export.ts', ['--out', LONG]), 1, /too long for the file system/);
  });

  it('a members folder that is a link to elsewhere: exit 1, nothing read through it', () => {
    const linked = at('linket-indhold');
    fs.cpSync(content, linked, { recursive: true });
    fs.renameSync(path.join(linked, 'members'), at('medlemmer-udenfor'));
    fs.symlinkSync(at('medlemmer-udenfor'), path.join(linked, 'members'));
    const r = run('members-export.ts', ['--out', at('ud')], { CONTENT_DIR: linked });
    expectClearRefusal(
      r,
      1,
      /members: is a symbolic link; the members folder must be a folder inside the content folder/,
    );
    expect(fs.existsSync(at('ud/medlemmer.csv'))).toBe(false);
  });
});

describe('npm run wiki:stale', () => {
  it.each([
    ['an unknown option', ['--nope'], /^Unknown option/],
    ['a negative --days', ['--days', '-1'], /^--days needs a value|^--days must be a whole number/],
    ['--days that is not a number', ['--days', 'et år'], /^--days must be a whole number 0 or more, not "et år"/],
    ['--days with a fraction', ['--days', '1.5'], /^--days must be a whole number/],
    ['an unknown format', ['--format', 'csv'], /^--format must be text or json/],
    ['--today that is not a date', ['--today', '24-11-2026'], /^--today must be a date written YYYY-MM-DD/],
    ['a folder that does not exist', ['findes-ikke'], /no such folder/],
    ['a file where the folder should be', ['binaer.csv'], /no such folder/],
    ['a 300-character folder name', [LONG], /no such folder/],
    ['two folders', ['content', 'content'], /^Give at most one folder/],
    ['an empty folder name', [''], /^The folder name is empty/],
  ])('%s: exit 2', (_, args, message) => {
    expectClearRefusal(run('wiki-stale.ts', args), 2, message);
  });
});

describe('npm run check:links', () => {
  it.each([
    ['an unknown option', ['--nope'], /^Unknown option/],
    ['a folder without a built site', ['content'], /content: no built site here/],
    ['a folder that does not exist', ['findes-ikke'], /no built site here/],
    ['a file where the folder should be', ['binaer.csv'], /no built site here/],
    ['a 300-character folder name', [LONG], /no built site here/],
    ['two folders', ['a', 'b'], /^Give at most one folder/],
    ['an empty folder name', [''], /^The folder name is empty/],
    ['a --site that is not a web address', ['--site', 'javascript:alert(1)'], /^--site must be a web address/],
    ['an unknown format', ['--format', 'html'], /^--format must be text or json/],
  ])('%s: exit 2', (_, args, message) => {
    expectClearRefusal(run('check-links.ts', args), 2, message);
  });

  it('a page that is a link to nowhere: exit 1 naming it', () => {
    fs.mkdirSync(at('dist'));
    fs.writeFileSync(at('dist/index.html'), '<a href="/">forside</a>');
    fs.symlinkSync(at('findes-ikke.html'), at('dist/side.html'));
    expectClearRefusal(run('check-links.ts', ['dist']), 1, /side\.html: no such file or folder/);
  });

  it('a page with a character reference no character has: no stack trace', () => {
    fs.mkdirSync(at('dist2'));
    fs.writeFileSync(at('dist2/index.html'), '<a href="&#99999999;">x</a>');
    const r = run('check-links.ts', ['dist2']);
    for (const line of `${r.out}\n${r.err}`.split('\n')) expect(line).not.toMatch(STACK_FRAME);
    expect([0, 1]).toContain(r.code);
  });
});

describe('npm run docs:contributing', () => {
  it.each([
    ['an unknown option', ['--write'], /^Unknown option "--write"/],
    ['an argument', ['CONTRIBUTING.md'], /^Unexpected argument/],
    ['--check with a value', ['--check=ja'], /^--check takes no value/],
  ])('%s: exit 2', (_, args, message) => {
    expectClearRefusal(run('contributing.ts', args), 2, message);
  });
});

describe('npm run bench and bench:admin, with bad options', () => {
  it.each([
    ['no --members', [], /^--members must be a whole number from 1 to 200000, not ""/],
    ['--members 0', ['--members', '0'], /^--members must be a whole number/],
    ['--members too many', ['--members', '200001'], /^--members must be a whole number/],
    ['--members that is not a number', ['--members', 'mange'], /^--members must be a whole number/],
    ['--runs 0', ['--members', '10', '--runs', '0'], /^--runs must be a whole number from 1 to 50/],
    ['--runs without end', ['--members', '10', '--runs', '1000000'], /^--runs must be a whole number from 1 to 50/],
    ['an unknown option', ['--members', '10', '--fast'], /^Unknown option "--fast"/],
    ['an argument', ['10'], /^Unexpected argument "10"/],
  ])('bench, %s: exit 2', (_, args, message) => {
    expectClearRefusal(run('bench.ts', args), 2, message);
  });

  it('bench with a content folder that does not exist: exit 2, nothing generated', () => {
    expectClearRefusal(run('bench.ts', ['--members', '10'], { CONTENT_DIR: at('findes-ikke') }), 2, /no such folder/);
  });

  it.each([
    ['--runs 0', ['--runs', '0'], /^--runs must be a whole number from 1 to 50/],
    ['an empty --dist', ['--dist', ''], /^--dist needs a folder/],
    ['an unknown option', ['--headed'], /^Unknown option "--headed"/],
  ])('bench:admin, %s: exit 2', (_, args, message) => {
    expectClearRefusal(run('bench-admin.ts', args), 2, message);
  });

  it('bench:admin with a --dist that does not exist, or is no built site: exit 1 naming it', () => {
    expectClearRefusal(run('bench-admin.ts', ['--dist', 'findes-ikke']), 1, /findes-ikke: no such file or folder/);
    expectClearRefusal(run('bench-admin.ts', ['--dist', 'content']), 1, /content: no admin\/index\.html here/);
  });
});

describe('runCli, when something unexpected fails', () => {
  /** A script of our own over runCli, failing the way a bug would. */
  function runScript(body: string, env: Record<string, string> = {}): Run {
    const file = at(`script-${Math.random().toString(36).slice(2)}.mts`);
    fs.writeFileSync(
      file,
      `import { doing, runCli } from ${JSON.stringify(path.join(ROOT, 'src/lib/cli.ts'))};\nawait runCli('Usage: npm run demo -- FILE', async () => {\n${body}\n});\n`,
    );
    const r = spawnSync(process.execPath, [file], {
      cwd: work,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, DEBUG: '', ...env },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  it('prints one line in English and Danish with the command, what it was doing and the message; exit 1', () => {
    const r = runScript(`doing({ en: 'counting members', da: 'talte medlemmer' });\nnull.x;\nreturn 0;`);
    expectClearRefusal(r, 1);
    expect(r.err.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^npm run demo stopped on an unexpected error while counting members: TypeError: Cannot read properties of null \(reading 'x'\)\. Run it again with DEBUG=1 .* — npm run demo stoppede med en uventet fejl mens den talte medlemmer: TypeError: /,
      ),
    ]);
  });

  it('shows the stack trace with DEBUG=1', () => {
    const r = runScript(`null.x;\nreturn 0;`, { DEBUG: '1' });
    expect(r.code).toBe(1);
    expect(r.err.split('\n').some((l) => STACK_FRAME.test(l))).toBe(true);
  });

  it("reports an error thrown later, outside the command's promise, the same way", () => {
    const r = runScript(
      `setTimeout(() => { throw new Error('late'); }, 10);\nawait new Promise((resolve) => setTimeout(resolve, 200));\nreturn 0;`,
    );
    expectClearRefusal(r, 1, /^npm run demo stopped on an unexpected error: late\./);
  });

  it('a multi-line message stays on one line', () => {
    const r = runScript(`throw new Error('first\\n    at fake (x.ts:1:1)\\nthird');`);
    expectClearRefusal(r, 1, /unexpected error: first at fake \(x\.ts:1:1\) third\./);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
