import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { bi, enDa, type Bilingual } from '../../schemas/meta.ts';
import type { ContentIssue } from './issues.ts';
import { collectionDir, externalCollections, isInside } from './paths.ts';

const git = (args: string[], cwd: string) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** Why changes since a base cannot be looked up here: no git repository, or no such base. */
export class GitBaseError extends Error {
  readonly bilingual: Bilingual;
  constructor(message: Bilingual) {
    super(enDa(message));
    this.bilingual = message;
  }
}

/**
 * Absolute paths of the files changed since `base` (a branch, tag or commit): committed on this
 * branch since it left `base`, changed in the working tree, or new and untracked. Renames count
 * as a deletion and an addition, so references to the old name are checked too.
 */
export function changedSince(base: string, cwd = process.cwd()): string[] {
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd);
  } catch {
    throw new GitBaseError(bi(`${cwd} er ikke i et git-repository; --base kræver git`, `${cwd} is not in a git repository; --base needs git`));
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${base}^{commit}`], cwd);
  } catch {
    const fetch = `git fetch origin ${base.replace(/^origin\//, '')}`;
    throw new GitBaseError(
      bi(
        `"${base}" er ikke en gren, et tag eller en commit her (hent den først: ${fetch})`,
        `"${base}" is not a branch, tag or commit here (in a pull request, fetch it first: ${fetch})`,
      ),
    );
  }
  let from = base;
  try {
    from = git(['merge-base', base, 'HEAD'], cwd);
  } catch {
    // No common history (shallow clone): compare with the base itself.
  }
  const names = [
    ...git(['diff', '--name-only', '--no-renames', from], top).split('\n'),
    ...git(['ls-files', '--others', '--exclude-standard'], top).split('\n'),
  ];
  return [...new Set(names.filter(Boolean).map((n) => path.resolve(top, n)))];
}

/**
 * The issues a change is responsible for: those in changed files, and those elsewhere that are
 * about a changed file (a reference to a member that was renamed or deleted, the other half of
 * a duplicate). A changed taxonomy or settings file can break any entry, so then all issues count.
 */
export function issuesForChanged(issues: ContentIssue[], changed: Iterable<string>, dir: string): ContentIssue[] {
  const set = new Set([...changed].map((f) => path.resolve(f)));
  const shared = [path.join(dir, 'taxonomies'), path.join(dir, 'settings')].map((p) => path.resolve(p) + path.sep);
  if ([...set].some((f) => shared.some((s) => f.startsWith(s)))) return issues;
  return issues.filter((i) => set.has(path.resolve(i.file)) || (i.related ?? []).some((r) => set.has(path.resolve(r))));
}

/** Only content files matter for the summary: inside the content folder, or in a collection kept elsewhere (WIKI_DIR). */
export function contentFiles(changed: Iterable<string>, dir: string, env: Record<string, string | undefined> = process.env): string[] {
  const roots = [dir, ...externalCollections(dir, env).map((c) => collectionDir(dir, c, env))];
  return [...changed].map((f) => path.resolve(f)).filter((f) => roots.some((root) => isInside(f, root)));
}
