import { z } from 'zod';
import { bi, field, type Bilingual, type CollectionInfo } from './meta.ts';
import * as f from './common.ts';
import type { Taxonomies } from './common.ts';

/**
 * What a member is open to, and how each is shown to readers and editors. `underleverance` is
 * offering to work as a subcontractor, `soeger_underleverandoer` looking for one; the matchmaker
 * pairs the two.
 */
export const OPEN_TO = ['samarbejde', 'opgaver', 'underleverance', 'soeger_underleverandoer', 'mentor'] as const;
export type OpenTo = (typeof OPEN_TO)[number];

export const openToLabels = {
  samarbejde: bi('Samarbejde', 'Collaboration'),
  opgaver: bi('Opgaver', 'Assignments'),
  underleverance: bi('Underleverance', 'Subcontracting'),
  soeger_underleverandoer: bi('Søger underleverandører', 'Seeks subcontractors'),
  mentor: bi('Mentor', 'Mentoring'),
} satisfies Record<OpenTo, Bilingual>;

export const membersInfo: CollectionInfo = {
  name: 'members',
  label: bi('Medlemmer', 'Members'),
  labelSingular: bi('Medlem', 'Member'),
  kind: 'folder',
  path: 'members',
  summaryField: 'name',
  hasBody: true,
  bodyLabel: bi('Præsentation', 'Presentation'),
};

export function memberSchema(tax: Taxonomies) {
  return z
    .object({
      name: f.text({ label: bi('Navn', 'Name'), hint: bi('Personens fulde navn.', "The person's full name.") }),
      business: f
        .text({
          label: bi('Virksomhed', 'Business'),
          hint: bi('Virksomhedens navn, hvis den har et.', 'Business name, if any.'),
        })
        .optional(),
      trades: f.trades(tax, {
        label: bi('Brancher', 'Trades'),
        hint: bi('Vælg 1–3 brancher.', 'Choose 1–3 trades.'),
      }),
      municipality: f.municipality(tax, {
        label: bi('Kommune', 'Municipality'),
        hint: bi('Hvor virksomheden har adresse.', 'Where the business is based.'),
      }),
      services: f
        .stringList({
          label: bi('Ydelser', 'Services'),
          hint: bi(
            'Hvad du sælger, med dine egne ord – én ydelse pr. linje.',
            'What you sell, in your own words – one per line.',
          ),
        })
        .optional(),
      open_to: field(z.array(z.enum(OPEN_TO)), {
        label: bi('Åben for', 'Open to'),
        hint: bi('Hvad du gerne vil kontaktes om.', 'What you would like to be contacted about.'),
        widget: 'select',
        options: openToLabels,
      }).optional(),
      languages: field(
        z
          .array(z.string().regex(/^[a-z]{2}$/))
          .min(1)
          .default(['da']),
        {
          label: bi('Sprog, medlemmet taler', 'Languages the member speaks'),
          hint: bi(
            'Én sprogkode med to bogstaver pr. linje: da (dansk), en (engelsk), de (tysk), sv (svensk), pl (polsk) …',
            'One two-letter language code per line: da (Danish), en (English), de (German), sv (Swedish), pl (Polish) …',
          ),
          widget: 'list',
        },
      ),
      website: f
        .url({
          label: bi('Hjemmeside', 'Website'),
          hint: bi('Fuld adresse med https://', 'Full address with https://'),
        })
        .optional(),
      email: f
        .email({
          label: bi('E-mail', 'E-mail'),
          hint: bi('Vises aldrig som klartekst på siden.', 'Never shown as plain text on the site.'),
        })
        .optional(),
      phone: f.text({ label: bi('Telefon', 'Phone') }).optional(),
      cvr: field(z.string().regex(/^\d{8}$/), {
        label: bi('CVR-nummer', 'CVR number'),
        hint: bi('De 8 cifre, fx 12345678 (uden mellemrum).', 'The 8 digits, e.g. 12345678 (no spaces).'),
        widget: 'string',
      }).optional(),
      photo: f.image({ label: bi('Foto', 'Photo'), alt: 'photo_alt' }).optional(),
      photo_alt: f
        .text({
          label: bi('Billedtekst til foto', 'Photo alt text'),
          hint: bi(
            'Beskriv billedet for dem, der ikke kan se det.',
            'Describe the picture for those who cannot see it.',
          ),
        })
        .optional(),
      groups: field(z.array(z.string().regex(f.SLUG_PATTERN)), {
        label: bi('Grupper', 'Groups'),
        hint: bi('Onlinegrupper medlemmet deltager i.', 'Online groups the member takes part in.'),
        widget: 'relation',
        ref: 'groups',
      }).optional(),
      lang: f
        .lang({
          label: bi('Præsentationens sprog', 'Language of the presentation'),
          hint: bi(
            'Det sprog, præsentationen nedenfor er skrevet på.',
            'The language the presentation below is written in.',
          ),
        })
        .default('da'),
      joined: f.date({ label: bi('Medlem siden', 'Member since') }),
      listed: f.bool({
        label: bi(
          'Har medlemmet sagt ja til at blive vist på sitet?',
          'Has the member agreed to be shown on the site?',
        ),
        hint: bi(
          'Slå til, når medlemmet har givet samtykke. Står den fra, får medlemmet ingen side, kommer ikke med i søgningen og tælles ikke med nogen steder, hvor det kan genkendes.',
          'Switch on once the member has agreed. While it is off, the member has no page, is not in the search and is not counted anywhere they could be recognised.',
        ),
      }),
    })
    .refine(...f.requiredWith('photo', 'photo_alt'));
}

export type Member = z.infer<ReturnType<typeof memberSchema>>;
