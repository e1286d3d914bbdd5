import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import {
  CONTRIBUTING_FILE,
  generatedFiles,
  ISSUE_FORM_FILE,
  WIKI_CONTRIBUTING_FILE,
  WIKI_ISSUE_FORM_FILE,
} from '../../src/tools/contributing.ts';
import { collectionSchema, fieldDocs, fillGenerated, flatFieldDocs } from '../../src/tools/field-docs.ts';
import { BODY_FIELD_ID, issueFormFieldIds } from '../../src/tools/issue-form.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) =>
  fs.existsSync(path.join(ROOT, file)) ? fs.readFileSync(path.join(ROOT, file), 'utf8') : undefined;

describe('contributor documentation derived from the schemas', () => {
  it.each(Object.keys(generatedFiles(read)))('%s is up to date (run npm run docs:contributing)', (file) => {
    expect(read(file), `${file} is out of date: run npm run docs:contributing`).toBe(generatedFiles(read)[file]);
  });

  it('documents every wiki and member field with its Danish and English label', () => {
    const doc = read(CONTRIBUTING_FILE)!;
    for (const collection of ['wiki', 'members'] as const) {
      for (const field of flatFieldDocs(fieldDocs(collectionSchema(collection)))) {
        expect(doc, `${collection}.${field.name}`).toContain(
          `| \`${field.name}\` | ${field.label.da}<br>*${field.label.en}* | ${field.required ? 'ja' : 'nej'}`,
        );
      }
    }
  });

  it('names the allowed values of a choice and where taxonomy ids come from', () => {
    const doc = read(CONTRIBUTING_FILE)!;
    expect(doc).toContain('`erhvervsnetvaerk` (Erhvervsnetværk)');
    expect(doc).toContain('`erhvervsnetvaerk` (Business network)');
    expect(doc).toContain('kommune-id fra `taxonomies/municipalities.yml`');
    expect(doc).toContain('helt tal, 1800–2100');
  });

  it('explains the pull request, the local check and the CMS for members, in Danish and English', () => {
    const doc = read(CONTRIBUTING_FILE)!;
    for (const phrase of [
      'npm run check -- --base origin/main',
      'npm run new -- wiki',
      '/admin/',
      'Hvorfor ingen HTML?',
      'Why no HTML?',
      'members:import',
      'wiki:stale',
    ]) {
      expect(doc).toContain(phrase);
    }
  });

  it('refuses a marker it has no generator for, and a generator without its marker', () => {
    expect(() => fillGenerated('<!-- generated:nope -->\n<!-- /generated:nope -->', {})).toThrow(/no generator/);
    expect(() => fillGenerated('text', { x: () => '' })).toThrow(/markers missing/);
    expect(fillGenerated('a\n<!-- generated:x -->\nold\n<!-- /generated:x -->\nb', { x: () => 'new' })).toBe(
      'a\n<!-- generated:x -->\nnew\n<!-- /generated:x -->\nb',
    );
  });

  it('npm run docs:contributing -- --check exits 0 when nothing is stale', () => {
    const r = spawnSync(process.execPath, ['scripts/contributing.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });
});

describe.each([ISSUE_FORM_FILE, WIKI_ISSUE_FORM_FILE])('the "new network" issue form %s', (formFile) => {
  const form = read(formFile)!;

  it('asks for exactly the wiki schema fields, plus the description', () => {
    const schemaFields = Object.keys(collectionSchema('wiki').shape);
    expect(issueFormFieldIds(form).sort()).toEqual([...schemaFields, BODY_FIELD_ID].sort());
  });

  it('requires what the schema requires', () => {
    const parsed = YAML.parse(form) as { body: { id?: string; validations?: { required: boolean } }[] };
    const required = parsed.body.filter((f) => f.validations?.required).map((f) => f.id);
    const schemaRequired = fieldDocs(collectionSchema('wiki'))
      .filter((d) => d.required)
      .map((d) => d.name);
    expect(required.filter((id) => id !== BODY_FIELD_ID).sort()).toEqual(schemaRequired.sort());
  });

  it('is a valid GitHub issue form: name, description, unique ids, a label on every field', () => {
    const parsed = YAML.parse(form) as {
      name: string;
      description: string;
      body: { type: string; id?: string; attributes: { label?: string; options?: string[] } }[];
    };
    expect(parsed.name).toBeTruthy();
    expect(parsed.description).toBeTruthy();
    const ids = issueFormFieldIds(form);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of parsed.body.filter((b) => b.type !== 'markdown')) {
      expect(f.id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(f.attributes.label).toBeTruthy();
      if (f.type === 'dropdown') expect(f.attributes.options!.length).toBeGreaterThan(0);
    }
  });
});

describe('where wiki contributions go', () => {
  it("tells contributors to the kit that a network's wiki pull requests go to its public wiki repository", () => {
    // One line, without the quote marks of the notice at the top.
    const flat = (text: string) => text.replace(/\s*\n>?\s*/g, ' ');
    const doc = flat(read(CONTRIBUTING_FILE)!);
    expect(doc).toContain('pull request i **det netværks offentlige wiki-repository**');
    expect(doc).toContain("pull request in **that network's public wiki repository**");
    expect(doc).toContain('`content/wiki/` too — is invented example data');
    expect(flat(read('.github/pull_request_template.md')!)).toContain(
      "belongs in that network's public wiki repository, not here",
    );
    expect(read(ISSUE_FORM_FILE)).toContain('use the form in that network’s public wiki repository');
  });

  it('gives the wiki repository its own guide: entries in wiki/, every wiki field, nothing about members', () => {
    const doc = read(WIKI_CONTRIBUTING_FILE)!;
    for (const field of flatFieldDocs(fieldDocs(collectionSchema('wiki')))) {
      expect(doc, field.name).toContain(`| \`${field.name}\` | ${field.label.da}<br>*${field.label.en}* |`);
    }
    expect(doc).toContain('`wiki/<slug>.md`');
    expect(doc).not.toContain('content/wiki/');
    expect(doc).not.toContain('fields:members');
    expect(read(WIKI_ISSUE_FORM_FILE)).toContain('add the entry to `wiki/`');
    expect(read('templates/wiki-repository/.github/pull_request_template.md')).toContain('`wiki/`');
  });
});

describe('pull-request workflow and template', () => {
  it('runs the contributor check on the changed files, the build and the link check', () => {
    const wf = YAML.parse(read('.github/workflows/pull-request.yml')!) as {
      on: Record<string, unknown>;
      jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>;
    };
    expect(wf.on).toHaveProperty('pull_request');
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with).toMatchObject({ 'fetch-depth': 0 });
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({ 'node-version': 24 });
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm ci');
    expect(runs).toMatch(/npm run check -- --base "origin\/\$BASE_REF" --format github/);
    // A network's site repository fetches its wiki first (WIKI_REPO from a repository variable; unset in the kit).
    expect(runs.indexOf('npm run wiki:fetch')).toBeGreaterThan(runs.indexOf('npm ci'));
    expect(runs.indexOf('npm run wiki:fetch')).toBeLessThan(runs.indexOf('npm run check'));
    expect((Object.values(wf.jobs)[0] as unknown as { env: Record<string, string> }).env.WIKI_REPO).toBe(
      '${{ vars.WIKI_REPO }}',
    );
    expect(runs).toContain('npm run build');
    expect(runs).toContain('npm run check:links');
  });

  it('has a pull-request template that points at the check', () => {
    expect(read('.github/pull_request_template.md')).toContain('npm run check');
  });
});
