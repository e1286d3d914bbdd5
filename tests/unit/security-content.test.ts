import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Root } from 'hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { bodyFindings } from '../../src/lib/content/body-check.ts';
import { contributorIssues } from '../../src/lib/content/contrib.ts';
import type { ContentIssue } from '../../src/lib/content/issues.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { cleanBodyTree } from '../../src/lib/sanitize.ts';
import {
  aliasBomb,
  BODY_PAYLOADS,
  FOREIGN_FENCES,
  INERT_BODY_IDS,
  TEXT_PAYLOADS,
  URL_PAYLOADS,
} from '../fixtures/security/catalogue.ts';

/**
 * A content folder is data from strangers (a pull request, an upload): these are the attacks
 * tried on it, each either refused by the check with file, line and reason, or inert.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const SITE = path.join(ROOT, 'tests/fixtures/contrib/site');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-security-'));
const MARKER = path.join(work, 'marker');
let dir: string;
let n = 0;

beforeEach(() => {
  dir = path.join(work, `c${n++}`);
  fs.cpSync(SITE, dir, { recursive: true });
  fs.rmSync(MARKER, { force: true });
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const write = (rel: string, text: string | Buffer) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};
const WIKI = (extra = '', body = 'Et netværk.') =>
  `---\nname: Netværk ${n}\nkind: online\nmunicipalities: [lolland]\naudience: Alle\nlast_verified: 2026-01-01\n${extra}---\n${body}\n`;
const issuesOf = (file: string, issues: ContentIssue[] = validateContent(dir).issues) =>
  issues.filter((i) => i.file.endsWith(file));
/** The JavaScript a `---js` front matter would run: it writes the marker file. */
const JS_PAYLOAD = `{ name: (require('fs').writeFileSync(${JSON.stringify(MARKER)}, 'ran'), 'Netværk'), kind: 'online', municipalities: ['lolland'], audience: 'Alle', last_verified: '2026-01-01' }`;

function check(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/check.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: '' },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('front matter in another language than YAML', () => {
  it.each(FOREIGN_FENCES)('"%s" is refused on line 1, and nothing in it runs', (fence) => {
    write('wiki/fremmed.md', `${fence}\n${JS_PAYLOAD}\n${fence.startsWith('+') ? '+++' : '---'}\nTekst\n`);
    const issues = issuesOf('wiki/fremmed.md');
    expect(issues).toEqual([expect.objectContaining({ line: 1, code: 'front_matter_language' })]);
    expect(issues[0].message.en).toContain(`"${fence.trim()}"`);
    expect(issues[0].message.da).toContain('front matter skal være YAML');
    expect(fs.existsSync(MARKER)).toBe(false);
  });

  it('makes npm run check exit 1 naming the file, without running it', () => {
    write('wiki/js-netvaerk.md', `---js\n${JS_PAYLOAD}\n---\nTekst\n`);
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/wiki\/js-netvaerk\.md:1: the front matter starts with "---js"/);
    expect(fs.existsSync(MARKER)).toBe(false);
  });

  it('accepts a byte-order mark and Windows line ends before the --- line', () => {
    write('wiki/bom.md', `\uFEFF${WIKI().replace(/\n/g, '\r\n')}`);
    expect(issuesOf('wiki/bom.md')).toEqual([]);
  });
});

