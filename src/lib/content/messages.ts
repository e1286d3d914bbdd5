import type { z } from 'zod';
import { bi, type Bilingual, type FieldMeta } from '../../schemas/meta.ts';
import { closest } from '../suggest.ts';
import type { BodyFinding, FindingKind } from './body-check.ts';

/**
 * The text of every content issue: what is wrong and what to do, for the editors and
 * contributors who read it (Danish, with English beside). Each builder returns a Bilingual
 * written `bi(da, en)`; the loader, the validator, the contributor rules, the body rule and the
 * media check call them and write no text of their own. No Node imports: the CMS shows these
 * messages in the browser.
 */

/** A value as it appears in a message: short, whatever its size (a stranger's file can hold anything). */
function show(v: unknown): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString().slice(0, 10);
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = Array.isArray(v) ? '[…]' : typeof v === 'object' ? '{…}' : String(v);
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

const NOTHING = bi('', '');

// --- reading files ------------------------------------------------------------------------

const kb = (bytes: number) => Math.ceil(bytes / 1024).toLocaleString('en');

export const symlink = () =>
  bi(
    'er et symbolsk link; indhold skal være almindelige filer i indholdsmappen, og links følges aldrig: erstat linket med selve filen',
    'is a symbolic link; content must be ordinary files inside the content folder, and links are never followed: replace the link with the file itself',
  );

export const notAnOrdinaryFile = () =>
  bi('er ikke en almindelig fil (en enhed, en pipe eller en socket); fjern den', 'is not an ordinary file (a device, pipe or socket); remove it');

export const folderNotFile = () => bi('er en mappe, ikke en fil', 'is a folder, not a file');

export const notAFolder = () => bi('skal være en mappe', 'must be a folder');

export const fileTooLarge = (size: number, maxBytes: number) =>
  bi(
    `fylder ${kb(size)} KB, og en indholdsfil må højst fylde ${kb(maxBytes)} KB; gør den kortere (billeder hører til i mediemappen, ikke i teksten)`,
    `is ${kb(size)} KB, and a content file may be at most ${kb(maxBytes)} KB; shorten it (pictures belong in the media folder, not in the text)`,
  );

export const notUtf8 = (line: number) =>
  bi(
    `er ikke UTF-8-tekst (det første tegn, der ikke kan læses, står på linje ${line}); gem filen som UTF-8 (i de fleste programmer: Gem som → Kodning: UTF-8)`,
    `is not UTF-8 text (the first character that cannot be read is on line ${line}); save the file as UTF-8 (in most editors: Save as → Encoding: UTF-8)`,
  );

/** Not a YAML problem: a bug of ours, reported against the file rather than as a stack trace. */
export const unreadable = (reason: string) => bi(`kan ikke læses (${reason})`, `cannot be read (${reason})`);

export const missingFile = () => bi('filen mangler; sitet har brug for den', 'this file is missing; the site needs it');

export const notMarkdown = () =>
  bi(
    'her hører kun Markdown-filer med endelsen .md hjemme (MDX og andre formater accepteres ikke); omdøb eller flyt filen',
    'only Markdown files ending in .md belong here (MDX and other formats are not accepted); rename or move it',
  );

/** A collection configured to be elsewhere (WIKI_DIR, WIKI_REPO) whose folder is not there. */
export function missingCollectionFolder(collection: string, env: { WIKI_DIR?: string; WIKI_REPO?: string }): Bilingual {
  const how = env.WIKI_DIR
    ? bi(`WIKI_DIR er ${env.WIKI_DIR}; lad den pege på wiki/-mappen i en kopi af wiki-repositoriet`, `WIKI_DIR is ${env.WIKI_DIR}; point it at the wiki/ folder of a checkout of the wiki repository`)
    : bi(`kør npm run wiki:fetch først (WIKI_REPO er ${env.WIKI_REPO})`, `run npm run wiki:fetch first (WIKI_REPO is ${env.WIKI_REPO})`);
  return bi(`mappen til ${collection} findes ikke; ${how.da}`, `the ${collection} folder does not exist; ${how.en}`);
}

