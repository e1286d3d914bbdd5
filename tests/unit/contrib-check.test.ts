import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normaliseWebsite, similarNames } from '../../src/lib/content/contrib.ts';
import { similarPairs, type NamedEntry } from '../../src/lib/content/duplicates.ts';
import { bodyFindings } from '../../src/lib/content/body-check.ts';
import { githubAnnotation } from '../../src/lib/content/issues.ts';
import { git as gitIn } from '../helpers/git.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BROKEN = 'tests/fixtures/contrib/broken';
const TODAY = '2026-11-24';

/** Runs the real `npm run check` (node scripts/check.ts) as a contributor or the pull-request workflow would. */
function check(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: '', GITHUB_STEP_SUMMARY: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, lines: r.stdout.split('\n').filter(Boolean) };
}

/** Every problem planted in the contributor fixtures: file, field (null: the file or its body), a phrase of the message. */
const EXPECTED: [string, string | null, string][] = [
  [
    'members/forkert-kommune.md:4',
    'municipality',
    '"guldborsund" is not a Danish municipality id (did you mean "guldborgsund"?',
  ],
  ['members/forkert-kommune.md:3', 'trades[0]', '"it-og-data" is not a trade id (did you mean "it-data"?'],
  ['members/forkert-kommune.md:3', 'trades[1]', '"kunts" is not a trade id (did you mean "kunst"?'],
  ['wiki/forkerte-kommuner.md:4', 'municipalities[1]', 'did you mean "guldborgsund"?'],
  ['wiki/forkerte-kommuner.md:4', 'municipalities[2]', 'did you mean "vordingborg"?'],
  ['members/mangler-felter.md', 'name', 'is missing; add "Name"'],
  ['members/mangler-felter.md', 'listed', 'is missing; add "Has the member agreed to be shown on the site?"'],
  ['members/mangler-felter.md:5', 'email', 'is not a valid e-mail address'],
  ['members/dobbelt.md', null, 'has the same slug "dobbelt" as dobbelt.mdx'],
  ['members/dobbelt.mdx', null, 'has the same slug "dobbelt" as dobbelt.md'],
  ['members/dobbelt.mdx', null, 'only Markdown files ending in .md'],
  ['members/bo-berg.md', null, 'has the same slug "bo-berg" as Bo-Berg.md'],
  ['members/Bo-Berg.md', null, 'has the same slug "bo-berg" as bo-berg.md'],
  ['members/Bo-Berg.md', null, 'rename it to bo-berg.md'],
  ['wiki/Netværk Syd.md', null, 'rename it to netvaerk-syd.md'],
  ['wiki/netvaerk-nord.md:6', 'website', `is also the website of ${BROKEN}/wiki/nord-netvaerket.md`],
  ['wiki/nord-netvaerket.md:6', 'website', `is also the website of ${BROKEN}/wiki/netvaerk-nord.md`],
  ['wiki/ivaerksaetter-cafeen-odense.md:2', 'name', 'is nearly the same name as "Iværksættercaféen i Odense"'],
  ['wiki/ivaerksaettercafe-odense.md:2', 'name', 'is nearly the same name as "Iværksætter-caféen Odense"'],
  ['wiki/fremtidigt-tjek.md:6', 'last_verified', '2027-03-01 is in the future (today is 2026-11-24)'],
  [
    'members/html-i-teksten.md:10',
    null,
    'raw HTML (<div>, <b>) is not allowed here: the text is Markdown only, and HTML is removed from the page for safety',
  ],
  ['members/html-i-teksten.md:12', null, 'raw HTML (<script>) is not allowed here'],
  ['members/html-i-teksten.md:14', null, 'a javascript: link is not allowed here'],
  ['wiki/html-netvaerk.md:10', null, 'raw HTML (<iframe>) is not allowed here'],
  ['events/brudt-henvisning.md:7', 'organizers[1]', '"ukendt-person" does not exist in members/'],
  ['events/brudt-henvisning.md:7', 'organizers[2]', 'unlisted member'],
  ['events/brudt-henvisning.md:8', 'network', '"netvaerk-nrod" does not exist in wiki/; did you mean "netvaerk-nord"?'],
];

