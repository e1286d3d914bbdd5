import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { astroBuild, ROOT } from '../helpers/build.ts';
import { fileFor, htmlFiles } from '../helpers/dist.ts';
import { git } from '../helpers/git.ts';

/**
 * A network's setup with the wiki in its own public repository (docs/NEW-NETWORK.md): the private
 * site's content folder has no wiki/, the wiki is a git repository of its own, `npm run
 * wiki:fetch` clones it, and the build reads it through WIKI_DIR. Then the wiki repository's own
 * pull-request workflow (templates/wiki-repository) is run step by step.
 */
const FIXTURES = path.join(ROOT, 'tests/fixtures/split');
const TEMPLATE = path.join(ROOT, 'templates/wiki-repository');
const WIKI_URL = 'https://github.com/eksempel/netvaerkswiki';

let work: string;
let site: string;
let dist: string;
let env: Record<string, string>;

/** A git repository made from a folder, with one commit on main. */
function repository(at: string, ...from: string[]) {
  fs.mkdirSync(at, { recursive: true });
  for (const f of from) fs.cpSync(f, at, { recursive: true });
  git(at, 'init', '-q');
  git(at, 'add', '-A');
  git(at, 'commit', '-qm', 'Netværkswikien');
}

const node = (script: string, args: string[], o: { cwd: string; env: Record<string, string> }) => {
  const r = spawnSync(process.execPath, [path.join(ROOT, script), ...args], {
    cwd: o.cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH!, HOME: work, ...o.env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-split-'));
  const wikiRepo = path.join(work, 'netvaerkswiki');
  repository(wikiRepo, path.join(FIXTURES, 'wiki-repo'));
  site = path.join(work, 'site');
  fs.cpSync(path.join(FIXTURES, 'site'), path.join(site, 'content'), { recursive: true });
  // What the site's build command does first: fetch the wiki into .wiki/.
  const fetched = node('scripts/wiki-fetch.ts', [], { cwd: site, env: { WIKI_REPO: wikiRepo } });
  if (fetched.code !== 0) throw new Error(`wiki:fetch failed: ${fetched.err}`);
  env = { CONTENT_DIR: path.join(site, 'content'), WIKI_DIR: path.join(site, '.wiki/wiki'), WIKI_REPO: WIKI_URL };
  // Inside the repository: a build whose output is outside it puts its prerender chunks into the
  // repository's .astro/, which other test builds running at the same time share.
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  dist = fs.mkdtempSync(path.join(ROOT, '.tmp', 'split-dist-'));
  const { code, output } = await astroBuild({ ...env, OUT_DIR: dist, BUILD_NOW: '2026-11-24T12:00:00+01:00' });
  if (code !== 0) throw new Error(`the split site does not build:\n${output.slice(-4000)}`);
});

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

describe('a private site repository with the wiki in its own public repository', () => {
  it('has no wiki/ in its content folder', () => {
    expect(fs.existsSync(path.join(site, 'content/wiki'))).toBe(false);
  });

  it('passes the content check with WIKI_DIR, and fails it without (an event names a network)', () => {
    const ok = node('scripts/check.ts', ['--today', '2026-11-24'], { cwd: ROOT, env });
    expect(ok.code, ok.out + ok.err).toBe(0);
    const without = node('scripts/check.ts', ['--today', '2026-11-24'], {
      cwd: ROOT,
      env: { CONTENT_DIR: env.CONTENT_DIR },
    });
    expect(without.code).toBe(1);
    expect(without.out).toMatch(/netvaerksmoede\.md:\d+: network: "netvaerk-nord" does not exist/);
  });

  it('builds a page for every network of the wiki, in both languages, and lists them', () => {
    for (const slug of ['netvaerk-nord', 'aabent-vaerksted']) {
      expect(fs.existsSync(fileFor(dist, `/netvaerk/${slug}/`)), slug).toBe(true);
      expect(fs.existsSync(fileFor(dist, `/en/networks/${slug}/`)), slug).toBe(true);
    }
    const index = fs.readFileSync(fileFor(dist, '/netvaerk/'), 'utf8');
    expect(index).toContain('Netværk Nord');
    expect(index).toContain('Åbent Værksted');
    expect(fs.readFileSync(fileFor(dist, '/netvaerk/netvaerk-nord/'), 'utf8')).toContain(
      'samler selvstændige på Falster',
    );
  });

  it('links an event to its network from the wiki', () => {
    const event = fs.readFileSync(fileFor(dist, '/arrangementer/netvaerksmoede/'), 'utf8');
    expect(event).toMatch(/<a href="\/netvaerk\/netvaerk-nord\/">Netværk Nord<\/a>/);
  });

  it('publishes nothing from the wiki repository but its entries, and no unlisted member', () => {
    const pages = htmlFiles(dist);
    expect(pages.filter(([p]) => /readme/i.test(p))).toEqual([]);
    for (const [p, html] of pages) {
      expect(html, p).not.toContain('Bo Skjult');
      expect(html, p).not.toContain('test fixture');
    }
  });

  it('gives the CMS no wiki collection, and offers the networks as a select on events', () => {
    const html = fs.readFileSync(fileFor(dist, '/admin/'), 'utf8');
    const json = /<script type="application\/json" id="cms-setup">([\s\S]*?)<\/script>/.exec(html)![1];
    const setup = JSON.parse(json) as {
      configs: Record<
        'da' | 'en',
        {
          collections: {
            name: string;
            description?: string;
            fields?: { name: string; widget: string; options?: unknown; hint?: string }[];
          }[];
        }
      >;
    };
    for (const lang of ['da', 'en'] as const) {
      const collections = setup.configs[lang].collections;
      expect(collections.map((c) => c.name)).not.toContain('wiki');
      const events = collections.find((c) => c.name === 'events')!;
      const network = events.fields!.find((f) => f.name === 'network')!;
      expect(network.widget).toBe('select');
      expect(network.options).toEqual([
        { label: 'Netværk Nord', value: 'netvaerk-nord' },
        { label: 'Åbent Værksted', value: 'aabent-vaerksted' },
      ]);
      expect(network.hint).toContain(WIKI_URL);
      expect(events.description).toBeTruthy();
    }
  });
});

// --- The wiki repository's own workflows, run as GitHub would run them ---------------------

interface Step {
  name?: string;
  uses?: string;
  with?: Record<string, unknown>;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  env?: Record<string, string>;
  permissions?: unknown;
  jobs: Record<string, { env?: Record<string, string>; steps: Step[] }>;
}

const workflow = (name: string) =>
  YAML.parse(fs.readFileSync(path.join(TEMPLATE, '.github/workflows', name), 'utf8')) as Workflow;

/** `${{ … }}` as GitHub fills it in; an expression the test does not know fails the test. */
function expand(text: string, context: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_all, name: string) => {
    if (!(name in context)) throw new Error(`the test does not know \${{ ${name} }}: teach it, or change the workflow`);
    return context[name];
  });
}

