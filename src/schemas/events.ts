import { z } from 'zod';
import { bi, field, type Bilingual, type CollectionInfo } from './meta.ts';
import * as f from './common.ts';
import type { Taxonomies } from './common.ts';
import { isoDay } from '../lib/dates.ts';

/** Whether an event takes place as planned, and how each is shown to readers and editors. */
export const EVENT_STATUS = ['planned', 'cancelled', 'full'] as const;
export type EventStatus = (typeof EVENT_STATUS)[number];

export const eventStatusLabels = {
  planned: bi('Planlagt', 'Planned'),
  cancelled: bi('Aflyst', 'Cancelled'),
  full: bi('Fuldt booket', 'Fully booked'),
} satisfies Record<EventStatus, Bilingual>;

/** How often a recurring event repeats (RRULE FREQ); the interval counts these. */
export const RECURRENCE_FREQS = ['weekly', 'monthly'] as const;
export type RecurrenceFreq = (typeof RECURRENCE_FREQS)[number];

export const recurrenceFreqLabels = {
  weekly: bi('Uger', 'Weeks'),
  monthly: bi('Måneder', 'Months'),
} satisfies Record<RecurrenceFreq, Bilingual>;

/** Bounds that keep a series finite enough to expand at build time and plausible as a meeting. */
export const MAX_RECURRENCE_INTERVAL = 52;
export const MAX_RECURRENCE_COUNT = 500;

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
      recurrence: field(
        z.object({
          freq: f.choice(RECURRENCE_FREQS, recurrenceFreqLabels, {
            label: bi('Gentages med nogle', 'Repeats every few'),
          }),
          interval: field(z.number().int().min(1).max(MAX_RECURRENCE_INTERVAL), {
            label: bi('Hvor mange', 'How many'),
            hint: bi('Fx 6 og "Uger" for hver sjette uge.', 'E.g. 6 and "Weeks" for every sixth week.'),
            widget: 'number',
          }),
          until: f
            .date({
              label: bi('Sidste gang (dato)', 'Last time (date)'),
              hint: bi(
                'Tom: fortsætter. Med antal gange også slutter den ved det, der kommer først.',
                'Empty: goes on. With a number of times too, it ends at whichever comes first.',
              ),
            })
            .optional(),
          count: field(z.number().int().min(1).max(MAX_RECURRENCE_COUNT), {
            label: bi('Antal gange i alt', 'Number of times in all'),
            hint: bi(
              'Tom: fortsætter. Med en sidste dato også slutter den ved det, der kommer først.',
              'Empty: goes on. With a last date too, it ends at whichever comes first.',
            ),
            widget: 'number',
          }).optional(),
        }),
        {
          label: bi('Gentagelse', 'Repeats'),
          hint: bi(
            'Kun for faste møder, fx hver sjette uge. Start og slut er første gang; samme klokkeslæt hver gang.',
            'Only for regular meetings, e.g. every sixth week. Start and end are the first time; the same time of day each time.',
          ),
          widget: 'object',
        },
      ).optional(),
      updated: f
        .dateTime({
          label: bi('Sidst ændret', 'Last changed'),
          hint: bi(
            'Sæt tidspunktet, når du ændrer tid, sted eller status, så kalenderne hos dem, der abonnerer, opdateres.',
            "Set the time when you change the time, place or status, so subscribers' calendars update.",
          ),
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
    })
    .refine(
      (d) =>
        !(d.recurrence?.until instanceof Date && d.start instanceof Date) ||
        d.recurrence.until.toISOString().slice(0, 10) >= isoDay(d.start),
      { path: ['recurrence', 'until'], params: { code: 'until_before_start' }, when: () => true },
    );
}

export type Event = z.infer<ReturnType<typeof eventSchema>>;
