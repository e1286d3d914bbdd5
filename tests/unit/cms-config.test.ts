import path from 'node:path';
import matter from 'gray-matter';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { fileCollections, folderCollections, type Taxonomies } from '../../src/schemas/index.ts';
import { describeField, elementOf, shapeOf } from '../../src/schemas/introspect.ts';
import { readTaxonomies } from '../../src/lib/content/taxonomies.ts';
import { slugify } from '../../src/lib/slug.ts';
import { cmsConfig, DATE_FORMAT, DATETIME_FORMAT } from '../../src/cms/config.ts';
import { MAX_IMAGE_BYTES } from '../../src/schemas/common.ts';
import type { CmsConfig, CmsField, CmsFileCollection, CmsFolderCollection } from '../../src/cms/decap.ts';
import {
  createFormats,
  FRONTMATTER_FORMAT,
  LIST_KEY,
  SLUG_FIELD,
  SORT_FIELD,
  SORT_SOURCES,
  YAML_FORMAT,
} from '../../src/cms/format.ts';
import { adminSetup } from '../../src/cms/setup.ts';
import { productionBackend } from '../../src/lib/cms-env.ts';
import { cmsLayout } from '../../src/cms/layout.ts';
import { checkEntry, entrySlug, prepareSave } from '../../src/cms/save.ts';
import { copenhagenDay, uploadName, withEditorDefaults } from '../../src/cms/defaults.ts';
import { decapPhrases, imageEditorComponent, mergePhrases } from '../../src/cms/locale.ts';

/** A generated field (always labelled), with every widget's options readable: the tests look at any widget's. */
type DecapField = CmsField & { label: string } & Record<string, any>;
type DecapFolderCollection = Omit<CmsFolderCollection, 'fields'> & { fields: DecapField[] };

const ROOT = path.resolve(import.meta.dirname, '../..');
const tax: Taxonomies = readTaxonomies(path.join(ROOT, 'content'));
const config = (lang: 'da' | 'en' = 'da'): CmsConfig =>
  cmsConfig({ tax, lang, backend: { name: 'git-gateway', branch: 'main' }, publishMode: 'editorial_workflow' });

const folder = (c: CmsConfig, name: string) => c.collections.find((x) => x.name === name) as DecapFolderCollection;
const files = (c: CmsConfig) =>
  c.collections.filter((x): x is CmsFileCollection => 'files' in x).flatMap((x) => x.files);
const fileFields = (c: CmsConfig, name: string) => files(c).find((f) => f.name === name)!.fields as DecapField[];

/** The Decap widget a schema widget becomes (Decap 3 has one datetime widget for dates and times). */
const decapWidget = (w: string) => (w === 'date' || w === 'datetime' ? 'datetime' : w);

/**
 * Walks a schema and its generated fields side by side: same names in the same order, the
 * widget the metadata asks for, and required exactly when the schema (and every enclosing
 * object) requires it. The body and the hidden sort key are the CMS's own, not the schema's.
 */
