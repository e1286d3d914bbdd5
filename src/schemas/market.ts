import { z } from 'zod';
import { bi, type Bilingual, type CollectionInfo } from './meta.ts';
import * as f from './common.ts';
import type { Taxonomies } from './common.ts';

/** A listing offers a service or asks for one; the labels are how each is shown. */
export const MARKET_KINDS = ['offer', 'request'] as const;
export type MarketKind = (typeof MARKET_KINDS)[number];
export const marketKindLabels = { offer: bi('Tilbydes', 'Offered'), request: bi('Søges', 'Wanted') } satisfies Record<
  MarketKind,
  Bilingual
>;

export const marketInfo: CollectionInfo = {
  name: 'market',
  label: bi('Markedsliste', 'Market list'),
  labelSingular: bi('Opslag', 'Listing'),
  kind: 'folder',
  path: 'market',
  summaryField: 'title',
  hasBody: true,
  bodyLabel: bi('Detaljer', 'Details'),
};

export function marketSchema(tax: Taxonomies) {
  return z
    .object({
      title: f.text({ label: bi('Overskrift', 'Title') }),
      kind: f.choice(MARKET_KINDS, marketKindLabels, { label: bi('Type', 'Kind') }),
      member: f.ref('members', {
        label: bi('Medlem', 'Member'),
        hint: bi('Hvem står bag opslaget.', 'Who posted it.'),
      }),
      trades: f.trades(tax, { label: bi('Brancher', 'Trades') }),
      date: f.date({ label: bi('Dato', 'Date') }),
      expires: f.date({
        label: bi('Udløber', 'Expires'),
        hint: bi('Opslaget skjules efter denne dato.', 'Hidden after this date.'),
      }),
      price: f.text({ label: bi('Pris', 'Price') }).optional(),
    })
    .refine((d) => !(d.date instanceof Date && d.expires instanceof Date) || d.expires >= d.date, {
      path: ['expires'],
      params: { code: 'expires_before_date' },
      when: () => true,
    });
}

export type MarketEntry = z.infer<ReturnType<typeof marketSchema>>;
