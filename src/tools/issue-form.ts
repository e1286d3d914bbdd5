import YAML from 'yaml';
import { folderCollections } from '../schemas/index.ts';
import type { Bilingual } from '../schemas/meta.ts';
import { collectionSchema, fieldDocs, type FieldDoc } from './field-docs.ts';

/** Id of the form field that asks for the entry's Markdown body. */
export const BODY_FIELD_ID = 'body';

/** A form for contributors: Danish first, English beside it. */
const pair = (text: Bilingual) => `${text.da} · ${text.en}`;
const label = (d: FieldDoc) => pair(d.label);
const hintOf = (d: FieldDoc) => [d.hint ? pair(d.hint) : '', pair(d.type)].filter(Boolean).join('\n\n');

function formField(d: FieldDoc): Record<string, unknown> {
  const validations = { required: d.required };
  const dropdown = (options: string[]) => ({
    type: 'dropdown',
    id: d.name,
    attributes: { label: label(d), description: d.hint ? pair(d.hint) : undefined, options },
    validations,
  });
  if (d.meta?.options) return dropdown(Object.entries(d.meta.options).map(([k, l]) => `${k} — ${pair(l)}`));
  if (d.meta?.widget === 'boolean') return dropdown(['Ja · Yes', 'Nej · No', 'Ved ikke · Not sure']);
  if (d.children) {
    const parts = d.children.map(label).join(', ');
    const hint = d.hint ? `${pair(d.hint)}\n\n` : '';
    return { type: 'input', id: d.name, attributes: { label: label(d), description: `${hint}${parts}` }, validations };
  }
  if (d.meta?.taxonomy) {
    // People filling in a form know names, not ids; the volunteer who makes the file looks up the ids.
    const names =
      d.meta.taxonomy === 'municipalities'
        ? 'Kommunenavne, fx Guldborgsund · municipality names'
        : 'Brancher, fx IT og databehandling · trades';
    const hint = d.hint ? `${pair(d.hint)}\n\n` : '';
    return {
      type: 'textarea',
      id: d.name,
      attributes: { label: label(d), description: `${hint}${names}; én pr. linje · one per line` },
      validations,
    };
  }
  const list = d.type.en.startsWith('list');
  return {
    type: list ? 'textarea' : 'input',
    id: d.name,
    attributes: { label: label(d), description: list ? `${hintOf(d)}\n\nÉn pr. linje · one per line` : hintOf(d) },
    validations,
  };
}

/**
 * Which repository the form is for: a network's public wiki repository (its entries in `wiki/`,
 * where suggestions belong), or the website kit, whose `content/wiki/` is example data.
 */
export type IssueFormRepository = 'wiki' | 'kit';

const INTRO: Record<IssueFormRepository, { name: string; description: string; value: string[] }> = {
  wiki: {
    name: 'Nyt netværk · New network',
    description:
      'Foreslå et netværk til netværkswikien, eller ret et · Suggest a network for the network wiki, or correct one',
    value: [
      'Udfyld felterne, så laver en frivillig opslaget i `wiki/`. Kan du selv lave en pull request, er det endnu hurtigere: se CONTRIBUTING.md. Alt her er offentligt: skriv ikke andres personoplysninger.',
      '',
      'Fill in the fields and a volunteer will add the entry to `wiki/`. If you can open a pull request yourself, that is quicker still: see CONTRIBUTING.md. Everything here is public: do not write other people’s personal data.',
    ],
  },
  kit: {
    name: 'Eksempelnetværk · Example network',
    description:
      'Ret eller tilføj et netværk i kittets eksempeldata · Correct or add a network in the kit’s example data',
    value: [
      '**Dette er website-kittets repository, og netværkswikien her (`content/wiki/`) er eksempeldata.** Vil du tilføje et rigtigt netværk til et netværks wiki (fx Mikronets), så brug formularen i det netværks offentlige wiki-repository. Brug kun denne formular til kittets eksempeldata.',
      '',
      '**This repository is the website kit, and its network wiki (`content/wiki/`) is example data.** To add a real network to a network’s wiki (Mikronet’s, for instance), use the form in that network’s public wiki repository. Use this form only for the kit’s example data.',
    ],
  },
};

/** The GitHub issue form for suggesting a network: one field per wiki schema field, plus the description. */
export function newNetworkIssueForm(repository: IssueFormRepository): string {
  const info = folderCollections.wiki.info;
  const docs = fieldDocs(collectionSchema('wiki'));
  const intro = INTRO[repository];
  const form = {
    name: intro.name,
    description: intro.description,
    title: 'Netværk · Network: ',
    body: [
      {
        type: 'markdown',
        attributes: { value: intro.value.join('\n') },
      },
      ...docs.map(formField),
      {
        type: 'textarea',
        id: BODY_FIELD_ID,
        attributes: {
          label: pair(info.bodyLabel!),
          description:
            'Hvad netværket gør, og hvordan man bliver medlem. Almindelig tekst eller Markdown, ingen HTML · What the network does and how to join. Plain text or Markdown, no HTML.',
        },
        validations: { required: true },
      },
    ],
  };
  return `# Generated from src/schemas/wiki.ts by \`npm run docs:contributing\`; edit the schema, not this file.\n${YAML.stringify(form, { lineWidth: 0 })}`;
}

/** The field ids an issue form asks for (the `body` field is the entry's description). */
export function issueFormFieldIds(formYaml: string): string[] {
  const form = YAML.parse(formYaml) as { body: { id?: string }[] };
  return form.body.map((f) => f.id).filter((id): id is string => !!id);
}