// --- front matter and YAML ----------------------------------------------------------------

export const foreignFrontMatter = (found: string) =>
  bi(
    `front matter starter med "${found}": front matter skal være YAML mellem to linjer med kun ---, og andre sprog (JavaScript, JSON, TOML …) afvises, fordi de kunne køre kode; gør første linje til ---`,
    `the front matter starts with "${found}": front matter must be YAML between two lines of just ---, and other languages (JavaScript, JSON, TOML …) are refused because they could run code; make the first line ---`,
  );

export const yamlUnreadable = (reason: string) =>
  bi(
    `YAML'en kan ikke læses (${reason}); tjek indrykning, koloner og anførselstegn om værdier med ": "`,
    `the YAML cannot be read (${reason}); check indentation, colons and quotes around values that contain ": "`,
  );

export const yamlTag = (tag: string) =>
  bi(
    `bruger YAML-tagget ${tag}, og tags er ikke tilladt (indhold er rene data); fjern tagget og skriv selve værdien`,
    `uses the YAML tag ${tag}, and tags are not allowed (content is plain data); remove the tag and write the value itself`,
  );

export const yamlAliases = (max: number) =>
  bi(
    `bruger YAML-aliasser (*navn), der folder sig ud til mere end ${max} værdier, som et angreb for at opbruge hukommelsen gør; skriv værdierne ud i stedet for at henvise til dem`,
    `uses YAML aliases (*name) that expand to more than ${max} values, as a resource-exhaustion attack does; write the values out instead of aliasing them`,
  );

// --- fields (zod issues) ------------------------------------------------------------------

export interface MessageContext {
  meta?: FieldMeta;
  /** The value found at the issue's path. */
  value: unknown;
  /** Valid ids per taxonomy, for suggestions. */
  taxonomyIds: Record<string, string[]>;
  /** Content folder as shown to people, e.g. `content`. */
  contentLabel: string;
  /**
   * The label of another field of the entry, for rules that name one ("fill in Venue or Online
   * link"). Without it they name the field as it is written in the file (`venue`), which is what
   * someone editing the file needs; the CMS gives the labels its form shows.
   */
  fieldLabel?: (field: string) => Bilingual | undefined;
}

export interface Described {
  code: string;
  message: Bilingual;
  suggestion?: string;
}

/** ` (the field's hint)`, without its full stop; nothing when the field has no hint. */
const hintOf = (meta: FieldMeta | undefined) =>
  meta?.hint ? bi(` (${meta.hint.da.replace(/\.$/, '')})`, ` (${meta.hint.en.replace(/\.$/, '')})`) : NOTHING;
const labelOf = (meta: FieldMeta | undefined) => (meta ? bi(`"${meta.label.da}"`, `"${meta.label.en}"`) : bi('en værdi', 'a value'));

const FORMAT: Record<string, Bilingual> = {
  email: bi('er ikke en gyldig e-mailadresse; skriv den som navn@domæne.dk', 'is not a valid e-mail address; write it as name@domain.dk'),
  url: bi('er ikke en fuld webadresse; skriv den med https://, fx https://eksempel.dk', 'is not a full web address; write it with https://, e.g. https://example.dk'),
};

