import { z } from 'zod';
import { bi, type CollectionInfo } from './meta.ts';
import * as f from './common.ts';

export const pagesInfo: CollectionInfo = {
  name: 'pages',
  label: bi('Sider', 'Pages'),
  labelSingular: bi('Side', 'Page'),
  kind: 'folder',
  path: 'pages',
  summaryField: 'title',
  hasBody: true,
  bodyLabel: bi('Indhold', 'Content'),
};

export function pageSchema() {
  return z.object({
    title: f.text({ label: bi('Titel', 'Title') }),
    lang: f.lang(),
    description: f.longText({ label: bi('Kort beskrivelse', 'Description') }),
    translation_of: f
      .ref('pages', {
        label: bi('Oversættelse af', 'Translation of'),
        hint: bi('Siden på det andet sprog.', 'The page in the other language.'),
      })
      .optional(),
  });
}

export type Page = z.infer<ReturnType<typeof pageSchema>>;
