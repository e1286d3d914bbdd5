#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { collectionDir, displayPath, externalCollections, isInside } from '../src/lib/content/paths.ts';
import { folderCollections, type FolderCollection } from '../src/schemas/index.ts';
import { validateContent } from '../src/lib/content/validate.ts';
import { contributorIssues } from '../src/lib/content/contrib.ts';
import { changedSince, contentFiles, GitBaseError, issuesForChanged } from '../src/lib/content/changed.ts';
import { githubAnnotation, issueLine, sortIssues, type ContentIssue } from '../src/lib/content/issues.ts';
import { contentFolder, dayOption, oneOf, parseCli, runCli, UsageError } from '../src/lib/cli.ts';
import { bi, enDa, type Bilingual } from '../src/schemas/meta.ts';

const HELP = `Usage: npm run check [-- DIR] [--only COLLECTION,...] [--base GIT-REF | --changed FILE...] [--format text|json|github] [--today YYYY-MM-DD]

Validates every content file in DIR (default: $CONTENT_DIR or content/) against the
schemas, taxonomies and cross-references, without building the site, and applies the
rules for contributions: duplicate slugs and networks, last_verified in the future,
raw HTML in member, wiki, event and market bodies.
Reports every problem at once, one line each: file, field, what is wrong, what to do.

  --base REF        report only problems in files changed since REF (git), e.g. origin/main;
                    references are still checked against the whole folder
  --changed FILE... the same for the files given (put DIR before --changed)
  --only wiki       report only problems in files of these collections (comma-separated:
                    ${Object.keys(folderCollections).join(', ')}); the rest is still read, for
                    references, taxonomies and settings. With --base, the changes are looked
                    up in the git repository of those collections' folders. This is how a
                    network's public wiki repository checks its pull requests:
                    CONTENT_DIR=kit/content WIKI_DIR=wiki node kit/scripts/check.ts --only wiki
  --format github   GitHub Actions annotations (::error file=…,line=…::…)
  --today DATE      the date "in the future" is measured from (default: today in Denmark)

Environment: CONTENT_DIR (the content folder), WIKI_DIR (the wiki's entries, when they are
kept in their own repository; see docs/NEW-NETWORK.md).

Exit codes: 0 valid, 1 content problems found, 2 usage error.`;

/** `--only wiki,events`: known collection names, each once. */
function onlyOption(value: string | undefined): FolderCollection[] | undefined {
  if (value === undefined) return undefined;
  const names = [
    ...new Set(
      value
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
    ),
  ];
  const known = Object.keys(folderCollections);
  const unknown = names.filter((n) => !known.includes(n));
  if (names.length === 0 || unknown.length)
    throw new UsageError(
      bi(
        `--only skal have navne på samlinger (${known.join(', ')})`,
        `--only takes collection names (${known.join(', ')}), not "${unknown.join(', ') || value}"`,
      ),
    );
  return names as FolderCollection[];
}

/** `--changed a.md b.md` takes every following argument up to the next option. */
function splitChanged(argv: string[]): { rest: string[]; changed?: string[] } {
  const rest: string[] = [];
  let changed: string[] | undefined;
  let collecting = false;
  for (const arg of argv) {
    if (arg === '--changed') {
      changed ??= [];
      collecting = true;
    } else if (arg.startsWith('--changed=')) {
      changed = [...(changed ?? []), arg.slice('--changed='.length)];
      collecting = false;
    } else if (collecting && !arg.startsWith('-')) changed!.push(arg);
    else {
      collecting = false;
      rest.push(arg);
    }
  }
  return { rest, changed };
}

/**
 * The report's messages with their keys English first, as every printed line has them: the order
 * of a JSON object's keys is part of the report, so the Bilingual is taken apart, not written anew.
 */
function englishFirst(key: string, value: unknown) {
  if (key !== 'message' || !value || typeof value !== 'object') return value;
  const { en, da } = value as Bilingual;
  return { en, da };
}