describe('YAML is read as data', () => {
  it('refuses a billion-laughs alias bomb in front matter, settings and taxonomies without expanding it', () => {
    write('members/bombe.md', `---\n${aliasBomb()}---\nTekst\n`);
    write('settings/site.yml', aliasBomb());
    write('taxonomies/trades.yml', `- ${aliasBomb().replace(/\n(?=.)/g, '\n  ')}`);
    const { issues } = validateContent(dir);
    for (const file of ['members/bombe.md', 'settings/site.yml', 'taxonomies/trades.yml']) {
      expect(issuesOf(file, issues), file).toEqual([
        expect.objectContaining({ code: 'yaml_alias', line: expect.any(Number) }),
      ]);
    }
  });

  it('allows a few aliases that expand to little', () => {
    write(
      'wiki/alias.md',
      WIKI('audience_note: &a Alle\n')
        .replace('audience_note: &a Alle\n', '')
        .replace('audience: Alle', 'audience: &a Alle\nmeets: *a'),
    );
    expect(issuesOf('wiki/alias.md')).toEqual([]);
  });

  it.each(['!!js/function "function () { return 1 }"', '!!python/object:os.system ["id"]', '!custom x'])(
    'refuses the custom tag %s',
    (value) => {
      write('wiki/tag.md', WIKI(`meets: ${value}\n`));
      expect(issuesOf('wiki/tag.md')).toEqual([expect.objectContaining({ code: 'yaml_tag', line: 7 })]);
    },
  );

  it('refuses merge keys as an unknown field rather than merging', () => {
    write('wiki/merge.md', WIKI('x: &x { meets: hver uge }\n<<: *x\n'));
    expect(issuesOf('wiki/merge.md').map((i) => i.field)).toEqual(expect.arrayContaining(['x', '<<']));
  });
});

describe('files that are not what a content file is', () => {
  it.each([
    ['a file elsewhere on the machine', '/etc/passwd'],
    ['an endless device', '/dev/zero'],
    ['nothing', '/nonexistent/file.md'],
  ])('refuses a symbolic link to %s without reading it', (_, target) => {
    fs.symlinkSync(target, path.join(dir, 'wiki/link.md'));
    const issues = issuesOf('wiki/link.md');
    expect(issues).toEqual([expect.objectContaining({ code: 'symlink' })]);
    expect(JSON.stringify(validateContent(dir))).not.toContain('root:x:0');
  });

  it('refuses a link loop, a linked collection folder and linked settings and taxonomies', () => {
    fs.symlinkSync('loop-b.md', path.join(dir, 'wiki/loop-a.md'));
    fs.symlinkSync('loop-a.md', path.join(dir, 'wiki/loop-b.md'));
    fs.symlinkSync('/etc', path.join(dir, 'events'));
    fs.renameSync(path.join(dir, 'settings/site.yml'), path.join(work, `site-${n}.yml`));
    fs.symlinkSync(path.join(work, `site-${n}.yml`), path.join(dir, 'settings/site.yml'));
    const { issues } = validateContent(dir);
    for (const file of ['wiki/loop-a.md', 'wiki/loop-b.md', 'settings/site.yml'])
      expect(issuesOf(file, issues), file).toEqual([expect.objectContaining({ code: 'symlink' })]);
    expect(issues.filter((i) => i.file.endsWith('/events'))).toEqual([expect.objectContaining({ code: 'symlink' })]);
    expect(issues.some((i) => i.file.includes('/etc/'))).toBe(false);
  });

  it('refuses a named pipe instead of waiting on it forever', () => {
    execFileSync('mkfifo', [path.join(dir, 'wiki/pipe.md')]);
    expect(issuesOf('wiki/pipe.md')).toEqual([expect.objectContaining({ code: 'not_a_file' })]);
  });

  it('refuses a file that is not UTF-8, naming the line', () => {
    write('wiki/latin1.md', Buffer.from(WIKI('meets: Hver måned i Nakskov\n'), 'latin1'));
    // The first character that is not UTF-8 is the æ of the name on line 2.
    expect(issuesOf('wiki/latin1.md')).toEqual([expect.objectContaining({ code: 'encoding', line: 2 })]);
  });

  it('refuses files over the size cap before reading them', () => {
    write('wiki/stor.md', WIKI('', 'a'.repeat(5_000_000)));
    write('settings/site.yml', `name: x\n# ${'a'.repeat(2_000_000)}\n`);
    const { issues } = validateContent(dir);
    expect(issuesOf('wiki/stor.md', issues)).toEqual([expect.objectContaining({ code: 'too_large' })]);
    expect(issuesOf('settings/site.yml', issues)).toEqual([expect.objectContaining({ code: 'too_large' })]);
    expect(issuesOf('wiki/stor.md', issues)[0].message.en).toMatch(
      /4,883 KB, and a content file may be at most 256 KB/,
    );
  });
});