function expectAgreement(schema: z.ZodType, fields: DecapField[], where: string, parentRequired = true) {
  const shape = shapeOf(schema)!;
  expect(
    fields.map((f) => f.name).filter((n) => n !== 'body' && n !== SORT_FIELD),
    where,
  ).toEqual(Object.keys(shape));
  for (const [name, fieldSchema] of Object.entries(shape)) {
    const at = `${where}.${name}`;
    const f = fields.find((x) => x.name === name)!;
    const d = describeField(fieldSchema);
    const widget = d.meta!.widget!;
    expect(f.widget, at).toBe(decapWidget(widget));
    expect(f.required, at).toBe(d.required && parentRequired);
    expect(f.label, at).toBe(d.meta!.label.da);
    if (widget === 'date') expect(f, at).toMatchObject({ format: DATE_FORMAT, time_format: false });
    if (widget === 'datetime') expect(f, at).toMatchObject({ format: DATETIME_FORMAT });
    if (widget === 'image') expect(f.media_library, at).toMatchObject({ config: { max_file_size: MAX_IMAGE_BYTES } });
    if (widget === 'relation') expect(f, at).toMatchObject({ collection: d.meta!.ref, value_field: '{{slug}}' });
    if (widget === 'select') {
      const values = (f.options as { value: string }[]).map((o) => o.value);
      const expected = d.meta!.taxonomy ? tax[d.meta!.taxonomy].map((t) => t.id) : Object.keys(d.meta!.options!);
      expect(values, at).toEqual(expected);
      expect(Boolean(f.multiple), at).toBe(elementOf(fieldSchema) !== undefined);
    }
    if (widget === 'object') expectAgreement(fieldSchema, f.fields as DecapField[], at, d.required && parentRequired);
    if (widget === 'list') {
      const element = elementOf(fieldSchema)!;
      if (shapeOf(element)) expectAgreement(element, f.fields as DecapField[], `${at}[]`);
      else if (f.field) expect(f.field, at).toMatchObject({ widget: 'string', required: true });
      // Without `field`, Decap's list is one text input of comma-separated values.
      else expect(f.fields, at).toBeUndefined();
    }
  }
}