const find = (lines: string[], [where, field, phrase]: [string, string | null, string]) =>
  lines.find((l) => l.startsWith(`${BROKEN}/${where}: ${field ? `${field}: ` : ''}`) && l.includes(phrase));

describe('npm run check on contributor mistakes', () => {
  const run = check([BROKEN, '--today', TODAY]);

  it('exits 1 and reports every problem at once, one line each', () => {
    expect(run.code).toBe(1);
    expect(run.lines).toHaveLength(EXPECTED.length);
    expect(run.err).toContain(`${EXPECTED.length} problem(s) in 16 file(s)`);
  });

  it.each(EXPECTED)('reports %s %s', (where, field, phrase) => {
    const line = find(run.lines, [where, field, phrase]);
    expect(line, `no line for ${where} ${field ?? ''} containing "${phrase}" in:\n${run.out}`).toBeDefined();
    expect(line).toMatch(/ — /);
  });

  it('explains in Danish too', () => {
    expect(run.out).toContain('mente du "guldborgsund"?');
    expect(run.out).toContain(
      'rå HTML (<script>) er ikke tilladt her: teksten er kun Markdown, og HTML fjernes fra siden af sikkerhedshensyn',
    );
    expect(run.out).toContain('2027-03-01 ligger i fremtiden');
  });

  it('leaves HTML in code, e-mail and web autolinks alone', () => {
    expect(run.lines.filter((l) => l.includes('html-i-teksten.md:'))).toHaveLength(3);
    expect(run.out).not.toMatch(/<em>|<p>|<https|<hanne/);
  });

  it('says nothing about valid files', () => {
    expect(run.out).not.toMatch(/god-medlem\.md:|skjult\.md:|wiki\/mikronet/);
  });

  it('takes "today" from --today, so a date is only in the future until it arrives', () => {
    const later = check([BROKEN, '--today', '2027-03-01']);
    expect(later.out).not.toContain('is in the future');
    expect(later.lines).toHaveLength(EXPECTED.length - 1);
  });

  it('gives the same problems as JSON, with codes and suggestions', () => {
    const json = check([BROKEN, '--today', TODAY, '--format', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out) as {
      issues: { file: string; field?: string; line?: number; code: string; suggestion?: string }[];
    };
    expect(report.issues).toHaveLength(EXPECTED.length);
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        file: `${BROKEN}/members/forkert-kommune.md`,
        field: 'municipality',
        line: 4,
        code: 'taxonomy',
        suggestion: 'guldborgsund',
      }),
    );
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        file: `${BROKEN}/wiki/forkerte-kommuner.md`,
        field: 'municipalities[2]',
        suggestion: 'vordingborg',
      }),
    );
    const codes = new Set(report.issues.map((i) => i.code));
    for (const code of [
      'taxonomy',
      'duplicate_slug',
      'duplicate_network',
      'future_date',
      'html',
      'slug',
      'reference',
      'unlisted_reference',
      'required',
      'format',
      'extension',
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  it('writes GitHub annotations with file, line and field', () => {
    const gh = check([BROKEN, '--today', TODAY, '--format', 'github']);
    expect(gh.code).toBe(1);
    expect(gh.lines).toHaveLength(EXPECTED.length);
    expect(gh.lines.every((l) => l.startsWith('::error file='))).toBe(true);
    expect(gh.lines).toContain(
      `::error file=${BROKEN}/members/forkert-kommune.md,line=4,title=municipality::"guldborsund" is not a Danish municipality id (did you mean "guldborgsund"? see ${BROKEN}/taxonomies/municipalities.yml) — "guldborsund" er ikke et dansk kommune-id (mente du "guldborgsund"? se ${BROKEN}/taxonomies/municipalities.yml)`,
    );
    // No line where none can be told; the code names the problem instead of a field.
    expect(gh.lines).toContainEqual(
      expect.stringMatching(new RegExp(`^::error file=${BROKEN}/wiki/Netværk Syd\\.md,title=slug::`)),
    );
  });

  it('escapes what would break an annotation', () => {
    const line = githubAnnotation({
      file: 'a,b:c.md',
      line: 3,
      field: 'x',
      code: 'y',
      message: { en: '50% done\nnext', da: 'færdig' },
    });
    expect(line).toBe('::error file=a%2Cb%3Ac.md,line=3,title=x::50%25 done%0Anext — færdig');
  });
});