const WIDGET_FORMAT: Record<string, Bilingual> = {
  image: bi(
    'er ikke en billedsti i mediemappen; skriv /media/<fil>.jpg (eller .png, .webp, .svg)',
    'is not an image path under the media folder; write /media/<file>.jpg (or .png, .webp, .svg)',
  ),
  date: bi('er ikke en dato; skriv ÅÅÅÅ-MM-DD, fx 2026-03-01', 'is not a date; write YYYY-MM-DD, e.g. 2026-03-01'),
  datetime: bi(
    'er ikke et tidspunkt; skriv ÅÅÅÅ-MM-DDTTT:mm, fx 2027-01-14T17:30 (dansk tid)',
    'is not a date and time; write YYYY-MM-DDTHH:mm, e.g. 2027-01-14T17:30 (Danish time)',
  ),
  relation: bi(
    'er ikke et slug; skriv filnavnet uden .md (små bogstaver, tal, bindestreger)',
    'is not a slug; write the file name without .md (lowercase, digits, hyphens)',
  ),
};

const TAXONOMY_NOUN: Record<string, Bilingual> = {
  municipalities: bi('et dansk kommune-id', 'a Danish municipality id'),
  trades: bi('et branche-id', 'a trade id'),
};

const TYPE_NOUN: Record<string, Bilingual> = {
  string: bi('tekst', 'text'),
  number: bi('et tal', 'a number'),
  boolean: bi('true eller false', 'true or false'),
  array: bi('en liste', 'a list'),
  object: bi('en gruppe af felter', 'a group of fields'),
  date: bi('en dato (ÅÅÅÅ-MM-DD)', 'a date (YYYY-MM-DD)'),
};

/** `"x" is not valid here`, for what no other message fits. */
const notValidHere = (v: string) => bi(`${v} er ikke gyldig her`, `${v} is not valid here`);
/** The value followed by a sentence about it: `"x" is not a date; …`. */
const valueThen = (v: string, text: Bilingual) => bi(`${v} ${text.da}`, `${v} ${text.en}`);

/** Turns one zod issue into a message for people: what is wrong, and what to do. */
export function describeIssue(issue: z.core.$ZodIssue, ctx: MessageContext): Described {
  const { meta, value } = ctx;
  const params = (issue as { params?: Record<string, unknown> }).params ?? {};
  const v = show(value);
  const hint = hintOf(meta);
  const label = labelOf(meta);
  const missing = { code: 'required', message: bi(`mangler; udfyld ${label.da}${hint.da}`, `is missing; add ${label.en}${hint.en}`) };
  // An empty `key:` is null: say it is missing rather than "null is not one of …".
  const crossField = issue.code === 'custom' && (params.code === 'one_of' || params.code === 'required_with');
  if ((value === undefined || value === null) && !crossField) return missing;
  switch (issue.code) {
    case 'invalid_type': {
      const noun = TYPE_NOUN[issue.expected] ?? bi(issue.expected, issue.expected);
      return { code: 'type', message: bi(`${v} er ikke ${noun.da}${hint.da}`, `${v} is not ${noun.en}${hint.en}`) };
    }
    case 'too_small':
      if (issue.origin === 'string') return { code: 'empty', message: bi(`er tom; udfyld ${label.da}`, `is empty; fill in ${label.en}`) };
      if (issue.origin === 'array')
        return { code: 'too_few', message: bi(`skal have mindst ${issue.minimum}${hint.da}`, `needs at least ${issue.minimum}${hint.en}`) };
      return { code: 'too_small', message: bi(`${v} er under ${issue.minimum}`, `${v} is below ${issue.minimum}`) };
    case 'too_big': {
      if (issue.origin === 'array') {
        const n = (value as unknown[]).length;
        return {
          code: 'too_many',
          message: bi(`har ${n}, højst ${issue.maximum} tilladt; fjern nogle`, `has ${n}, at most ${issue.maximum} allowed; remove some`),
        };
      }
      return { code: 'too_big', message: bi(`${v} er over ${issue.maximum}`, `${v} is above ${issue.maximum}`) };
    }
    case 'invalid_format': {
      const fmt = FORMAT[issue.format] ?? (meta?.widget && WIDGET_FORMAT[meta.widget]);
      if (fmt) return { code: 'format', message: valueThen(v, fmt) };
      return { code: 'format', message: bi(`${v} har ikke den forventede form${hint.da}`, `${v} does not have the expected form${hint.en}`) };
    }
    case 'invalid_union': {
      const fmt = meta?.widget && WIDGET_FORMAT[meta.widget];
      return { code: 'format', message: fmt ? valueThen(v, fmt) : notValidHere(v) };
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String).join(', ');
      const suggestion = typeof value === 'string' ? closest(value, issue.values.map(String)) : undefined;
      const dym = suggestion ? bi(`; mente du "${suggestion}"?`, `; did you mean "${suggestion}"?`) : NOTHING;
      return { code: 'choice', suggestion, message: bi(`${v} er ikke en af ${allowed}${dym.da}`, `${v} is not one of ${allowed}${dym.en}`) };
    }
    case 'custom':
      return describeCustom(params, ctx, v);
    default:
      return { code: issue.code, message: bi(issue.message, issue.message) };
  }
}

