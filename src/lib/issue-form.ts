import YAML from 'yaml';
import { folderCollections } from '../schemas/index.ts';
import { collectionSchema, fieldDocs, type FieldDoc } from './field-docs.ts';

/** Id of the form field that asks for the entry's Markdown body. */
export const BODY_FIELD_ID = 'body';

const label = (d: { label: { da: string; en: string } }) => `${d.label.da} · ${d.label.en}`;
const hintOf = (d: FieldDoc) =>
  [d.hint ? `${d.hint.da} · ${d.hint.en}` : '', `${d.type.da} · ${d.type.en}`].filter(Boolean).join('\n\n');

function formField(d: FieldDoc): Record<string, unknown> {
  const validations = { required: d.required };
  if (d.meta?.options) {
    return {
      type: 'dropdown',
      id: d.name,
      attributes: { label: label(d), description: d.hint ? `${d.hint.da} · ${d.hint.en}` : undefined, options: Object.entries(d.meta.options).map(([k, l]) => `${k} — ${l.da} · ${l.en}`) },
      validations,
    };
  }
  if (d.meta?.widget === 'boolean') {
    return { type: 'dropdown', id: d.name, attributes: { label: label(d), description: d.hint ? `${d.hint.da} · ${d.hint.en}` : undefined, options: ['Ja · Yes', 'Nej · No', 'Ved ikke · Not sure'] }, validations };
  }
  if (d.children) {
    const parts = d.children.map((c) => `${c.label.da} · ${c.label.en}`).join(', ');
    const hint = d.hint ? `${d.hint.da} · ${d.hint.en}\n\n` : '';
    return { type: 'input', id: d.name, attributes: { label: label(d), description: `${hint}${parts}` }, validations };
  }
  if (d.meta?.taxonomy) {
    // People filling in a form know names, not ids; the volunteer who makes the file looks up the ids.
    const names = d.meta.taxonomy === 'municipalities' ? 'Kommunenavne, fx Guldborgsund · municipality names' : 'Brancher, fx IT og databehandling · trades';
    const hint = d.hint ? `${d.hint.da} · ${d.hint.en}\n\n` : '';
    return { type: 'textarea', id: d.name, attributes: { label: label(d), description: `${hint}${names}; én pr. linje · one per line` }, validations };
  }
  const list = d.type.en.startsWith('list');
  return {
    type: list ? 'textarea' : 'input',
    id: d.name,
    attributes: { label: label(d), description: list ? `${hintOf(d)}\n\nÉn pr. linje · one per line` : hintOf(d) },
    validations,
  };
}

/** The GitHub issue form for suggesting a network: one field per wiki schema field, plus the description. */
export function newNetworkIssueForm(): string {
  const info = folderCollections.wiki.info;
  const docs = fieldDocs(collectionSchema('wiki'));
  const form = {
    name: 'Nyt netværk · New network',
    description: 'Foreslå et netværk til netværkswikien, eller ret et · Suggest a network for the network wiki, or correct one',
    title: 'Netværk · Network: ',
    body: [
      {
        type: 'markdown',
        attributes: {
          value: [
            'Udfyld felterne, så laver en frivillig opslaget i `content/wiki/`. Kan du selv lave en pull request, er det endnu hurtigere: se CONTRIBUTING.md.',
            '',
            'Fill in the fields and a volunteer will add the entry to `content/wiki/`. If you can open a pull request yourself, that is quicker still: see CONTRIBUTING.md.',
          ].join('\n'),
        },
      },
      ...docs.map(formField),
      {
        type: 'textarea',
        id: BODY_FIELD_ID,
        attributes: {
          label: `${info.bodyLabel!.da} · ${info.bodyLabel!.en}`,
          description: 'Hvad netværket gør, og hvordan man bliver medlem. Almindelig tekst eller Markdown, ingen HTML · What the network does and how to join. Plain text or Markdown, no HTML.',
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
