import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { collectionSchema, fieldDocs } from '../../src/tools/field-docs.ts';
import { collectionFor, scaffold } from '../../src/tools/scaffold.ts';
import { MAX_SLUG_LENGTH, slugify } from '../../src/lib/slug.ts';
import { splitFrontMatter } from '../../src/lib/yaml-edit.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let content: string;

function run(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, lines: r.stdout.split('\n').filter(Boolean) };
}

beforeEach(() => {
  content = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-new-')), 'content');
  fs.cpSync(path.join(ROOT, 'tests/fixtures/contrib/site'), content, { recursive: true });
});
afterEach(() => fs.rmSync(path.dirname(content), { recursive: true, force: true }));

describe('npm run new', () => {
  it('writes content/wiki/<slug>.md with every required field, hints as comments, and the name', () => {
    const r = run('new.ts', 'wiki', 'Netværk Nord', '--today', '2026-11-24');
    expect(r.code).toBe(0);
    const file = path.join(content, 'wiki/netvaerk-nord.md');
    expect(r.out).toContain('wiki/netvaerk-nord.md');
    const text = fs.readFileSync(file, 'utf8');
    const data = YAML.parse(splitFrontMatter(text).yaml) as Record<string, unknown>;
    const required = fieldDocs(collectionSchema('wiki'))
      .filter((d) => d.required)
      .map((d) => d.name);
    expect(Object.keys(data)).toEqual(required);
    expect(data).toMatchObject({ name: 'Netværk Nord', last_verified: '2026-11-24', municipalities: [] });
    expect(text).toContain(
      '# Kommuner — Municipalities\n# Hvor netværket er aktivt – mindst én. — Where the network is active – at least one.\n',
    );
    expect(text).toContain('# Type — Kind\n# én af: `erhvervsnetvaerk` (Erhvervsnetværk)');
    expect(text).toContain('# website:');
    expect(text).toContain('#   lat:');
  });

  it('leaves what only the author knows empty, so the check asks for it', () => {
    run('new.ts', 'wiki', 'Netværk Nord', '--today', '2026-11-24');
    const check = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check.ts'), content, '--today', '2026-11-24'], {
      encoding: 'utf8',
    });
    expect(check.status).toBe(1);
    const lines = check.stdout.split('\n').filter(Boolean);
    expect(lines).toEqual([
      expect.stringMatching(/wiki\/netvaerk-nord\.md:\d+: kind: is missing; add "Kind" — mangler; udfyld "Type"$/),
      expect.stringMatching(
        /wiki\/netvaerk-nord\.md:\d+: municipalities: needs at least 1 \(Where the network is active/,
      ),
      expect.stringMatching(/wiki\/netvaerk-nord\.md:\d+: audience: is missing; add "Audience"/),
    ]);
  });

  it('starts a member without consent (listed: false) and today as the join date', () => {
    expect(run('new.ts', 'member', 'Åse Ødegård', '--today', '2026-11-24').code).toBe(0);
    const data = YAML.parse(
      splitFrontMatter(fs.readFileSync(path.join(content, 'members/aase-oedegaard.md'), 'utf8')).yaml,
    );
    expect(data).toEqual({ name: 'Åse Ødegård', trades: [], municipality: null, joined: '2026-11-24', listed: false });
  });

  it.each([
    ['post', 'blog', { title: 'Mit indlæg', lang: 'da', date: '2026-11-24' }],
    ['event', 'events', { title: 'Mit indlæg', lang: 'da', start: null }],
    ['group', 'groups', { name: 'Mit indlæg', meets_physically: false }],
    ['page', 'pages', { title: 'Mit indlæg', lang: 'da' }],
  ] as const)('writes a %s into %s/', (type, folder, expected) => {
    expect(run('new.ts', type, 'Mit indlæg', '--today', '2026-11-24').code).toBe(0);
    const data = YAML.parse(
      splitFrontMatter(fs.readFileSync(path.join(content, folder, 'mit-indlaeg.md'), 'utf8')).yaml,
    );
    expect(data).toMatchObject(expected);
  });

  it('refuses to overwrite an existing file, and says so in both languages', () => {
    const file = path.join(content, 'wiki/mikronet.md');
    const before = fs.readFileSync(file, 'utf8');
    const r = run('new.ts', 'wiki', 'Mikronet');
    expect(r.code).toBe(1);
    expect(r.err).toContain('wiki/mikronet.md already exists; nothing was written');
    expect(r.err).toContain('findes allerede; intet er skrevet');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses the same slug under another spelling of the file name', () => {
    fs.writeFileSync(path.join(content, 'wiki/Netvaerk-Syd.md'), 'x');
    const r = run('new.ts', 'wiki', 'Netværk Syd');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Netvaerk-Syd.md already exists');
    expect(fs.existsSync(path.join(content, 'wiki/netvaerk-syd.md'))).toBe(false);
  });

  it('prints the file with --dry-run and writes nothing', () => {
    const r = run('new.ts', 'wiki', 'Netværk Nord', '--dry-run', '--today', '2026-11-24');
    expect(r.code).toBe(0);
    expect(r.out).toBe(scaffold('wiki', 'Netværk Nord', '2026-11-24').text);
    expect(fs.existsSync(path.join(content, 'wiki/netvaerk-nord.md'))).toBe(false);
  });

  it('exits 2 for an unknown type, a missing name or a name without letters', () => {
    expect(run('new.ts', 'ting', 'X').code).toBe(2);
    expect(run('new.ts', 'constructor', 'X').code).toBe(2);
    expect(run('new.ts', 'wiki').code).toBe(2);
    expect(run('new.ts', 'wiki', '!!!').code).toBe(2);
    expect(run('new.ts', 'wiki', '日本語').code).toBe(2);
  });

  it('gives a 300-letter name a file name of at most 80 characters, and keeps the whole name in the file', () => {
    const name = `Netværket for ${'selvstændige '.repeat(22)}i Danmark`.trim();
    expect(name.length).toBeGreaterThan(300);
    const r = run('new.ts', 'wiki', name, '--today', '2026-11-24');
    expect(r.code).toBe(0);
    const [file] = fs.readdirSync(path.join(content, 'wiki')).filter((n) => n.startsWith('netvaerket-'));
    expect(file).toBe('netvaerket-for-selvstaendige-selvstaendige-selvstaendige-selvstaendige.md');
    expect(YAML.parse(splitFrontMatter(fs.readFileSync(path.join(content, 'wiki', file), 'utf8')).yaml).name).toBe(
      name,
    );
  });

  it('cuts one long word at 80 letters', () => {
    const r = run('new.ts', 'wiki', 'x'.repeat(300), '--today', '2026-11-24');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(content, 'wiki', `${'x'.repeat(80)}.md`))).toBe(true);
  });

  it('exits 1 naming the path when the content folder cannot hold the file, without a stack trace', () => {
    const notAFolder = path.join(path.dirname(content), 'fil.txt');
    fs.writeFileSync(notAFolder, 'x');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/new.ts'), 'wiki', 'Netværk Nord'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: notAFolder },
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `${notAFolder}/wiki: part of this path is a file, not a folder — en del af stien er en fil, ikke en mappe`,
    );
  });

  it('does not write through a collection folder that is a symbolic link', () => {
    const elsewhere = path.join(path.dirname(content), 'andetsteds');
    fs.mkdirSync(elsewhere);
    fs.rmSync(path.join(content, 'wiki'), { recursive: true });
    fs.symlinkSync(elsewhere, path.join(content, 'wiki'));
    const r = run('new.ts', 'wiki', 'Netværk Nord');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /wiki: is a symbolic link; a collection must be a folder inside the content folder — er et symbolsk link/,
    );
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });
});