function main(argv: string[]): number {
  const { rest, changed: changedArgs } = splitChanged(argv);
  const args = parseCli(
    rest,
    HELP,
    {
      format: { type: 'string', default: 'text' },
      base: { type: 'string' },
      today: { type: 'string' },
      only: { type: 'string' },
    },
    { positionals: true },
  );
  if (!args) return 0;
  const format = oneOf('--format', args.values.format, ['text', 'json', 'github']);
  if (args.positionals.length > 1)
    throw new UsageError(
      bi('angiv højst én mappe (før --changed)', 'Give at most one folder (put it before --changed)'),
    );
  if (args.values.base !== undefined && changedArgs)
    throw new UsageError(bi('angiv --base eller --changed, ikke begge', 'Give --base or --changed, not both'));
  if (changedArgs && changedArgs.length === 0)
    throw new UsageError(bi('--changed skal have mindst én fil', '--changed needs at least one file'));
  const today = dayOption(args.values.today);
  const only = onlyOption(args.values.only);
  const dir = contentFolder(args.positionals[0], 'check');
  const onlyFolders = only?.map((c) => collectionDir(dir, c));

  let changed: string[] | undefined;
  if (args.values.base !== undefined) {
    try {
      // The wiki may be a repository of its own: look for changes where the reported files are.
      changed = [...new Set((onlyFolders ?? [dir]).flatMap((folder) => changedSince(args.values.base!, folder)))];
    } catch (err) {
      // No repository or no such base is how the command was called; any other failure of git is unexpected.
      throw err instanceof GitBaseError ? new UsageError(err.bilingual) : err;
    }
  } else if (changedArgs) changed = changedArgs.map((f) => path.resolve(f));

  const { issues: schemaIssues, raw } = validateContent(dir);
  let issues: ContentIssue[] = sortIssues([...schemaIssues, ...contributorIssues(raw, { today })]);
  const changedContent =
    changed &&
    contentFiles(changed, dir).filter((f) => !onlyFolders || onlyFolders.some((folder) => isInside(f, folder)));
  if (changed) issues = issuesForChanged(issues, changed, dir);
  if (onlyFolders) issues = issues.filter((i) => onlyFolders.some((folder) => isInside(path.resolve(i.file), folder)));
  const checked = only ? raw.entries.filter((e) => only.includes(e.collection)) : raw.entries;
  // Where the files are, for the summary: the content folder, and the wiki when it is elsewhere.
  const where = (onlyFolders ?? [dir, ...externalCollections(dir).map((c) => collectionDir(dir, c))])
    .map(displayPath)
    .join(' + ');

  if (format === 'json') {
    const report = {
      dir: displayPath(dir),
      ...(only ? { only } : {}),
      files: checked.length,
      ...(changedContent ? { changed: changedContent.map(displayPath) } : {}),
      issues,
    };
    console.log(JSON.stringify(report, englishFirst, 2));
    return issues.length === 0 ? 0 : 1;
  }
  for (const issue of issues) console.log(format === 'github' ? githubAnnotation(issue) : issueLine(issue));
  if (format === 'github' && process.env.GITHUB_STEP_SUMMARY && issues.length) {
    // Annotations are capped per step; the job summary keeps the whole list.
    const lines = issues.map(
      (i) => `- \`${i.file}${i.line ? `:${i.line}` : ''}\`${i.field ? ` **${i.field}**` : ''}: ${enDa(i.message)}`,
    );
    fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, `### Indholdstjek — content check\n\n${lines.join('\n')}\n`);
  }
  const files = new Set(issues.map((i) => i.file)).size;
  const summary = changedContent
    ? bi(
        `${changedContent.length} ændrede fil(er), tjekket mod ${displayPath(dir)}: ingen problemer`,
        `${changedContent.length} changed file(s), checked against ${displayPath(dir)}: no problems`,
      )
    : bi('alle filer er gyldige', `${checked.length} files in ${where} are valid`);
  console.error(
    issues.length === 0
      ? `✓ ${enDa(summary)}`
      : `✗ ${enDa(bi(`${issues.length} problem(er) i ${files} fil(er)`, `${issues.length} problem(s) in ${files} file(s)`))}`,
  );
  return issues.length === 0 ? 0 : 1;
}

await runCli(HELP, main);
