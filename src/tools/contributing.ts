import { fieldTable, fillGenerated } from './field-docs.ts';
import { newNetworkIssueForm } from './issue-form.ts';
import { columnsTable } from './members-csv/index.ts';

/** Files with parts generated from the schemas, relative to the repository root. */
export const CONTRIBUTING_FILE = 'CONTRIBUTING.md';
export const ISSUE_FORM_FILE = '.github/ISSUE_TEMPLATE/new-network.yml';
/** What a network copies to start its public wiki repository (docs/NEW-NETWORK.md). */
export const WIKI_TEMPLATE_DIR = 'templates/wiki-repository';
export const WIKI_CONTRIBUTING_FILE = `${WIKI_TEMPLATE_DIR}/CONTRIBUTING.md`;
export const WIKI_ISSUE_FORM_FILE = `${WIKI_TEMPLATE_DIR}/.github/ISSUE_TEMPLATE/new-network.yml`;

/** CONTRIBUTING.md with its generated tables brought up to date. */
export function renderContributing(markdown: string): string {
  return fillGenerated(markdown, {
    'fields:wiki': () => fieldTable('wiki'),
    'fields:members': () => fieldTable('members'),
    'csv:columns': () => columnsTable(),
  });
}

/** The wiki repository's CONTRIBUTING.md: the wiki's field table only (members are not its business). */
export function renderWikiContributing(markdown: string): string {
  return fillGenerated(markdown, { 'fields:wiki': () => fieldTable('wiki') });
}

/** Every generated file, from its current text (undefined: does not exist yet) to what it should be. */
export function generatedFiles(read: (file: string) => string | undefined): Record<string, string> {
  const text = (file: string) => {
    const found = read(file);
    if (found === undefined) throw new Error(`${file} is missing`);
    return found;
  };
  return {
    [CONTRIBUTING_FILE]: renderContributing(text(CONTRIBUTING_FILE)),
    [ISSUE_FORM_FILE]: newNetworkIssueForm('kit'),
    [WIKI_CONTRIBUTING_FILE]: renderWikiContributing(text(WIKI_CONTRIBUTING_FILE)),
    [WIKI_ISSUE_FORM_FILE]: newNetworkIssueForm('wiki'),
  };
}
