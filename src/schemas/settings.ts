import { z } from 'zod';
import { bi, field, type Bilingual, type CollectionInfo } from './meta.ts';
import * as f from './common.ts';

/** Denmark's five regions (a municipality's `region`, the map's default), and their names. */
export const REGIONS = ['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'] as const;
export type Region = (typeof REGIONS)[number];
export const regionLabels = {
  hovedstaden: bi('Region Hovedstaden', 'Capital Region'),
  sjaelland: bi('Region Sjælland', 'Region Zealand'),
  syddanmark: bi('Region Syddanmark', 'Region of Southern Denmark'),
  midtjylland: bi('Region Midtjylland', 'Central Denmark Region'),
  nordjylland: bi('Region Nordjylland', 'North Denmark Region'),
} satisfies Record<Region, Bilingual>;

export const settingsInfo: CollectionInfo = {
  name: 'settings',
  label: bi('Indstillinger', 'Settings'),
  labelSingular: bi('Indstillinger', 'Settings'),
  kind: 'file',
  path: 'settings/site.yml',
  hasBody: false,
};

const perLanguage = (label: Bilingual) =>
  field(
    z.object({
      da: f.text({ label: bi('Dansk', 'Danish') }),
      en: f.text({ label: bi('Engelsk', 'English') }),
    }),
    { label, widget: 'object' },
  );

export function settingsSchema() {
  return z.object({
    name: f.text({ label: bi('Netværkets navn', 'Network name') }),
    tagline: perLanguage(bi('Slogan', 'Tagline')),
    description: perLanguage(bi('Beskrivelse til søgemaskiner', 'Description for search engines')),
    contact_email: f.email({ label: bi('Kontakt-e-mail', 'Contact e-mail') }),
    newsletter_url: f.url({ label: bi('Tilmelding til nyhedsbrev', 'Newsletter sign-up') }).optional(),
    social: field(
      z.array(
        z.object({
          label: f.text({ label: bi('Navn', 'Label') }),
          url: f.url({ label: bi('Link', 'Link') }),
        }),
      ),
      {
        label: bi('Sociale medier', 'Social links'),
        hint: bi(
          'Vises i sidefoden og på kontaktsiden. Tom liste: ingen links vises.',
          'Shown in the footer and on the contact page. An empty list shows none.',
        ),
        widget: 'list',
      },
    ).optional(),
    map_region: f.choice(REGIONS, regionLabels, {
      label: bi('Standardregion på kortet', 'Default map region'),
    }),
  });
}

export type Settings = z.infer<ReturnType<typeof settingsSchema>>;
