import { fieldTable, fillGenerated } from './field-docs.ts';
import { newNetworkIssueForm } from './issue-form.ts';
import { columnsTable } from './members-csv.ts';

/** Files with parts generated from the schemas, relative to the repository root. */
export const CONTRIBUTING_FILE = 'CONTRIBUTING.md';
export const ISSUE_FORM_FILE = '.github/ISSUE_TEMPLATE/new-network.yml';

/** CONTRIBUTING.md with its generated tables brought up to date. */
export function renderContributing(markdown: string): string {
  return fillGenerated(markdown, {
    'fields:wiki': () => fieldTable('wiki'),
    'fields:members': () => fieldTable('members'),
    'csv:columns': () => columnsTable(),
  });
}

/** Every generated file, from its current text (undefined: does not exist yet) to what it should be. */
export function generatedFiles(read: (file: string) => string | undefined): Record<string, string> {
  const contributing = read(CONTRIBUTING_FILE);
  if (contributing === undefined) throw new Error(`${CONTRIBUTING_FILE} is missing`);
  return { [CONTRIBUTING_FILE]: renderContributing(contributing), [ISSUE_FORM_FILE]: newNetworkIssueForm() };
}