/** The cross-field rules and taxonomy checks of src/schemas, by the `code` in their params. */
function describeCustom(params: Record<string, unknown>, ctx: MessageContext, v: string): Described {
  const named = (field: string) => {
    const label = ctx.fieldLabel?.(field);
    return label ? bi(`"${label.da}"`, `"${label.en}"`) : bi(`"${field}"`, `"${field}"`);
  };
  switch (params.code) {
    case 'taxonomy': {
      const name = String(params.taxonomy);
      const noun = TAXONOMY_NOUN[name];
      const suggestion = typeof ctx.value === 'string' ? closest(ctx.value, ctx.taxonomyIds[name] ?? []) : undefined;
      const where = `${ctx.contentLabel}/taxonomies/${name}.yml`;
      const dym = suggestion ? bi(`mente du "${suggestion}"? `, `did you mean "${suggestion}"? `) : NOTHING;
      return {
        code: 'taxonomy',
        suggestion,
        message: bi(`${v} er ikke ${noun.da} (${dym.da}se ${where})`, `${v} is not ${noun.en} (${dym.en}see ${where})`),
      };
    }
    case 'required_with': {
      const todo = ctx.meta?.hint ?? bi('beskriv billedet for dem, der ikke kan se det', 'describe the image for people who cannot see it');
      return {
        code: 'required',
        message: bi(
          `skal udfyldes, når ${named(String(params.other)).da} er udfyldt; ${todo.da}`,
          `is required when ${named(String(params.other)).en} is set; ${todo.en}`,
        ),
      };
    }
    case 'one_of': {
      const fields = (params.fields as string[]).map(named);
      return {
        code: 'required',
        message: bi(`udfyld ${fields.map((f) => f.da).join(' eller ')}`, `fill in ${fields.map((f) => f.en).join(' or ')}`),
      };
    }
    case 'end_before_start':
      return {
        code: 'order',
        message: bi(
          `${v} ligger ikke efter ${named('start').da}; et arrangement slutter efter det begynder`,
          `${v} is not after ${named('start').en}; an event ends after it starts`,
        ),
      };
    case 'until_before_start':
      return {
        code: 'order',
        message: bi(
          `${v} ligger før ${named('start').da}; den sidste gang kan ikke være før den første`,
          `${v} is before ${named('start').en}; the last time cannot be before the first`,
        ),
      };
    case 'expires_before_date':
      return {
        code: 'order',
        message: bi(
          `${v} ligger før ${named('date').da}; vælg en senere udløbsdato`,
          `${v} is before ${named('date').en}; set a later expiry date`,
        ),
      };
    default:
      return { code: 'custom', message: notValidHere(v) };
  }
}

export const unknownField = (known: string[], suggestion: string | undefined) =>
  suggestion
    ? bi(`er ikke et kendt felt; mente du "${suggestion}"?`, `is not a known field; did you mean "${suggestion}"?`)
    : bi(
        `er ikke et kendt felt og ville blive ignoreret; fjern det (kendte felter: ${known.join(', ')})`,
        `is not a known field and would be ignored; remove it (known fields: ${known.join(', ')})`,
      );