describe('the CMS configuration is derived from the schemas', () => {
  for (const [name, def] of Object.entries(folderCollections)) {
    it(`has every ${name} field with its widget and requiredness, in schema order`, () => {
      const c = folder(config(), name);
      expect(c).toMatchObject({
        folder: `content/${def.info.path}`,
        format: FRONTMATTER_FORMAT,
        extension: 'md',
        create: true,
      });
      expectAgreement(def.schema(tax), c.fields, name);
      if (def.info.hasBody)
        expect(c.fields.at(-1)).toMatchObject({ name: 'body', widget: 'markdown', required: false });
    });
  }

  it('has the settings file and both taxonomies as file collections', () => {
    const c = config();
    expect(files(c).map((f) => f.file)).toEqual(Object.values(fileCollections).map((f) => `content/${f.info.path}`));
    for (const col of c.collections.filter((x) => 'files' in x)) expect(col.format).toBe(YAML_FORMAT);
    expectAgreement(fileCollections.settings.schema(), fileFields(c, 'settings'), 'settings');
    for (const name of ['trades', 'municipalities'] as const) {
      const [list] = fileFields(c, name);
      expect(list).toMatchObject({ name: LIST_KEY, widget: 'list' });
      expectAgreement(fileCollections[name].schema(), list.fields as DecapField[], name);
    }
  });

  it('labels fields in Danish, and in English for the English UI', () => {
    const da = folder(config('da'), 'members');
    const en = folder(config('en'), 'members');
    expect(da.label).toBe('Medlemmer');
    expect(en.label).toBe('Members');
    expect(da.fields.find((f) => f.name === 'joined')!.label).toBe('Medlem siden');
    expect(en.fields.find((f) => f.name === 'joined')!.label).toBe('Member since');
    expect(config('en').locale).toBe('en');
  });

  it('offers trades and municipalities from the taxonomy files, by id with their names', () => {
    const fields = folder(config(), 'members').fields;
    const trades = fields.find((f) => f.name === 'trades')!;
    expect(trades).toMatchObject({ widget: 'select', multiple: true, min: 1, max: 3 });
    expect(trades.options).toContainEqual({ value: tax.trades[0].id, label: tax.trades[0].da });
    const municipality = fields.find((f) => f.name === 'municipality')!;
    expect(municipality.options).toContainEqual({ value: 'guldborgsund', label: 'Guldborgsund' });
  });

  it('takes a post’s tags in one text field, comma-separated; services and languages one per input', () => {
    const tags = folder(config(), 'blog').fields.find((f) => f.name === 'tags')!;
    expect(tags).toMatchObject({ widget: 'list', required: false });
    expect(tags.field).toBeUndefined();
    expect(tags.fields).toBeUndefined();
    expect(tags.hint).toMatch(/^Små bogstaver.* Adskil flere med komma\.$/);
    expect(folder(config('en'), 'blog').fields.find((f) => f.name === 'tags')!.hint).toMatch(
      /Separate several with commas\.$/,
    );
    const members = folder(config(), 'members').fields;
    for (const name of ['services', 'languages'])
      expect(members.find((f) => f.name === name)!.field, name).toMatchObject({ widget: 'string' });
  });

  it('lets relation fields pick members only among listed members', () => {
    const organizers = folder(config(), 'events').fields.find((f) => f.name === 'organizers')!;
    expect(organizers).toMatchObject({
      collection: 'members',
      multiple: true,
      search_fields: ['name'],
      display_fields: ['name'],
    });
    expect(organizers.filters).toEqual([{ field: 'listed', values: [true] }]);
    const network = folder(config(), 'events').fields.find((f) => f.name === 'network')!;
    expect(network).toMatchObject({ collection: 'wiki', required: false });
    expect(network.multiple).toBeUndefined();
  });

  it('uses the editorial workflow in production and the local proxy on this machine', () => {
    const setup = adminSetup({ CMS_PROXY_URL: 'http://127.0.0.1:9999/api/v1' }, tax);
    expect(setup.configs.da).toMatchObject({
      publish_mode: 'editorial_workflow',
      backend: { name: 'git-gateway', branch: 'main' },
    });
    expect(setup.configs.da).toMatchObject({
      media_folder: 'public/media',
      public_folder: '/media',
      load_config_file: false,
      locale: 'da',
    });
    expect(setup.local).toEqual({
      backend: { name: 'proxy', proxy_url: 'http://127.0.0.1:9999/api/v1', branch: 'main' },
      publish_mode: 'simple',
    });
    expect(productionBackend({ CMS_BACKEND: 'github', CMS_REPO: 'mikronet/site', CMS_BRANCH: 'udgivet' })).toEqual({
      name: 'github',
      repo: 'mikronet/site',
      branch: 'udgivet',
    });
    expect(() => productionBackend({ CMS_BACKEND: 'github' })).toThrow(/CMS_REPO/);
    expect(() => productionBackend({ CMS_BACKEND: 'gitlab' })).toThrow(/git-gateway or github/);
  });

  it('is plain JSON (it is inlined into the admin page)', () => {
    const c = config();
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
});

describe('when the network wiki lives in its own public repository', () => {
  const SPLIT = path.join(ROOT, 'tests/fixtures/split');
  const env = { WIKI_DIR: path.join(SPLIT, 'wiki-repo/wiki'), WIKI_REPO: 'https://github.com/eksempel/netvaerkswiki' };
  let layout: ReturnType<typeof cmsLayout>;
  beforeAll(() => {
    vi.stubEnv('WIKI_DIR', env.WIKI_DIR);
    vi.stubEnv('WIKI_REPO', env.WIKI_REPO);
    layout = cmsLayout(path.join(SPLIT, 'site'));
  });
  afterAll(() => vi.unstubAllEnvs());
  const split = (lang: 'da' | 'en' = 'da') =>
    cmsConfig({
      tax,
      lang,
      backend: { name: 'git-gateway', branch: 'main' },
      publishMode: 'editorial_workflow',
      layout,
    });

  it('finds the wiki outside the content folder, with its entries as the build sees them', () => {
    expect(layout.external?.wiki?.entries.sort((a, b) => a.slug.localeCompare(b.slug))).toEqual([
      { slug: 'aabent-vaerksted', name: 'Åbent Værksted' },
      { slug: 'netvaerk-nord', name: 'Netværk Nord' },
    ]);
    expect(layout.external?.wiki?.source).toBe(env.WIKI_REPO);
    vi.stubEnv('WIKI_DIR', '');
    vi.stubEnv('WIKI_REPO', '');
    expect(cmsLayout(path.join(ROOT, 'content'))).toEqual({});
  });

  it('has no wiki collection: editors do not edit the public wiki through the private site', () => {
    expect(split().collections.map((c) => c.name)).not.toContain('wiki');
    expect(split().collections.map((c) => c.name)).toContain('events');
  });

  it("offers the event's network as a select of the wiki's entries, by name in Danish order, and says where the wiki is edited", () => {
    for (const lang of ['da', 'en'] as const) {
      const events = folder(split(lang), 'events');
      const network = events.fields.find((f) => f.name === 'network')!;
      expect(network).toMatchObject({ widget: 'select', required: false });
      // In Danish alphabetical order: Å comes last.
      expect(network.options).toEqual([
        { label: 'Netværk Nord', value: 'netvaerk-nord' },
        { label: 'Åbent Værksted', value: 'aabent-vaerksted' },
      ]);
      expect(network.hint).toContain(env.WIKI_REPO);
      expect(events.description).toContain(network.label);
    }
    expect(folder(split('da'), 'events').description).toBe(
      '"Netværkswiki" redigeres ikke her, men i sit eget offentlige repository. "Arrangerende netværk" vælges blandt dens poster, som de var, da sitet sidst blev bygget.',
    );
    expect(folder(split('en'), 'events').description).toMatch(
      /^"Network wiki" is not edited here but in its own public repository\. "Organising network" is chosen/,
    );
  });

  it('saves an event whose network was chosen from that list', () => {
    const fields = folder(split(), 'events').fields;
    const entry = { ...sampleEntry(fields), network: 'netvaerk-nord' };
    const parsed = matter(
      createFormats([])[FRONTMATTER_FORMAT].toFile(
        entry,
        fields.map((f) => f.name),
      ),
    );
    expect(parsed.data.network).toBe('netvaerk-nord');
    expect(checkEntry({ collection: 'events', data: entry }, tax, 'da')).toEqual([]);
  });

  it('keeps the wiki in the CMS when WIKI_DIR is inside the content folder, at its folder', () => {
    vi.stubEnv('WIKI_DIR', path.join(ROOT, 'content/netvaerk'));
    const inside = cmsLayout(path.join(ROOT, 'content'));
    expect(inside).toEqual({ folders: { wiki: 'netvaerk' } });
    const c = cmsConfig({
      tax,
      lang: 'da',
      backend: { name: 'git-gateway', branch: 'main' },
      publishMode: 'editorial_workflow',
      layout: inside,
    });
    expect(folder(c, 'wiki').folder).toBe('content/netvaerk');
    expect(folder(c, 'events').fields.find((f) => f.name === 'network')).toMatchObject({
      widget: 'relation',
      collection: 'wiki',
    });
  });
});

// --- An entry as Decap would save it ---------------------------------------------------------

/** Known-valid strings for the patterns the schemas use. */
const PATTERN_SAMPLES = ['eksempel', 'da', '12345678', 'prissætning', '9788702123456', '376'];
const FIXED = new Date(Date.UTC(2027, 0, 14, 16, 30));

/** Decap's datetime widget output: dayjs format tokens on a wall-clock time. */
function formatLike(format: string, d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return format
    .replace('YYYY', String(d.getUTCFullYear()))
    .replace('MM', p(d.getUTCMonth() + 1))
    .replace('DD', p(d.getUTCDate()))
    .replace('HH', p(d.getUTCHours()))
    .replace('mm', p(d.getUTCMinutes()));
}

/**
 * A value for every field, of the type Decap's widget produces: strings from text inputs,
 * formatted strings from the datetime widget, numbers, booleans, option values, lists.
 * Times increase field by field so "end after start" and "expires after date" hold.
 */
function sampleEntry(fields: DecapField[], clock = { hours: 0 }): Record<string, unknown> {
  const value = (f: DecapField): unknown => {
    const pattern = Array.isArray(f.pattern) ? new RegExp(f.pattern[0] as string) : undefined;
    switch (f.widget) {
      case 'image':
        // The media library writes the public folder and the uploaded file's name.
        return '/media/eksempel.jpg';
      case 'string':
      case 'text': {
        if (!pattern) return `Eksempel på ${f.label.toLowerCase()}`;
        if (pattern.test('https://eksempel.dk')) return 'https://eksempel.dk';
        if (pattern.test('navn@eksempel.dk')) return 'navn@eksempel.dk';
        const sample = PATTERN_SAMPLES.find((s) => pattern.test(s));
        if (!sample) throw new Error(`no sample value for ${f.name} matching ${pattern}`);
        return sample;
      }
      case 'markdown':
        return 'Et afsnit med **fed** tekst.\n';
      case 'hidden':
        // The sort key, as the format read it with the file: the check and the file ignore it.
        return '\u0001sortering';
      case 'number':
        return typeof f.min === 'number' ? f.min : 1;
      case 'boolean':
        return true;
      case 'datetime':
        clock.hours += 26;
        return formatLike(f.format as string, new Date(FIXED.getTime() + clock.hours * 3_600_000));
      case 'select': {
        const first = (f.options as { value: string }[])[0].value;
        return f.multiple ? [first] : first;
      }
      case 'relation':
        return f.multiple ? ['eksempel'] : 'eksempel';
      case 'object':
        return sampleEntry(f.fields as DecapField[], clock);
      case 'list':
        if (f.fields) return [sampleEntry(f.fields as DecapField[], clock)];
        // One text field, "eksempel, andet-eksempel": Decap splits it at the commas.
        if (!f.field) return ['eksempel', 'andet-eksempel'];
        return [value(f.field as DecapField)];
      default:
        throw new Error(`no sample for widget ${f.widget}`);
    }
  };
  return Object.fromEntries(fields.map((f) => [f.name, value(f)]));
}

describe('an entry saved by the CMS passes the schema', () => {
  const formats = createFormats([]);
  for (const [name, def] of Object.entries(folderCollections)) {
    it(`accepts a ${name} entry with every field filled in`, () => {
      const fields = folder(config(), name).fields;
      const entry = sampleEntry(fields);
      const text = formats[FRONTMATTER_FORMAT].toFile(
        entry,
        fields.map((f) => f.name),
      );
      const parsed = matter(text);
      // Every field but the body and the sort key, which is never written.
      expect(Object.keys(parsed.data)).toEqual(
        fields.map((f) => f.name).filter((n) => n !== 'body' && n !== SORT_FIELD),
      );
      const result = def.schema(tax).safeParse(parsed.data);
      expect(result.error?.issues ?? []).toEqual([]);
      expect(checkEntry({ collection: name, data: entry }, tax, 'da')).toEqual([]);
      expect(parsed.content.trim()).toBe('Et afsnit med **fed** tekst.');
    });
  }

  it('accepts the settings and taxonomy files as the CMS writes them', () => {
    const c = config();
    const settings = sampleEntry(fileFields(c, 'settings'));
    const text = createFormats([])[YAML_FORMAT].toFile(settings);
    expect(fileCollections.settings.schema().safeParse(YAML.parse(text)).success).toBe(true);
    for (const name of ['trades', 'municipalities'] as const) {
      const data = sampleEntry(fileFields(c, name));
      const list = YAML.parse(createFormats([])[YAML_FORMAT].toFile(data));
      expect(Array.isArray(list)).toBe(true);
      expect(fileCollections[name].schema().safeParse(list[0]).success).toBe(true);
    }
  });

  it('accepts an entry with only the required fields filled in, where the schema has no either-or rule', () => {
    for (const name of ['members', 'wiki', 'groups', 'market', 'pages'] as const) {
      const fields = folder(config(), name).fields;
      const entry = sampleEntry(fields.filter((f) => f.required));
      const parsed = matter(
        createFormats([])[FRONTMATTER_FORMAT].toFile(
          entry,
          fields.map((f) => f.name),
        ),
      );
      expect(folderCollections[name].schema(tax).safeParse(parsed.data).error?.issues ?? [], name).toEqual([]);
    }
  });

  it('refuses, before saving, what Decap cannot check itself: either-or fields, fields inside an optional group, image types', () => {
    const fields = folder(config(), 'events').fields;
    const entry = sampleEntry(fields.filter((f) => f.required));
    expect(checkEntry({ collection: 'events', data: entry }, tax, 'da')).toEqual([
      expect.stringMatching(/^Mødested: udfyld "Mødested" eller "Onlinelink"/),
    ]);
    const halfVenue = { ...entry, venue: { name: 'Biblioteket', address: '' } };
    expect(checkEntry({ collection: 'events', data: halfVenue }, tax, 'da')).toEqual([
      expect.stringMatching(/^Mødested › Kommune: mangler/),
    ]);
    const bitmap = { ...sampleEntry(folder(config(), 'members').fields), photo: '/media/portraet.bmp' };
    expect(checkEntry({ collection: 'members', data: bitmap }, tax, 'da')).toEqual([
      expect.stringMatching(/^Foto: "\/media\/portraet.bmp" er ikke en billedsti/),
    ]);
    const photoWithoutAlt = { ...sampleEntry(folder(config(), 'members').fields), photo_alt: '' };
    expect(checkEntry({ collection: 'members', data: photoWithoutAlt }, tax, 'en')).toEqual([
      expect.stringMatching(/^Photo alt text: is required when "Photo" is set/),
    ]);
  });
});

describe('what the site would remove from a body', () => {
  it('is refused at save time with the line and what to write instead, as npm run check does', () => {
    const member = sampleEntry(folder(config(), 'members').fields);
    const body =
      'Jeg laver hjemmesider.\n\n<script>alert(1)</script>\n\n`<b>` i kode og \\<b> skrevet som tekst er i orden.';
    expect(checkEntry({ collection: 'members', data: { ...member, body } }, tax, 'da')).toEqual([
      expect.stringMatching(
        /^Præsentation, linje 3: rå HTML \(<script>\) er ikke tilladt her: .*kunne køre kode.*Skriv det som Markdown/,
      ),
    ]);
    expect(
      checkEntry({ collection: 'members', data: { ...member, body: '[Min side](javascript:alert(1))' } }, tax, 'en'),
    ).toEqual([expect.stringMatching(/^Presentation, line 1: a javascript: link is not allowed here/)]);
  });

  it('is refused in the blog and pages too: the site drops raw HTML from every body', () => {
    const post = sampleEntry(folder(config(), 'blog').fields);
    expect(
      checkEntry({ collection: 'blog', data: { ...post, body: 'Et billede: <figure>…</figure>' } }, tax, 'da'),
    ).toEqual([expect.stringMatching(/^Indlæg, linje 1: rå HTML \(<figure>\) er ikke tilladt her/)]);
    expect(
      checkEntry(
        {
          collection: 'pages',
          data: { ...sampleEntry(folder(config(), 'pages').fields), body: '![Kort](https://maps.example/x.png)' },
        },
        tax,
        'en',
      ),
    ).toEqual([
      expect.stringMatching(
        /^[^:]+, line 1: a picture from outside the site \(https:\/\/maps\.example\/x\.png\) is not allowed here/,
      ),
    ]);
  });
});

describe('new entries are named by the content model’s transliteration', () => {
  it('turns æ, ø and å into ae, oe and aa (Decap alone would write a and o)', () => {
    expect(entrySlug('members', { name: 'Søren Ærø Ågaard' })).toBe('soeren-aeroe-aagaard');
    expect(entrySlug('blog', { title: 'Prissætning for små virksomheder?' })).toBe(
      slugify('Prissætning for små virksomheder?'),
    );
    expect(entrySlug('wiki', { name: 'Iværksætternetværk Nord_Øst' })).toBe('ivaerksaetternetvaerk-nord-oest');
  });

  it('hands Decap the slug through the field its slug template reads, and never writes that field', () => {
    const c = folder(config(), 'members');
    expect(c.slug).toBe(`{{fields.${SLUG_FIELD}}}`);
    const entry = sampleEntry(c.fields);
    const { data, problems } = prepareSave(
      { collection: 'members', data: { ...entry, name: 'Søren Ærø Ågaard' }, isNew: true },
      tax,
      'da',
    );
    expect(problems).toEqual([]);
    expect(data[SLUG_FIELD]).toBe('soeren-aeroe-aagaard');
    const text = createFormats([])[FRONTMATTER_FORMAT].toFile(
      data,
      c.fields.map((f) => f.name),
    );
    expect(text).not.toContain(SLUG_FIELD);
    expect(text).not.toContain(SORT_FIELD);
    expect(text).not.toContain('sortering');
  });

  it('refuses a new entry that repeats an existing one, naming it: same file name, or nearly the same name', () => {
    const c = folder(config(), 'members');
    const existing = [
      { slug: 'soeren-aeroe-aagaard', name: 'Søren Ærø Ågaard' },
      { slug: 'anne-hansen', name: 'Anne Hansen' },
    ];
    const save = (name: string, isNew = true, file?: string) =>
      prepareSave(
        { collection: 'members', data: { ...sampleEntry(c.fields), name }, isNew, file, existing },
        tax,
        'da',
      );
    expect(save('Soeren Aeroe Aagaard').details).toEqual([
      {
        field: 'name',
        text: expect.stringMatching(/^Navn: der findes allerede "Søren Ærø Ågaard" \(filen soeren-aeroe-aagaard\.md\)/),
      },
    ]);
    expect(save('Anne Hanssen').problems).toEqual([
      expect.stringMatching(/^Navn: "Anne Hanssen" er næsten samme navn som "Anne Hansen" \(filen anne-hansen\.md\)/),
    ]);
    expect(save('Anne Jensen').problems).toEqual([]);
    // Saving an existing entry does not compare it with itself.
    expect(save('Anne Hansen', false, 'anne-hansen').problems).toEqual([]);
    // A post and its translation may share a title; this year's event and last year's too.
    const post = folder(config(), 'blog');
    const posts = [{ slug: 'kon-kolleger', name: 'Kon-kolleger', key: 'da' }];
    const savePost = (lang: string) =>
      prepareSave(
        {
          collection: 'blog',
          data: { ...sampleEntry(post.fields), title: 'Kon-kolleger', lang },
          isNew: true,
          existing: posts,
        },
        tax,
        'da',
      ).problems;
    expect(savePost('en')).toEqual([]);
    expect(savePost('da')).toEqual([expect.stringContaining('kon-kolleger.md')]);
  });

  it('names the field of each problem, so the form can show it', () => {
    const c = folder(config(), 'events');
    const { details } = prepareSave(
      { collection: 'events', data: sampleEntry(c.fields.filter((f) => f.required)), isNew: true },
      tax,
      'en',
    );
    expect(details).toEqual([{ field: 'venue', text: 'Venue: fill in "Venue" or "Online link"' }]);
  });

  it('refuses a page whose name would take one of the site’s own addresses', () => {
    const c = folder(config(), 'pages');
    const { problems } = prepareSave(
      { collection: 'pages', data: { ...sampleEntry(c.fields), title: 'Medlemmer' }, isNew: true },
      tax,
      'da',
    );
    expect(problems).toEqual([expect.stringContaining('/medlemmer/')]);
  });
});

describe('what the form starts with, and where pictures go', () => {
  it('puts each collection’s pictures in its own folder under public/media', () => {
    for (const [name, def] of Object.entries(folderCollections)) {
      expect(folder(config(), name), name).toMatchObject({
        media_folder: `/public/media/${def.info.path}`,
        public_folder: `/media/${def.info.path}`,
      });
    }
  });

  it('lists entries with a summary and sorted by name or date, the name by its Danish sort key', () => {
    expect(folder(config(), 'members')).toMatchObject({
      summary: '{{name}} · {{municipality}} · {{trades}}',
      sortable_fields: [{ field: SORT_FIELD, label: 'Navn', default_sort: 'asc' }, { field: 'joined' }],
    });
    expect(folder(config(), 'blog').summary).toContain("ternary(' · oversat', '')");
    expect(folder(config('en'), 'blog').summary).toContain("ternary(' · translated', '')");
    expect(folder(config(), 'events').sortable_fields).toEqual([
      { field: 'start', default_sort: 'desc' },
      { field: SORT_FIELD, label: 'Titel' },
    ]);
    expect(folder(config('en'), 'events').sortable_fields).toContainEqual({ field: SORT_FIELD, label: 'Title' });
  });

  it('sorts every collection by a hidden key of the field that names its entries, which the format fills', () => {
    for (const [name, def] of Object.entries(folderCollections)) {
      const c = folder(config(), name);
      const summary = def.info.summaryField ?? 'title';
      // The format takes the first of SORT_SOURCES an entry has: it must be the collection's own.
      const shape = Object.keys(shapeOf(def.schema(tax))!);
      expect(
        SORT_SOURCES.find((f) => shape.includes(f)),
        name,
      ).toBe(summary);
      expect(
        c.fields.find((f) => f.name === SORT_FIELD),
        name,
      ).toEqual({
        name: SORT_FIELD,
        label: c.fields.find((f) => f.name === summary)!.label,
        widget: 'hidden',
        required: false,
      });
      expect(
        c.sortable_fields?.some((s) => typeof s === 'object' && s.field === SORT_FIELD),
        name,
      ).toBe(true);
      expect(c.sortable_fields?.some((s) => typeof s === 'object' && s.field === summary)).toBe(false);
    }
  });

  it('starts a new entry with today’s date where the date means today, and the editor’s language', () => {
    const c = withEditorDefaults(config('en'), '2026-11-26', 'en');
    const field = (col: string, name: string) => folder(c, col).fields.find((f) => f.name === name)!;
    expect(field('blog', 'date').default).toBe('2026-11-26');
    expect(field('members', 'joined').default).toBe('2026-11-26');
    expect(field('wiki', 'last_verified').default).toBe('2026-11-26');
    expect(field('events', 'end').default).toBeUndefined();
    expect(field('blog', 'lang').default).toBe('en');
    expect(field('members', 'lang').default).toBe('en');
    expect(copenhagenDay(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
  });

  it('names uploaded pictures by the slug rule', () => {
    expect(uploadName('Søren på Færgen.JPG')).toBe('soeren-paa-faergen.jpg');
    expect(uploadName('Ærø 2024 (1).png')).toBe('aeroe-2024-1.png');
    expect(uploadName('....png')).toBe('billede.png');
    expect(uploadName('portræt.webp')).toBe('portraet.webp');
  });

  it('gives Decap Danish for what its Danish locale lacks, over its own words', () => {
    const merged = mergePhrases(
      { ui: { toast: { onFailToPersist: 'Kunne ikke gemme: %{details}', other: 'x' } } },
      decapPhrases('da'),
    ) as { ui: { toast: Record<string, string> }; editor: { editorNotesPane: { title: string } } };
    expect(merged.ui.toast.other).toBe('x');
    expect(merged.ui.toast.onFailToPersist).toBe('Dokumentet kunne ikke gemmes: %{details}');
    expect(merged.editor.editorNotesPane.title).toBe('Noter');
    const image = imageEditorComponent('da');
    expect(image.fields.map((f) => f.label)).toEqual([
      'Billede',
      'Alternativ tekst (beskriv billedet)',
      'Titel (vises ved musen)',
    ]);
    const block = image.toBlock({ alt: 'Færgen', image: '/media/blog/faergen.jpg' });
    expect(block).toBe('![Færgen](/media/blog/faergen.jpg)');
    expect(image.fromBlock(block.match(image.pattern))).toEqual({
      image: '/media/blog/faergen.jpg',
      alt: 'Færgen',
      title: undefined,
    });
  });
});
