#!/usr/bin/env node
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { doing, InputError, parseCli, runCli, UsageError } from '../src/lib/cli.ts';
import { collectionDir, contentDir, displayPath, isInside, WIKI_CHECKOUT } from '../src/lib/content/paths.ts';
import { printable, wikiBranchProblem, wikiSource } from '../src/tools/wiki-repo.ts';
import { bi, enDa } from '../src/schemas/meta.ts';

const HELP = `Usage: npm run wiki:fetch [-- --dry-run]

For a site whose network wiki is kept in its own public repository (docs/NEW-NETWORK.md):
clones WIKI_REPO into ${WIKI_CHECKOUT}/ (ignored by git), or brings the clone that is there up to
date, and prints the commit it got. The build then reads the entries in ${WIKI_CHECKOUT}/wiki/
(or in WIKI_DIR, when that is set). Without WIKI_REPO it does nothing.

Environment:
  WIKI_REPO    the public wiki repository: an https:// address, or a folder on this machine
               (a path or file://) for working offline
  WIKI_BRANCH  the branch or tag to fetch (default main)

  --dry-run    say what would be fetched; change nothing

Exit codes: 0 fetched (or nothing to do), 1 git could not fetch it or ${WIKI_CHECKOUT}/ cannot be
updated safely, 2 WIKI_REPO or WIKI_BRANCH is not usable.`;

/** git with arguments as a list (never a shell line), no prompts, and only the transports WIKI_REPO may use. */
function git(args: string[], cwd?: string): string {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ALLOW_PROTOCOL: 'https:file', GIT_CONFIG_NOSYSTEM: '1' },
    }).trim();
  } catch (err) {
    const e = err as { code?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT')
      throw new InputError(
        bi('git er ikke installeret; installér git, og kør igen', 'git is not installed; install git and run again'),
      );
    const said = printable((e.stderr || e.message).split('\n').filter(Boolean).slice(-2).join(' '), 300);
    throw new GitError(said);
  }
}

class GitError extends Error {}

const entries = (n: number) => (n === 1 ? bi('1 post', '1 entry') : bi(`${n} poster`, `${n} entries`));

function main(argv: string[]): number {
  const args = parseCli(argv, HELP, { 'dry-run': { type: 'boolean' } });
  if (!args) return 0;
  const repo = process.env.WIKI_REPO?.trim();
  if (!repo) {
    const from = displayPath(collectionDir(contentDir(), 'wiki'));
    console.log(
      enDa(
        bi(
          `WIKI_REPO er ikke sat: intet at hente; wikien læses fra ${from}`,
          `WIKI_REPO is not set: nothing to fetch; the wiki is read from ${from}`,
        ),
      ),
    );
    return 0;
  }
  const source = wikiSource(repo);
  if ('problem' in source) throw new UsageError(source.problem);
  const branch = process.env.WIKI_BRANCH?.trim() || 'main';
  const branchProblem = wikiBranchProblem(branch);
  if (branchProblem) throw new UsageError(branchProblem);

  const target = path.resolve(WIKI_CHECKOUT);
  const shownTarget = displayPath(target);
  const stat = fs.lstatSync(target, { throwIfNoEntry: false });
  if (stat && (stat.isSymbolicLink() || !stat.isDirectory() || !fs.existsSync(path.join(target, '.git')))) {
    // Not ours to replace: it may be someone's work.
    throw new InputError(
      bi(
        'er ikke en kopi lavet af npm run wiki:fetch; flyt den væk (eller brug den som WIKI_DIR), og kør igen',
        'is not a clone made by npm run wiki:fetch; move it away (or use it as WIKI_DIR) and run again',
      ),
      target,
    );
  }
  if (args.values['dry-run']) {
    const what = stat ? bi('opdatere', 'update') : bi('klone', 'clone');
    console.log(
      enDa(
        bi(
          `ville ${what.da} ${source.shown} (${branch}) i ${shownTarget}`,
          `Would ${what.en} ${source.shown} (${branch}) in ${shownTarget}`,
        ),
      ),
    );
    return 0;
  }

  try {
    if (stat) {
      doing(bi(`opdaterede ${shownTarget}`, `updating ${shownTarget}`));
      if (git(['status', '--porcelain'], target)) {
        throw new InputError(
          bi(
            `har lokale ændringer, som hentningen ville overskrive; gem dem i din egen kopi (WIKI_DIR), eller læg dem væk med git -C ${shownTarget} stash -u, og kør igen`,
            `has local changes, which fetching would overwrite; keep them in a checkout of your own (WIKI_DIR), or discard them with git -C ${shownTarget} stash -u, and run again`,
          ),
          target,
        );
      }
      git(['remote', 'set-url', 'origin', source.url], target);
      git(['fetch', '--quiet', '--depth', '1', '--no-tags', 'origin', '--', branch], target);
      git(['checkout', '--quiet', '--detach', 'FETCH_HEAD'], target);
    } else {
      doing(bi(`klonede ${source.shown}`, `cloning ${source.shown}`));
      git(['clone', '--quiet', '--depth', '1', '--no-tags', '--branch', branch, '--', source.url, target]);
    }
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    throw new InputError(
      bi(
        `git kunne ikke hente ${source.shown} (${branch}): ${err.message}. Tjek WIKI_REPO og WIKI_BRANCH, og at repositoriet er offentligt`,
        `git could not fetch ${source.shown} (${branch}): ${err.message}. Check WIKI_REPO and WIKI_BRANCH, and that the repository is public`,
      ),
    );
  }

  const entriesDir = path.join(target, 'wiki');
  if (!fs.statSync(entriesDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new InputError(
      bi(
        'har ingen wiki/-mappe; wiki-repositoriet har sine poster i wiki/ (se templates/wiki-repository)',
        'has no wiki/ folder; the wiki repository keeps its entries in wiki/ (see templates/wiki-repository)',
      ),
      target,
    );
  }
  const commit = git(['rev-parse', 'HEAD'], target);
  const [day, ...subject] = git(['log', '-1', '--format=%cs %s'], target).split(' ');
  const count = entries(fs.readdirSync(entriesDir).filter((n) => n.endsWith('.md')).length);
  const got = bi(
    `hentet ved ${commit.slice(0, 12)}; ${count.da} i ${displayPath(entriesDir)}`,
    `${source.shown} (${branch}) at ${commit.slice(0, 12)}, ${day}: ${printable(subject.join(' '))}; ${count.en} in ${displayPath(entriesDir)}`,
  );
  console.log(`✓ ${enDa(got)}`);
  const used = collectionDir(contentDir(), 'wiki');
  if (!isInside(used, entriesDir)) {
    console.log(
      enDa(
        bi(
          `bemærk: WIKI_DIR er sat, så bygningen læser wikien fra ${displayPath(used)}`,
          `Note: WIKI_DIR is set, so the build reads the wiki from ${displayPath(used)}`,
        ),
      ),
    );
  }
  return 0;
}

await runCli(HELP, main);