// --- taxonomies, file names and references ------------------------------------------------

export const notAList = () => bi('skal være en YAML-liste af poster', 'must be a YAML list of entries');

export const duplicateId = (id: string) => bi(`"${id}" optræder to gange; id'er skal være unikke`, `"${id}" appears twice; ids must be unique`);

export const badFileName = (fixed: string, maxLength: number) =>
  bi(
    `filnavnet må kun have små bogstaver a–z, tal og bindestreger (æ→ae, ø→oe, å→aa), højst ${maxLength} tegn; omdøb den til ${fixed}.md`,
    `the file name must be lowercase ASCII letters, digits and hyphens (æ→ae, ø→oe, å→aa), at most ${maxLength} characters; rename it to ${fixed}.md`,
  );

export const reservedSlug = (slug: string) =>
  bi(`"${slug}" er allerede en sektion på sitet; vælg et andet filnavn`, `"${slug}" is already a section of the site; choose another file name`);

export function missingReference(slug: string, target: string, suggestion: string | undefined): Bilingual {
  const todo = suggestion ? bi(`; mente du "${suggestion}"?`, `; did you mean "${suggestion}"?`) : bi('; tjek filnavnet (uden .md)', '; check the file name (without .md)');
  return bi(`"${slug}" findes ikke i ${target}/${todo.da}`, `"${slug}" does not exist in ${target}/${todo.en}`);
}

export const unlistedReference = (slug: string) =>
  bi(
    `"${slug}" er et skjult medlem og må ikke nævnes i offentligt indhold; fjern henvisningen eller spørg medlemmet, om det vil vises`,
    `"${slug}" is an unlisted member and cannot be named in public content; remove the reference or ask the member to be listed`,
  );

export const sameLanguageTranslation = (slug: string, lang: string) =>
  bi(
    `"${slug}" er på samme sprog (${lang}); en oversættelse forbinder tekster på forskellige sprog`,
    `"${slug}" is in the same language (${lang}); a translation links posts in different languages`,
  );

// --- contributor rules --------------------------------------------------------------------

export const duplicateSlug = (slug: string, others: string[]) =>
  bi(
    `har samme slug "${slug}" som ${others.join(', ')} (filnavne sammenlignes uden endelse, store bogstaver og æøå); én post er én fil: saml dem i ${slug}.md`,
    `has the same slug "${slug}" as ${others.join(', ')} (file names are compared without extension, case and æøå); one entry is one file: merge them into ${slug}.md`,
  );

export const sameWebsite = (website: string | undefined, otherFile: string) =>
  bi(
    `${website} er også hjemmesiden for ${otherFile}; er det samme netværk? Opdatér den post i stedet, eller fjern den ene`,
    `${website} is also the website of ${otherFile}; is it the same network? Update that entry instead, or remove one of them`,
  );

export const similarNetworkName = (name: string, otherName: string, otherFile: string) =>
  bi(
    `"${name}" er næsten samme navn som "${otherName}" i ${otherFile}; er det samme netværk? Opdatér den post i stedet, eller gør navnene tydeligt forskellige`,
    `"${name}" is nearly the same name as "${otherName}" in ${otherFile}; is it the same network? Update that entry instead, or make the names tell them apart`,
  );

/**
 * Another entry of the collection with the same name, or nearly: a second "Søren Ærø Ågaard".
 * `where` names the other entry (its file, or in the CMS its name and slug).
 */
export const duplicateName = (name: string, otherName: string, where: string, same: boolean) =>
  same
    ? bi(
        `der findes allerede "${otherName}" (${where}); opdatér den post i stedet, eller skriv navnet, så de to kan skelnes (fx med mellemnavn eller by)`,
        `"${otherName}" already exists (${where}); update that entry instead, or write the name so the two can be told apart (e.g. with a middle name or a town)`,
      )
    : bi(
        `"${name}" er næsten samme navn som "${otherName}" (${where}); er det den samme? Opdatér den post i stedet, eller skriv navnet, så de to kan skelnes`,
        `"${name}" is nearly the same name as "${otherName}" (${where}); is it the same? Update that entry instead, or write the name so the two can be told apart`,
      );

