import { z } from 'zod';
import { bi, field, type CollectionInfo } from './meta.ts';
import * as f from './common.ts';
import { REGIONS, regionLabels } from './settings.ts';

export const tradesInfo: CollectionInfo = {
  name: 'trades',
  label: bi('Brancher', 'Trades'),
  labelSingular: bi('Branche', 'Trade'),
  kind: 'file',
  path: 'taxonomies/trades.yml',
  hasBody: false,
};

export const municipalitiesInfo: CollectionInfo = {
  name: 'municipalities',
  label: bi('Kommuner', 'Municipalities'),
  labelSingular: bi('Kommune', 'Municipality'),
  kind: 'file',
  path: 'taxonomies/municipalities.yml',
  hasBody: false,
};

const id = () =>
  field(z.string().regex(f.SLUG_PATTERN), {
    label: bi('Id', 'Id'),
    hint: bi(
      'Små bogstaver uden æøå; ændr det ikke, når det først er i brug.',
      'Lowercase ASCII; do not change it once in use.',
    ),
    widget: 'string',
  });

const complementsMeta = {
  label: bi('Passer godt sammen med', 'Complements'),
  hint: bi(
    'Brancher, hvis medlemmer har gavn af at kende denne branches (markedsføring og IT, bogføring og rådgivning). Det gælder begge veje, så skriv det kun ét sted. Bruges af "Hvem bør du kende?".',
    'Trades whose members benefit from knowing this trade\'s (marketing and IT, bookkeeping and consulting). It works both ways, so list it in one place only. Used by "Who should you know?".',
  ),
  widget: 'select',
  taxonomy: 'trades',
} as const;

export const tradeSchema = z.object({
  id: id(),
  da: f.text({ label: bi('Dansk navn', 'Danish name') }),
  en: f.text({ label: bi('Engelsk navn', 'English name') }),
  complements: field(z.array(z.string().regex(f.SLUG_PATTERN)), complementsMeta).optional(),
});

/** A trade's complements must be trades of the list; known only once the whole list is read (the validator's second pass). */
export const tradeComplementsSchema = (tax: f.Taxonomies) =>
  z.object({ complements: field(z.array(f.taxonomyId('trades', tax)), complementsMeta).optional() });

export const municipalitySchema = z.object({
  id: id(),
  name: f.text({ label: bi('Navn', 'Name') }),
  code: field(
    z
      .string()
      .regex(/^\d{3}$/)
      .optional(),
    {
      label: bi('Kommunekode', 'Municipality code'),
      hint: bi(
        'Den officielle kode med tre cifre, fx 376 for Guldborgsund; kortet finder kommunens grænse ud fra den.',
        'The official three-digit code, e.g. 376 for Guldborgsund; the map finds the boundary by it.',
      ),
      widget: 'string',
    },
  ),
  region: f.choice(REGIONS, regionLabels, { label: bi('Region', 'Region') }),
  lat: field(z.number().min(54.5).max(57.8), { label: bi('Breddegrad', 'Latitude'), widget: 'number' }),
  lon: field(z.number().min(8).max(15.3), { label: bi('Længdegrad', 'Longitude'), widget: 'number' }),
});

export type Trade = z.infer<typeof tradeSchema>;
export type Municipality = z.infer<typeof municipalitySchema>;
