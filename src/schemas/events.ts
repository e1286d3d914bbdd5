import { z } from 'zod';
import { bi, field, type Bilingual, type CollectionInfo } from './meta.ts';
import * as f from './common.ts';
import type { Taxonomies } from './common.ts';

/** Whether an event takes place as planned, and how each is shown to readers and editors. */
export const EVENT_STATUS = ['planned', 'cancelled', 'full'] as const;
export type EventStatus = (typeof EVENT_STATUS)[number];

export const eventStatusLabels = {
  planned: bi('Planlagt', 'Planned'),
  cancelled: bi('Aflyst', 'Cancelled'),
  full: bi('Fuldt booket', 'Fully booked'),
} satisfies Record<EventStatus, Bilingual>;

export const eventsInfo: CollectionInfo = {
  name: 'events',
  label: bi('Arrangementer', 'Events'),
  labelSingular: bi('Arrangement', 'Event'),
  kind: 'folder',
  path: 'events',
  summaryField: 'title',
  hasBody: true,
  bodyLabel: bi('Program og praktisk', 'Programme and practical details'),
};

export function eventSchema(tax: Taxonomies) {
  return z
    .object({
      title: f.text({ label: bi('Titel', 'Title') }),
      description: f.longText({ label: bi('Kort beskrivelse', 'Description') }),
      start: f.dateTime({
        label: bi('Starter', 'Starts'),
        hint: bi('Dansk tid, fx 2027-01-14T17:30.', 'Danish time, e.g. 2027-01-14T17:30.'),
      }),
      end: f.dateTime({ label: bi('Slutter', 'Ends') }).optional(),
      lang: f.lang(),
      venue: field(
        z.object({
          name: f.text({ label: bi('Sted', 'Venue') }),
          address: f.text({ label: bi('Adresse', 'Address') }).optional(),
          municipality: f.municipality(tax, { label: bi('Kommune', 'Municipality') }),
        }),
        {
          label: bi('Mødested', 'Venue'),
          hint: bi('Påkrævet, medmindre arrangementet er online.', 'Required unless the event is online.'),
          widget: 'object',
        },
      ).optional(),
      online_url: f.url({ label: bi('Onlinelink', 'Online link') }).optional(),
      price: f
        .text({ label: bi('Pris', 'Price'), hint: bi('Fx "Gratis" eller "250 kr."', 'E.g. "Gratis" or "250 kr."') })
        .optional(),
      registration_url: f.url({ label: bi('Tilmelding', 'Registration link') }).optional(),
      organizers: f.refs('members', { label: bi('Arrangører', 'Organizers') }).optional(),
      network: f
        .ref('wiki', {
          label: bi('Arrangerende netværk', 'Organising network'),
          hint: bi('Netværket fra netværkswikien.', 'The network from the network wiki.'),
        })
        .optional(),
      status: f.choice(EVENT_STATUS, eventStatusLabels, { label: bi('Status', 'Status') }).default('planned'),
      cover: f.image({ label: bi('Billede', 'Cover image'), alt: 'cover_alt' }).optional(),
      cover_alt: f.text({ label: bi('Billedtekst', 'Cover alt text') }).optional(),
    })
    .refine(...f.oneOf(['venue', 'online_url']))
    .refine(...f.requiredWith('cover', 'cover_alt'))
    .refine((d) => !(d.end instanceof Date && d.start instanceof Date) || d.end.getTime() > d.start.getTime(), {
      path: ['end'],
      params: { code: 'end_before_start' },
      when: () => true,
    });
}

export type Event = z.infer<ReturnType<typeof eventSchema>>;