export const futureDate = (day: string, today: string) =>
  bi(
    `${day} ligger i fremtiden (i dag er ${today}); skriv den dag, du sidst tjekkede, at oplysningerne er rigtige`,
    `${day} is in the future (today is ${today}); write the day you last checked that the entry is true`,
  );

// --- bodies -------------------------------------------------------------------------------

/** Why a body finding is refused and what to write instead. */
export function bodyFinding(f: BodyFinding): Bilingual {
  const of = (kind: FindingKind) => f.items.filter((i) => i.kind === kind).map((i) => i.text);
  const what: Bilingual[] = [];
  const rules: Bilingual[] = [];
  const html = of('html');
  if (html.length) {
    what.push(bi(`rå HTML (${html.join(', ')})`, `raw HTML (${html.join(', ')})`));
    rules.push(bi('teksten er kun Markdown, og HTML fjernes fra siden af sikkerhedshensyn', 'the text is Markdown only, and HTML is removed from the page for safety'));
  }
  const links = of('link');
  if (links.length) {
    what.push(bi(`et ${links.join(' ')}-link`, `a ${links.join(' ')} link`));
    rules.push(
      bi(
        'links går til https://, mailto: eller tel:, og andre links fjernes fra siden af sikkerhedshensyn',
        'links go to https://, mailto: or tel:, and other links are removed from the page for safety',
      ),
    );
  }
  const images = of('image');
  if (images.length) {
    what.push(bi(`et billede uden for sitet (${images.join(', ')})`, `a picture from outside the site (${images.join(', ')})`));
    rules.push(
      bi(
        'billeder kommer fra sitets egen mediemappe, så ingen anden server får at vide, hvem der læser siden; læg billedet op (i CMS’et: billedknappen) og skriv ![beskrivelse](/media/…)',
        "pictures come from the site's own media folder, so no other server learns who reads the page; upload the picture (in the CMS: the picture button) and write ![description](/media/…)",
      ),
    );
  }
  const other = of('other');
  if (other.length) {
    what.push(bi(`opmærkning, siden ikke kan vise (${other.join(', ')})`, `markup the page cannot show (${other.join(', ')})`));
    rules.push(bi('den ville blive fjernet fra siden', 'it would be removed from the page'));
  }
  const why = f.active ? bi(' (den kunne køre kode i læsernes browsere)', ' (it could run code in readers’ browsers)') : NOTHING;
  const tail =
    html.length || links.length || other.length
      ? bi(
          '. Skriv det som Markdown (et link: [tekst](https://…), fed: **tekst**); vil du vise HTML som eksempel, så sæt det i en kodeblok mellem ```-linjer',
          '. Write it as Markdown (a link: [text](https://…), bold: **text**); to show HTML as an example, put it in a code block between ``` lines',
        )
      : NOTHING;
  const join = (parts: Bilingual[], lang: keyof Bilingual, and: string) => parts.map((p) => p[lang]).join(and);
  return bi(
    `${join(what, 'da', ' og ')} er ikke tilladt her: ${join(rules, 'da', '; ')}${why.da}${tail.da}`,
    `${join(what, 'en', ' and ')} is not allowed here: ${join(rules, 'en', '; ')}${why.en}${tail.en}`,
  );
}