describe('slugs', () => {
  it('are at most MAX_SLUG_LENGTH characters, cut after a whole word, with no hyphen at the end', () => {
    expect(MAX_SLUG_LENGTH).toBe(80);
    const slug = slugify('Foreningen af selvstændige erhvervsdrivende og mikrovirksomheder på Lolland-Falster og Møn');
    expect(slug).toBe('foreningen-af-selvstaendige-erhvervsdrivende-og-mikrovirksomheder-paa-lolland');
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slugify(`${'a'.repeat(77)} b c`)).toBe(`${'a'.repeat(77)}-b`);
    expect(slugify(`${'a'.repeat(80)} b`)).toBe('a'.repeat(80));
    expect(slugify(`${'a'.repeat(79)}! ${'b'.repeat(5)}`)).toBe('a'.repeat(79));
    expect(slugify('æ'.repeat(100))).toBe('ae'.repeat(40));
    expect(slugify('Netværk Nord')).toBe('netvaerk-nord');
  });

  it('leave names that are not collections alone, even the ones every object has', () => {
    expect(collectionFor('netværk')).toBe('wiki');
    expect(collectionFor('constructor')).toBeUndefined();
    expect(collectionFor('__proto__')).toBeUndefined();
    expect(collectionFor('toString')).toBeUndefined();
  });
});