describe('npm run check --changed: only what a change is responsible for', () => {
  it('reports the problems of the changed files only', () => {
    const r = check([
      BROKEN,
      '--today',
      TODAY,
      '--changed',
      `${BROKEN}/wiki/html-netvaerk.md`,
      `${BROKEN}/members/forkert-kommune.md`,
    ]);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(4);
    expect(r.lines.every((l) => l.includes('html-netvaerk.md') || l.includes('forkert-kommune.md'))).toBe(true);
    expect(r.err).toContain('4 problem(s) in 2 file(s)');
  });

  it('checks references against the whole folder', () => {
    // The event refers to members that exist elsewhere (god-medlem) and to one that does not.
    const r = check([BROKEN, '--today', TODAY, '--changed', `${BROKEN}/events/brudt-henvisning.md`]);
    expect(r.lines).toHaveLength(3);
    expect(r.out).not.toContain('god-medlem"');
  });

  it('reports references elsewhere to a file that was deleted or renamed', () => {
    const r = check([BROKEN, '--today', TODAY, '--changed', `${BROKEN}/members/ukendt-person.md`]);
    expect(r.lines).toEqual([
      expect.stringContaining(`${BROKEN}/events/brudt-henvisning.md:7: organizers[1]: "ukendt-person" does not exist`),
    ]);
  });

  it('reports both halves of a duplicate when one of them changed', () => {
    const r = check([BROKEN, '--today', TODAY, '--changed', `${BROKEN}/wiki/nord-netvaerket.md`]);
    expect(r.lines).toHaveLength(2);
    expect(r.lines.every((l) => l.includes('is also the website of'))).toBe(true);
  });

  it('reports everything when a taxonomy changed, since any entry may depend on it', () => {
    const r = check([BROKEN, '--today', TODAY, '--changed', `${BROKEN}/taxonomies/municipalities.yml`]);
    expect(r.lines).toHaveLength(EXPECTED.length);
  });

  it('exits 0 when the changed files are fine, although others are not', () => {
    const r = check([BROKEN, '--today', TODAY, '--changed', `${BROKEN}/members/god-medlem.md`, 'README.md']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain('1 changed file(s), checked against');
  });

  it('refuses --changed without files, or together with --base', () => {
    expect(check([BROKEN, '--changed']).code).toBe(2);
    expect(check([BROKEN, '--base', 'HEAD', '--changed', 'x.md']).code).toBe(2);
    expect(check([BROKEN, '--today', '24-11-2026']).code).toBe(2);
  });
});

describe('npm run check --base: files changed since a git ref', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-base-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
  const git = (...args: string[]) => gitIn(work, ...args);
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(work, rel)), { recursive: true });
    fs.writeFileSync(path.join(work, rel), text);
  };

  it('reports committed, modified and new files on the branch, and nothing that was already on the base', () => {
    fs.cpSync(path.join(ROOT, 'tests/fixtures/contrib/site'), path.join(work, 'content'), { recursive: true });
    // A problem that is already on the base branch is not this pull request's.
    write(
      'content/wiki/gammel-fejl.md',
      '---\nname: Gammel fejl\nkind: klub\nmunicipalities: [lolland]\naudience: Alle\nlast_verified: 2026-01-01\n---\n',
    );
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'pr');
    const bo = fs.readFileSync(path.join(work, 'content/members/bo-berg.md'), 'utf8');
    write('content/members/bo-berg.md', bo.replace('municipality: lolland', 'municipality: lollnd'));
    git('commit', '-q', '-am', 'change');
    write(
      'content/wiki/nyt-netvaerk.md',
      '---\nname: Nyt Netværk\nkind: online\nmunicipalities: [odense]\naudience: Alle\nlast_verified: 2030-01-01\n---\nHej <b>alle</b>.\n',
    );
    write(
      'content/members/soeren-aabel.md',
      fs
        .readFileSync(path.join(work, 'content/members/soeren-aabel.md'), 'utf8')
        .replace('[design, kunst]', '[design, kunts]'),
    );

    const r = check(['content', '--base', 'main', '--today', TODAY], work);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      expect.stringMatching(
        /^content\/members\/bo-berg\.md:4: municipality: "lollnd" is not a Danish municipality id \(did you mean "lolland"\?/,
      ),
      expect.stringMatching(
        /^content\/members\/soeren-aabel\.md:4: trades\[1\]: "kunts" is not a trade id \(did you mean "kunst"\?/,
      ),
      expect.stringMatching(/^content\/wiki\/nyt-netvaerk\.md:6: last_verified: 2030-01-01 is in the future/),
      expect.stringMatching(/^content\/wiki\/nyt-netvaerk\.md:8: raw HTML \(<b>\)/),
    ]);
    expect(r.out).not.toContain('gammel-fejl');
    expect(r.err).toContain('4 problem(s) in 3 file(s)');

    const gh = check(['content', '--base', 'main', '--today', TODAY, '--format', 'github'], work);
    expect(gh.lines[0]).toMatch(/^::error file=content\/members\/bo-berg\.md,line=4,title=municipality::/);
  });

  it('exits 2 with a clear message when the base does not exist', () => {
    const r = check(['content', '--base', 'origin/no-such-branch'], work);
    expect(r.code).toBe(2);
    expect(r.err).toContain('"origin/no-such-branch" is not a branch, tag or commit here');
    expect(r.err).toContain('er ikke en gren');
  });
});

