import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BROKEN = 'tests/fixtures/broken';

/** Runs the real `npm run check` script (node scripts/check.ts) as a contributor would. */
function check(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/check.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, lines: r.stdout.split('\n').filter(Boolean) };
}

/** Every problem planted in the fixture folder: file, field (null: the file itself), a phrase of the message. */
const EXPECTED: [string, string | null, string][] = [
  ['members/bad-municipality.md', 'municipality', 'did you mean "guldborgsund"'],
  ['members/bad-municipality.md', 'trades[1]', '"snedker" is not a trade id'],
  ['members/missing-fields.md', 'name', 'is missing'],
  ['members/missing-fields.md', 'listed', 'is missing'],
  ['members/unknown-field.md', 'emial', 'did you mean "email"'],
  ['members/unknown-field.md', 'photo_alt', 'is required when "photo" is set'],
  ['members/bad-yaml.md', null, 'the YAML cannot be read'],
  ['members/Forkert Navn.md', null, 'rename it to forkert-navn.md'],
  ['blog/broken-refs.md', 'authors[0]', '"ingen-saadan" does not exist in members/'],
  ['blog/broken-refs.md', 'authors[1]', 'unlisted member'],
  ['blog/broken-refs.md', 'translation_of', '"findes-ikke" does not exist in blog/'],
  ['events/bad-time.md', 'start', 'is not a date and time'],
  ['events/bad-time.md', 'status', '"aflyst" is not one of planned, cancelled, full'],
  ['events/bad-time.md', 'venue', 'fill in "venue" or "online_url"'],
  ['events/bad-time.md', 'network', '"ukendt-netvaerk" does not exist in wiki/'],
  ['wiki/bad-kind.md', 'kind', '"klub" is not one of'],
  ['wiki/bad-kind.md', 'municipalities[1]', '"falster" is not a Danish municipality id'],
  ['market/bad-dates.md', 'member', '"god-medlemsen" does not exist in members/'],
  ['market/bad-dates.md', 'expires', 'is before "date"'],
  ['groups/bad-contacts.md', 'contacts[1]', 'unlisted member'],
  ['pages/medlemmer.md', null, 'already a section of the site'],
];

describe('npm run check on a folder of broken files', () => {
  const run = check(BROKEN);

  it('exits 1 and prints one line per problem, every problem in one run', () => {
    expect(run.code).toBe(1);
    expect(run.lines).toHaveLength(EXPECTED.length);
    expect(run.err).toContain(`${EXPECTED.length} problem(s) in 11 file(s)`);
  });

  it.each(EXPECTED)('reports %s: %s', (file, field, phrase) => {
    const prefix = `${BROKEN}/${file}`;
    const line = run.lines.find(
      (l) =>
        l.startsWith(prefix) &&
        (field === null || new RegExp(`^[^ ]*:? ${field.replace(/[[\]]/g, '\\$&')}: `).test(l.slice(prefix.length))) &&
        l.includes(phrase),
    );
    expect(line, `no line for ${file} ${field ?? ''} containing "${phrase}" in:\n${run.out}`).toBeDefined();
    // Bilingual: English first, then Danish after " — ".
    expect(line).toContain(' — ');
  });

  it('names the line of the field where it can', () => {
    expect(run.lines).toContain(
      `${BROKEN}/members/bad-municipality.md:4: municipality: "guldborsund" is not a Danish municipality id (did you mean "guldborgsund"? see ${BROKEN}/taxonomies/municipalities.yml) — "guldborsund" er ikke et dansk kommune-id (mente du "guldborgsund"? se ${BROKEN}/taxonomies/municipalities.yml)`,
    );
  });

  it('says nothing about the valid files in the same folder', () => {
    expect(run.out).not.toContain('good-member.md');
    expect(run.out).not.toContain('hidden-member.md:');
  });

  it('gives the same problems as JSON', () => {
    const json = check(BROKEN, '--format', 'json');
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.out) as { issues: { file: string; field?: string; message: string }[] };
    expect(parsed.issues).toHaveLength(EXPECTED.length);
    expect(parsed.issues).toContainEqual(
      expect.objectContaining({ file: `${BROKEN}/members/bad-municipality.md`, field: 'municipality', line: 4 }),
    );
  });
});

describe('npm run check on valid content', () => {
  it('exits 0 on a minimal valid folder', () => {
    const r = check('tests/fixtures/empty-site');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain('are valid');
  });

  it('exits 0 on the sample content', () => {
    const r = check('content');
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('exits 2 with usage help for a folder that does not exist or a bad format', () => {
    expect(check('no/such/folder').code).toBe(2);
    const bad = check(BROKEN, '--format', 'xml');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--format must be');
  });
});

describe('validateContent', () => {
  it('reports the same problems when it runs twice in one process (the dev server and the tests do)', async () => {
    const { validateContent } = await import('../../src/lib/content/validate.ts');
    const first = validateContent(path.join(ROOT, BROKEN));
    const second = validateContent(path.join(ROOT, BROKEN));
    expect(first.issues.length).toBe(EXPECTED.length);
    expect(second.issues).toEqual(first.issues);
  });
});

describe('npm run check --only', () => {
  const SPLIT = path.join(ROOT, 'tests/fixtures/split');
  const checkWith = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, ['scripts/check.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...env },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('reports only the named collections, and says what it read', () => {
    // Without the wiki, the event's network is missing: a problem in events/, not in wiki/.
    const env = { CONTENT_DIR: path.join(SPLIT, 'site') };
    expect(checkWith(['--today', '2026-11-24'], env).code).toBe(1);
    const onlyWiki = checkWith(['--only', 'wiki', '--today', '2026-11-24', '--format', 'json'], env);
    expect(onlyWiki.code).toBe(0);
    expect(JSON.parse(onlyWiki.out)).toMatchObject({ only: ['wiki'], files: 0, issues: [] });
    const onlyEvents = checkWith(['--only', 'events,members', '--today', '2026-11-24', '--format', 'json'], env);
    expect(onlyEvents.code).toBe(1);
    expect(JSON.parse(onlyEvents.out).issues.map((i: { code: string }) => i.code)).toEqual(['reference']);
  });

  it('refuses a name that is not a collection (exit 2), in English and Danish', () => {
    const r = checkWith(['--only', 'wiki,netvaerk']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /--only takes collection names \(members, blog, wiki, events, groups, market, pages\), not "netvaerk" — --only skal have navne på samlinger/,
    );
  });
});