// --- the media folder ---------------------------------------------------------------------

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, '')} MB`;

export const mediaName = (maxLength: number) =>
  bi(
    `navnet må kun indeholde bogstaverne a–z og A–Z, cifre, ".", "_" og "-" (ingen mellemrum, ingen æøå, ikke begynde med punktum, højst ${maxLength} tegn): omdøb filen, fx "anne-lund.jpg"`,
    `the name may hold only the letters a–z and A–Z, digits, ".", "_" and "-" (no spaces, no æøå, not starting with a dot, at most ${maxLength} characters): rename it, e.g. "anne-lund.jpg"`,
  );

export const mediaFolderName = () =>
  bi(
    'et mappenavn må kun indeholde bogstaverne a–z og A–Z, cifre, ".", "_" og "-" og ikke begynde med punktum: omdøb mappen (indholdet tjekkes først derefter)',
    'a folder name may hold only the letters a–z and A–Z, digits, ".", "_" and "-", and not start with a dot: rename it (what is inside is not checked until then)',
  );

export const mediaTooDeep = (maxDepth: number) =>
  bi(`mapperne ligger mere end ${maxDepth} niveauer inde i hinanden: flad dem ud`, `folders nest more than ${maxDepth} deep: flatten them`);

export const mediaSymlink = () =>
  bi(
    'er et symbolsk link; mediemappen indeholder kun billeder og mapper, og links følges aldrig: erstat linket med selve billedet',
    'is a symbolic link; the media folder holds only pictures and folders, and links are never followed: replace the link with the picture itself',
  );

export const mediaSpecial = () =>
  bi('er ikke en almindelig fil (en enhed, en pipe eller en socket): fjern den', 'is not an ordinary file (a device, pipe or socket): remove it');

export const mediaNotAFolder = () => bi('skulle være mediemappen, men er ikke en mappe', 'should be the media folder, but is not a folder');

/** A file whose ending is not a picture's; SVG is named only where it may be added (through git). */
export const notAPictureEnding = (endings: string, upload: boolean) =>
  bi(
    `kun billeder, der ender på ${endings}, hører til i mediemappen${upload ? '' : ' (og SVG-tegninger lagt ind via git)'}: gem det i et af de formater, eller læg det et andet sted`,
    `only pictures ending in ${endings} belong in the media folder${upload ? '' : ' (and SVG drawings added through git)'}: save it in one of those formats, or keep it elsewhere`,
  );

export const svgUpload = () =>
  bi(
    'SVG-filer kan ikke lægges op gennem CMS’et, fordi en SVG kan indeholde et script, der kører på sitet: gem billedet som PNG, JPG eller WebP, og læg det op',
    'SVG files cannot be uploaded through the CMS, because an SVG can carry a script that runs on the site: save the picture as PNG, JPG or WebP and upload that',
  );

export const emptyPicture = () => bi('er tom (0 byte): gem billedet igen', 'is empty (0 bytes): save the picture again');

export const pictureTooLarge = (size: number, maxBytes: number) =>
  bi(
    `fylder ${megabytes(size)}; et billede må højst fylde ${megabytes(maxBytes)}: gør det mindre (ca. 2000 pixel på den lange led er rigeligt til sitet), og gem det igen`,
    `is ${megabytes(size)}; a picture may be at most ${megabytes(maxBytes)}: make it smaller (about 2000 pixels across is plenty for the site) and save it again`,
  );

/** What a file's bytes turned out to be, for the message about a wrong type. */
export const detectedData = (name: string, mime: string) => bi(`${name}-data (${mime})`, `${name} data (${mime})`);
export const svgDrawing = () => bi('en SVG-tegning', 'an SVG drawing');
export const htmlPage = () => bi('en HTML-side', 'an HTML page');
export const markupDocument = () => bi('et XML- eller HTML-dokument', 'an XML or HTML document');
export const unknownData = () => bi('ikke en billedfil, som sitet kender', 'not a picture file this site knows');

/** The name says one type, the bytes another: rename (`ending`, when the bytes are a picture the site takes) or save again. */
export const wrongPictureType = (expected: string, what: Bilingual, ending: string | undefined) =>
  ending
    ? bi(
        `navnet siger ${expected}, men det er i virkeligheden ${what.da}: giv den endelsen .${ending}, eller gem den som ${expected}`,
        `its name says ${expected}, but it is really ${what.en}: give it the ending .${ending}, or save it as ${expected}`,
      )
    : bi(
        `navnet siger ${expected}, men det er i virkeligheden ${what.da}, ikke et billede, sitet tager imod: gem billedet som PNG, JPG eller WebP`,
        `its name says ${expected}, but it is really ${what.en}, not a picture the site accepts: save the picture as PNG, JPG or WebP`,
      );

/** Something in an SVG that is not inert (`what`: one of the svgHas… texts below). */
export const svgNotInert = (what: Bilingual) =>
  bi(
    `${what.da}, som kan køre kode eller hente andre filer, når tegningen åbnes: fjern det (et tegneprograms eksport som "optimeret SVG" gør det som regel), eller gem billedet som PNG`,
    `${what.en}, which can run code or load other files when the drawing is opened: remove it (a drawing program's "optimised SVG" export usually does), or save the picture as PNG`,
  );