describe('contributor rules as functions', () => {
  it('treats scheme, www, trailing slash and case as the same website', () => {
    const same = [
      'https://www.Netvaerk-Nord.example/',
      'http://netvaerk-nord.example',
      'netvaerk-nord.example/index.html',
      'www.netvaerk-nord.example',
    ];
    expect(new Set(same.map(normaliseWebsite)).size).toBe(1);
    expect(normaliseWebsite('https://facebook.example/groups/a')).not.toBe(
      normaliseWebsite('https://facebook.example/groups/b'),
    );
  });

  it('finds near-identical names, but not names that differ in a number or a word', () => {
    expect(similarNames('Iværksætter-caféen Odense', 'Iværksættercaféen Odense')).toBe(true);
    expect(similarNames('Erhvervsnetværk Nakskov', 'Erhvervsnetvaerk  Nakskov')).toBe(true);
    expect(similarNames('Netværk 1 for design', 'Netværk 11 for design')).toBe(false);
    expect(similarNames('Netværk Nord', 'Netværk Syd')).toBe(false);
    expect(similarNames('BNI Lolland', 'BNI Falster')).toBe(false);
  });

  it('finds a name typed without æ, ø and å, however far apart the spellings are in letters', () => {
    expect(similarNames('Søren Ærø Ågaard', 'Soeren Aero Agaard')).toBe(true);
    expect(similarNames('Søren Ærø Ågaard', 'Soren Aro Agard')).toBe(true);
    expect(similarNames('Søren Ærø Ågaard', 'Søren Ærø Nielsen')).toBe(false);
    const pairs = similarPairs([{ name: 'Søren Ærø Ågaard' }, { name: 'Anne Lund' }, { name: 'Soeren Aero Agaard' }]);
    expect(pairs).toEqual([[0, 2]]);
  });

  it('pairs similar names among thousands without comparing every pair, keeping keys apart', () => {
    const names: NamedEntry[] = Array.from({ length: 5000 }, (_, i) => ({ name: `Medlem ${i} Hansen` }));
    names.push({ name: 'Søren Ærø Ågaard' }, { name: 'SOEREN AEROE AAGAARD' }, { name: 'Søren Ærø Ågård' });
    names.push({ name: 'Julefrokost', key: '2025-12-05' }, { name: 'Julefrokost', key: '2026-12-04' });
    const started = performance.now();
    const pairs = similarPairs(names);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(pairs).toEqual([
      [5000, 5001],
      [5000, 5002],
      [5001, 5002],
    ]);
  });

  it('finds raw HTML outside code only', () => {
    const body = [
      'Tekst med <span>HTML</span>.',
      '',
      '```',
      '<script>kode</script>',
      '```',
      '',
      'Inline `<b>` er kode; <navn@x.dk> og <https://x.dk> er links.',
      '    ',
      '~~~',
      '<iframe>',
      '~~~',
      '[x](JavaScript:alert(1))',
      'Skrevet i editoren: \\<b> er tekst.',
    ].join('\n');
    expect(bodyFindings(body)).toEqual([
      { line: 0, found: ['<span>'], items: [{ kind: 'html', text: '<span>' }], active: false },
      { line: 11, found: ['javascript:'], items: [{ kind: 'link', text: 'javascript:' }], active: true },
    ]);
  });
});

