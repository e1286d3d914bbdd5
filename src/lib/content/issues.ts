import { enDa, type Bilingual } from '../../schemas/meta.ts';

/** One problem in one file, as reported by the validator. */
export interface ContentIssue {
  /** Path as shown to people, e.g. `content/members/anne-lund.md`. */
  file: string;
  /** Field path, e.g. `venue.municipality` or `gallery[1].alt`; absent for whole-file problems. */
  field?: string;
  /** 1-based line in the file, where it can be told. */
  line?: number;
  /** Stable machine-readable kind, e.g. `taxonomy`, `required`, `reference`. */
  code: string;
  message: Bilingual;
  /** A valid value close to the wrong one, when there is one. */
  suggestion?: string;
  /**
   * Other files the problem is about (the target of a reference, the other half of a
   * duplicate), so a check of changed files also reports problems a change causes elsewhere.
   */
  related?: string[];
}

/**
 * Problems that make a file unsafe to hand to anything else (Astro's own loader, the dev
 * server): they stop `astro dev` too, where other problems are only shown.
 */
export const UNSAFE_CODES = new Set([
  ...['symlink', 'not_a_file', 'not_a_folder', 'too_large', 'encoding', 'front_matter_language', 'yaml_tag', 'yaml_alias'],
  ...['media_type', 'media_size', 'media_svg', 'media_symlink', 'media_special'],
]);

export function issueLine(issue: ContentIssue): string {
  const where = [issue.line ? `${issue.file}:${issue.line}` : issue.file, issue.field].filter(Boolean).join(': ');
  return `${where}: ${enDa(issue.message)}`;
}

export function sortIssues(issues: ContentIssue[]): ContentIssue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.field ?? '').localeCompare(b.field ?? ''));
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** A GitHub Actions workflow command that shows the issue on the pull request's changed file. */
export function githubAnnotation(issue: ContentIssue): string {
  const props = [`file=${escapeProperty(issue.file)}`];
  if (issue.line) props.push(`line=${issue.line}`);
  props.push(`title=${escapeProperty(issue.field ?? issue.code)}`);
  return `::error ${props.join(',')}::${escapeData(enDa(issue.message))}`;
}