export const svgHasDoctype = () => bi('den har en DOCTYPE (som kan erklære entiteter)', 'it has a DOCTYPE (which can declare entities)');
export const svgHasInstruction = (target: string) =>
  bi(`den har behandlingsinstruktionen <?${target}?>`, `it has the processing instruction <?${target}?>`);
export const svgHasElement = (name: string) => bi(`den har elementet <${name}>`, `it has the element <${name}>`);
export const svgHasStyleType = (type: string) => bi(`den har en <style> af typen "${type}"`, `it has a <style> of type "${type}"`);
export const svgStyleHolds = (problem: string) => bi(`dens <style> indeholder "${problem}"`, `its <style> holds "${problem}"`);

/** Why an attribute is not inert: nothing more to say, or one of these. */
export const ATTRIBUTE_REASON = {
  none: NOTHING,
  linkOut: bi(' (et link ud af filen)', ' (a link out of the file)'),
  otherNamespace: bi(' (fra et andet navnerum)', ' (from another namespace)'),
  eventHandler: bi(' (en hændelseshåndtering)', ' (an event handler)'),
  otherFile: bi(' (en henvisning til en anden fil)', ' (a reference to another file)'),
};
export const styleReason = (problem: string) => bi(` (style med "${problem}")`, ` (style with "${problem}")`);

export function svgHasAttribute(name: string, value: string, reason: Bilingual): Bilingual {
  const shown = value.length > 60 ? `${value.slice(0, 59)}…` : value;
  return bi(`den har attributten ${name}="${shown}"${reason.da}`, `it has the attribute ${name}="${shown}"${reason.en}`);
}

export const svgNotUtf8 = () => bi('er ikke UTF-8-tekst: gem den igen som UTF-8', 'is not UTF-8 text: save it again as UTF-8');

export const svgNotWellFormed = (reason: string) =>
  bi(`er ikke gyldig XML (${reason}): åbn den i et tegneprogram, og gem den igen som SVG`, `is not well-formed XML (${reason}): open it in a drawing program and save it again as SVG`);

export const svgEncoding = (encoding: string) => bi(`angiver tegnsættet "${encoding}": gem den som UTF-8`, `declares the encoding "${encoding}": save it as UTF-8`);

export const svgWrongRoot = (name: string, namespace: string) =>
  bi(
    `er ikke en SVG-tegning (det yderste element er <${name}>, ikke <svg xmlns="${namespace}">): gem billedet som SVG eller PNG`,
    `is not an SVG drawing (its outermost element is <${name}>, not <svg xmlns="${namespace}">): save the picture as SVG or PNG`,
  );

export const svgNoRoot = () => bi('indeholder intet <svg>-element: gem billedet som SVG eller PNG', 'holds no <svg> element: save the picture as SVG or PNG');