describe('npm run check on an entry added twice', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-dup-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const part of ['taxonomies', 'settings'])
    fs.cpSync(path.join(ROOT, 'content', part), path.join(dir, part), { recursive: true });
  fs.mkdirSync(path.join(dir, 'members'));
  const member = (name: string) =>
    `---\nname: ${name}\ntrades: [it-data]\nmunicipality: lolland\njoined: 2024-05-01\nlisted: true\n---\nTekst.\n`;
  fs.writeFileSync(path.join(dir, 'members/soeren-aeroe-aagaard.md'), member('Søren Ærø Ågaard'));
  fs.writeFileSync(path.join(dir, 'members/soeren-aeroe-aagaard-1.md'), member('Søren Ærø Ågaard'));
  fs.writeFileSync(path.join(dir, 'members/soren-aro-agaard.md'), member('Søren Ærø Agaard'));
  fs.writeFileSync(path.join(dir, 'members/anne-hansen.md'), member('Anne Hansen'));

  it('reports both halves of the same name, and a name one letter off, naming the other file', () => {
    const r = check([dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const issues = (JSON.parse(r.out) as { issues: { file: string; code: string; related: string[] }[] }).issues;
    const pairs = issues
      .filter((i) => i.code === 'duplicate_name')
      .map((i) => [path.basename(i.file), path.basename(i.related[0])].join(' ~ '));
    expect(pairs.sort()).toEqual(
      [
        'soeren-aeroe-aagaard.md ~ soeren-aeroe-aagaard-1.md',
        'soeren-aeroe-aagaard-1.md ~ soeren-aeroe-aagaard.md',
        'soeren-aeroe-aagaard.md ~ soren-aro-agaard.md',
        'soren-aro-agaard.md ~ soeren-aeroe-aagaard.md',
        'soeren-aeroe-aagaard-1.md ~ soren-aro-agaard.md',
        'soren-aro-agaard.md ~ soeren-aeroe-aagaard-1.md',
      ].sort(),
    );
    expect(r.out).toContain('already exists');
    expect(r.out).toContain('is nearly the same name as');
  });
});
