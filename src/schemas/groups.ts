import { z } from 'zod';
import { bi, type Bilingual, type CollectionInfo } from './meta.ts';
import * as f from './common.ts';

/** The kinds of online group, and how each is shown to readers and editors. */
export const GROUP_KINDS = ['main', 'regional', 'niche'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const groupKindLabels = {
  main: bi('Hovedgruppe', 'Main group'),
  regional: bi('Regional gruppe', 'Regional group'),
  niche: bi('Faggruppe', 'Niche group'),
} satisfies Record<GroupKind, Bilingual>;

export const groupsInfo: CollectionInfo = {
  name: 'groups',
  label: bi('Onlinegrupper', 'Online groups'),
  labelSingular: bi('Gruppe', 'Group'),
  kind: 'folder',
  path: 'groups',
  summaryField: 'name',
  hasBody: true,
  bodyLabel: bi('Om gruppen', 'About the group'),
};

export function groupSchema() {
  return z.object({
    name: f.text({ label: bi('Navn', 'Name') }),
    description: f.longText({ label: bi('Kort beskrivelse', 'Description') }),
    kind: f.choice(GROUP_KINDS, groupKindLabels, { label: bi('Type', 'Kind') }),
    url: f.url({
      label: bi('Link til gruppen', 'Link to the group'),
      hint: bi('Hvor gruppen bor online.', 'Where the group lives online.'),
    }),
    meets_physically: f.bool({ label: bi('Mødes fysisk', 'Meets in person') }),
    contacts: f.refs('members', { label: bi('Kontaktpersoner', 'Contacts') }).optional(),
  });
}

export type Group = z.infer<ReturnType<typeof groupSchema>>;