/**
 * Runs a workflow's `run:` steps with bash in `workspace`, with the workflow's, the job's and the
 * step's environment. The actions (checkout, setup-node) and `npm ci` are what the test has
 * already arranged: the checkouts are the folders it made, Node is this Node, and the kit's
 * packages are this repository's node_modules.
 */
async function runWorkflow(wf: Workflow, workspace: string, context: Record<string, string>) {
  const [job] = Object.values(wf.jobs);
  const results: { step: Step; code: number | null; out: string; err: string }[] = [];
  for (const step of job.steps) {
    if (step.uses || /^npm ci\b/.test(step.run ?? '')) continue;
    const stepEnv = Object.fromEntries(
      Object.entries({ ...wf.env, ...job.env, ...step.env }).map(([k, v]) => [
        k,
        expand(String(v), {
          ...context,
          ...Object.fromEntries(Object.entries(wf.env ?? {}).map(([ek, ev]) => [`env.${ek}`, ev])),
        }),
      ]),
    );
    // Asynchronously, so a server in this process (the build hook's) can answer.
    const child = spawn('bash', ['-e', '-c', expand(step.run!, context)], {
      cwd: path.join(workspace, step['working-directory'] ?? '.'),
      env: {
        PATH: `${path.dirname(process.execPath)}:${process.env.PATH}`,
        HOME: work,
        GITHUB_STEP_SUMMARY: path.join(work, 'summary.md'),
        ...stepEnv,
      },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    results.push({ step, code, out, err });
    if (code !== 0) break;
  }
  return results;
}

describe("the wiki repository's pull-request check (templates/wiki-repository/.github/workflows/check.yml)", () => {
  const wf = workflow('check.yml');
  let ws: string;
  const context = { 'github.base_ref': 'main', 'github.event.pull_request.number': '7' };

  /** A copy of the template with two networks on main; a pull request branch then adds `files`. */
  function pullRequest(files: Record<string, string>) {
    ws = fs.mkdtempSync(path.join(work, 'wiki-pr-'));
    repository(ws, TEMPLATE, path.join(FIXTURES, 'wiki-repo'));
    // An entry on main that a newer kit no longer accepts: not the pull request's doing.
    fs.writeFileSync(
      path.join(ws, 'wiki/gammelt-netvaerk.md'),
      '---\nname: Gammelt netværk\nkind: erhvervsnetvaerk\nmunicipalities: [guldborgsund]\naudience: Alle\nfax: 54 85 00 00\nlast_verified: 2020-01-01\n---\nEt gammelt netværk.\n',
    );
    git(ws, 'add', '-A');
    git(ws, 'commit', '-qm', 'Et gammelt netværk');
    // What actions/checkout leaves: the base branch as origin/main, the pull request checked out.
    git(ws, 'update-ref', 'refs/remotes/origin/main', 'main');
    git(ws, 'checkout', '-qb', 'pr');
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(ws, file), text);
    git(ws, 'add', '-A');
    git(ws, 'commit', '-q', '--allow-empty', '-m', 'Pull request');
    // The second checkout: the kit, in kit/ (this working tree stands in for the pinned ref).
    fs.symlinkSync(ROOT, path.join(ws, 'kit'));
  }

  it('checks out the kit at the pinned ref into kit/, on Node 24, and installs it with npm ci', () => {
    const steps = Object.values(wf.jobs)[0].steps;
    expect(wf.on).toHaveProperty('pull_request');
    expect(wf.on).not.toHaveProperty('pull_request_target');
    expect(wf.permissions).toEqual({ contents: 'read' });
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout'));
    expect(checkouts[0].with).toMatchObject({ 'fetch-depth': 0 });
    expect(checkouts[1].with).toMatchObject({
      repository: '${{ env.KIT_REPOSITORY }}',
      ref: '${{ env.KIT_REF }}',
      path: 'kit',
    });
    expect(Object.keys(wf.env!)).toEqual(['KIT_REPOSITORY', 'KIT_REF']);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({
      'node-version': 24,
      'cache-dependency-path': 'kit/package-lock.json',
    });
    const install = steps.find((s) => /^npm ci\b/.test(s.run ?? ''))!;
    expect(install['working-directory']).toBe('kit');
    expect(fs.existsSync(path.join(ROOT, 'package-lock.json'))).toBe(true);
  });

  it('reports a broken entry the pull request adds, as an annotation on its repository path, and fails', async () => {
    pullRequest({
      'wiki/brudt-netvaerk.md':
        '---\nname: Brudt netværk\nkind: klub\nmunicipalities: [guldborsund]\naudience: Alle\nlast_verified: 2026-01-01\n---\nTekst.\n',
    });
    const results = await runWorkflow(wf, ws, context);
    const check = results.at(-1)!;
    expect(check.step.run).toContain('node kit/scripts/check.ts --only wiki');
    expect(check.code, check.err).toBe(1);
    expect(check.out).toMatch(/^::error file=wiki\/brudt-netvaerk\.md,line=3,title=kind::/m);
    expect(check.out).toMatch(
      /^::error file=wiki\/brudt-netvaerk\.md,line=4,title=municipalities\[0\]::.*did you mean "guldborgsund"/m,
    );
    // Not the pull request's doing: an older entry, and the kit's example events, whose networks
    // are not in this wiki.
    expect(check.out).not.toContain('gammelt-netvaerk');
    expect(check.out).not.toContain('file=kit/');
    // The kit's taxonomy is named where it is, for the contributor who looks an id up.
    expect(check.out).toContain('see kit/content/taxonomies/municipalities.yml');
    expect(fs.readFileSync(path.join(work, 'summary.md'), 'utf8')).toContain('`wiki/brudt-netvaerk.md:3`');
  });

  it('would report the example events without --only (so the test above can fail)', () => {
    pullRequest({});
    const all = spawnSync(process.execPath, ['kit/scripts/check.ts'], {
      cwd: ws,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, CONTENT_DIR: 'kit/content', WIKI_DIR: 'wiki' },
    });
    expect(all.status).toBe(1);
    expect(all.stdout).toMatch(/^kit\/content\/events\/[\w-]+\.md:\d+: network: "[\w-]+" does not exist/m);
    expect(all.stdout).toMatch(/^wiki\/gammelt-netvaerk\.md:\d+: fax:/m);
  });

  it('passes a pull request that adds a good entry', async () => {
    pullRequest({
      'wiki/ok-netvaerk.md':
        '---\nname: Ok netværk\nkind: forening\nmunicipalities: [lolland]\naudience: Alle\nlast_verified: 2026-01-01\n---\nTekst.\n',
    });
    const results = await runWorkflow(wf, ws, context);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    expect(results.map((r) => r.out).join('')).not.toContain('::warning');
  });

  it('points out a change outside wiki/*.md for a closer review, without failing', async () => {
    pullRequest({
      'wiki/ok-netvaerk.md':
        '---\nname: Ok netværk\nkind: forening\nmunicipalities: [lolland]\naudience: Alle\nlast_verified: 2026-01-01\n---\nTekst.\n',
      'README.md': 'Et nyt README.\n',
    });
    const results = await runWorkflow(wf, ws, context);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    expect(results[0].out.trim().split('\n')).toEqual([
      expect.stringMatching(/^::warning file=README\.md::not a wiki entry: a maintainer must review/),
    ]);
  });
});

describe("the wiki repository's build hook (templates/wiki-repository/.github/workflows/deploy.yml)", () => {
  const wf = workflow('deploy.yml');

  it('asks Netlify to build the site when main changes', async () => {
    expect(wf.on).toEqual({ push: { branches: ['main'] } });
    const calls: string[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        calls.push(`${req.method} ${req.url} ${body}`);
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const results = await runWorkflow(wf, work, {
        'secrets.NETLIFY_BUILD_HOOK': `http://127.0.0.1:${port}/build_hooks/abc`,
      });
      expect(results.map((r) => r.code)).toEqual([0]);
      expect(calls).toEqual(['POST /build_hooks/abc {}']);
    } finally {
      server.close();
    }
  });

  it('does nothing, and says so, without the secret', async () => {
    const [r] = await runWorkflow(wf, work, { 'secrets.NETLIFY_BUILD_HOOK': '' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/NETLIFY_BUILD_HOOK is not set/);
  });
});