describe('script and tracking payloads in Markdown bodies', () => {
  it.each(BODY_PAYLOADS.filter((p) => !INERT_BODY_IDS.has(p.id)).map((p) => [p.id, p.what, p.text] as const))(
    '#%i %s is refused with its line and reason',
    (id, _, text) => {
      write(`wiki/payload-${id}.md`, WIKI('', `Indledning.\n\n${text}\n`));
      const { raw } = validateContent(dir);
      const issues = issuesOf(`wiki/payload-${id}.md`, contributorIssues(raw, { today: '2026-11-26' }));
      expect(issues.length).toBeGreaterThan(0);
      const firstLine = WIKI().split('\n').length + 1;
      for (const issue of issues) {
        expect(issue.code).toBe('html');
        expect(issue.line).toBeGreaterThanOrEqual(firstLine);
        expect(issue.message.en).toMatch(/is not allowed here: /);
        expect(issue.message.da).toMatch(/er ikke tilladt her: /);
      }
    },
  );

  it.each(BODY_PAYLOADS.filter((p) => INERT_BODY_IDS.has(p.id)).map((p) => [p.id, p.what, p.text] as const))(
    '#%i %s is plain text and passes',
    (_, __, text) => {
      expect(bodyFindings(text)).toEqual([]);
    },
  );

  // The check is derived from the sanitizer: where it finds nothing, the sanitizer removes nothing.
  const toHast = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true });
  const shape = (tree: Root) =>
    JSON.stringify(tree, (k, v) =>
      k === 'position' ? undefined : typeof v === 'string' ? v.replace(/^user-content-/, '') : v,
    );
  const ordinary = [
    '# Overskrift\n\nTekst med **fed**, _kursiv_, ~~slettet~~, [et link](https://mikronet.dk/), <https://x.dk>, www.x.dk og [post](mailto:a@x.dk).',
    '- [ ] opgave\n- [x] færdig\n\n1. en\n2. to\n\n> citat\n\n---',
    '| a | b |\n|:--|--:|\n| 1 | 2 |',
    'Fodnote[^1].\n\n[^1]: Her.',
    '![Et billede](/media/members/x.jpg "Titel")\n\n```js\nconst x = "<b>";\n```\n\n`<i>` og \\<b>',
  ];
  it.each([...ordinary, ...BODY_PAYLOADS.map((p) => p.text)])(
    'when nothing is found, the sanitizer changes nothing: %s',
    (body) => {
      if (bodyFindings(body).length) return;
      const tree = toHast.runSync(toHast.parse(body)) as Root;
      expect(shape(cleanBodyTree(structuredClone(tree)))).toBe(shape(tree));
    },
  );

  it('lets ordinary Markdown through: headings, lists, tables, task lists, footnotes, code, pictures from /media/', () => {
    expect(ordinary.flatMap(bodyFindings)).toEqual([]);
  });
});

describe('payloads in front matter', () => {
  it('accepts script-looking text in text fields (the templates escape it; the build test renders it)', () => {
    write(
      'wiki/tekst.md',
      WIKI(`meets: ${JSON.stringify(TEXT_PAYLOADS[0])}\n`).replace(
        /^name: .*$/m,
        `name: ${JSON.stringify(TEXT_PAYLOADS[1])}`,
      ),
    );
    expect(issuesOf('wiki/tekst.md')).toEqual([]);
  });

  it.each(URL_PAYLOADS)('refuses %j as a web address, naming the field', (url) => {
    write('wiki/url.md', WIKI(`website: ${JSON.stringify(url)}\n`));
    expect(issuesOf('wiki/url.md')).toEqual([expect.objectContaining({ field: 'website', line: 7 })]);
  });
});
