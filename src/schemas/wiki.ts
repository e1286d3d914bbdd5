import { z } from 'zod';
import { bi, field, type Bilingual, type CollectionInfo } from './meta.ts';
import * as f from './common.ts';
import type { Taxonomies } from './common.ts';

/** The kinds of network in the wiki, and how each is shown to readers and editors. */
export const NETWORK_KINDS = [
  'erhvervsnetvaerk',
  'ivaerksaetternetvaerk',
  'faglig',
  'online',
  'forening',
  'kommunalt',
] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

export const networkKindLabels = {
  erhvervsnetvaerk: bi('Erhvervsnetværk', 'Business network'),
  ivaerksaetternetvaerk: bi('Iværksætternetværk', 'Start-up network'),
  faglig: bi('Fagligt netværk', 'Professional network'),
  online: bi('Onlinenetværk', 'Online network'),
  forening: bi('Forening', 'Association'),
  kommunalt: bi('Kommunalt netværk', 'Municipal network'),
} satisfies Record<NetworkKind, Bilingual>;

export const wikiInfo: CollectionInfo = {
  name: 'wiki',
  label: bi('Netværkswiki', 'Network wiki'),
  labelSingular: bi('Netværk', 'Network'),
  kind: 'folder',
  path: 'wiki',
  summaryField: 'name',
  hasBody: true,
  bodyLabel: bi('Beskrivelse', 'Description'),
};

export function wikiSchema(tax: Taxonomies) {
  return z.object({
    name: f.text({ label: bi('Netværkets navn', 'Network name') }),
    kind: f.choice(NETWORK_KINDS, networkKindLabels, { label: bi('Type', 'Kind') }),
    municipalities: field(z.array(f.taxonomyId('municipalities', tax)).min(1), {
      label: bi('Kommuner', 'Municipalities'),
      hint: bi('Hvor netværket er aktivt – mindst én.', 'Where the network is active – at least one.'),
      widget: 'select',
      taxonomy: 'municipalities',
    }),
    nationwide: f.bool({ label: bi('Landsdækkende', 'Nationwide') }).optional(),
    audience: f.text({
      label: bi('Målgruppe', 'Audience'),
      hint: bi('Hvem netværket er for.', 'Who the network is for.'),
    }),
    website: f.url({ label: bi('Hjemmeside', 'Website') }).optional(),
    contact_email: f.email({ label: bi('Kontakt-e-mail', 'Contact e-mail') }).optional(),
    meets: f
      .text({
        label: bi('Mødes', 'Meets'),
        hint: bi('Fx "hver sjette uge, Nykøbing F."', 'E.g. "every sixth week, Nykøbing F."'),
      })
      .optional(),
    founded: field(z.number().int().min(1800).max(2100), {
      label: bi('Stiftet (år)', 'Founded (year)'),
      widget: 'number',
    }).optional(),
    size: field(z.number().int().min(1), {
      label: bi('Antal medlemmer (ca.)', 'Members (approx.)'),
      widget: 'number',
    }).optional(),
    free: f.bool({ label: bi('Gratis medlemskab', 'Free to join') }).optional(),
    location: field(
      z.object({
        lat: field(z.number().min(54.5).max(57.8), { label: bi('Breddegrad', 'Latitude'), widget: 'number' }),
        lon: field(z.number().min(8).max(15.3), { label: bi('Længdegrad', 'Longitude'), widget: 'number' }),
      }),
      {
        label: bi('Placering på kortet', 'Map location'),
        hint: bi('Udfyld kun, hvis kommunens hovedby er forkert.', "Only when the municipality's main town is wrong."),
        widget: 'object',
      },
    ).optional(),
    last_verified: f.date({
      label: bi('Sidst kontrolleret', 'Last verified'),
      hint: bi(
        'Den dag nogen sidst tjekkede, at oplysningerne er rigtige.',
        'The day someone last checked the entry is true.',
      ),
    }),
  });
}

export type Network = z.infer<ReturnType<typeof wikiSchema>>;
