import fs from 'node:fs';
import path from 'node:path';
import { bi, folderCollections, type Bilingual, type Taxonomies } from '../../schemas/index.ts';
import { memberSchema } from '../../schemas/members.ts';
import { deepEqual, splitFrontMatter, updateYaml, type FieldTree } from '../../lib/yaml-edit.ts';
import { checkAgainstSchema } from '../../lib/content/validate.ts';
import { bodyFindings } from '../../lib/content/body-check.ts';
import { bodyFinding } from '../../lib/content/messages.ts';
import { MAX_ENTRY_BYTES } from '../../lib/content/files.ts';
import { displayPath } from '../../lib/content/paths.ts';
import { slugify } from '../../lib/slug.ts';
import { collectionSchema } from '../field-docs.ts';
import { cellValue, clean, lookups } from './cells.ts';
import { mapHeaders, memberColumns } from './columns.ts';
import { CsvError, readCsv, type CsvTable } from './csv.ts';
import { readMembers, type ExistingMember } from './members.ts';

/** What an import would do, row by row: the spreadsheet's rows matched to member files, checked, and the new text of each file. */

type Data = Record<string, unknown>;

export type RowOutcome =
  | { kind: 'new'; row: number; name: string; slug: string; path: string; text: string }
  | { kind: 'changed'; row: number; name: string; slug: string; path: string; text: string; fields: string[] }
  | { kind: 'unchanged'; row: number; name: string; slug: string; path: string }
  | { kind: 'rejected'; row: number; name?: string; reasons: Bilingual[] };

export interface ImportPlan {
  table: Omit<CsvTable, 'rows' | 'header'> & { rows: number };
  ignoredColumns: string[];
  outcomes: RowOutcome[];
}

const rejected = (row: number, name: string | undefined, ...reasons: Bilingual[]): RowOutcome => ({
  kind: 'rejected',
  row,
  name,
  reasons,
});

/** The check refuses a content file over its size cap: the importer does not write one. */
function tooLarge(row: number, name: string, text: string): RowOutcome {
  const kb = (n: number) => Math.ceil(n / 1024).toLocaleString('en');
  return rejected(
    row,
    name,
    bi(
      `medlemsfilen ville fylde ${kb(Buffer.byteLength(text))} KB, og en indholdsfil må højst fylde ${kb(MAX_ENTRY_BYTES)} KB; gør præsentationen eller de andre celler kortere`,
      `the member file would be ${kb(Buffer.byteLength(text))} KB, and a content file may be at most ${kb(MAX_ENTRY_BYTES)} KB; shorten the presentation or the other cells`,
    ),
  );
}

const fieldOrder = (): FieldTree[] => Object.keys(collectionSchema('members').shape).map((name) => ({ name }));

/**
 * What importing `bytes` into `contentDir` would do, row by row, without writing anything.
 * Every row is either new, changed, unchanged or rejected with its reasons.
 */
export function planImport(bytes: Uint8Array, contentDir: string, tax: Taxonomies, file?: string): ImportPlan {
  const table = readCsv(bytes, file);
  const { columns, ignored } = mapHeaders(table.header);
  if (!columns.some((c) => c?.field === 'name')) {
    // The headers found, shortened: a binary or hostile first row can be anything.
    const found = table.header.join(', ').replace(/\s+/g, ' ').slice(0, 200);
    throw new CsvError(
      bi(
        `ingen kolonne med navnet; første række skal være overskrifterne, fx Navn;Virksomhed;Brancher;Kommune;E-mail (fandt: ${found || 'intet'})`,
        `no column for the name; the first row must hold the headers, e.g. Navn;Virksomhed;Brancher;Kommune;E-mail (found: ${found || 'nothing'})`,
      ),
      file,
    );
  }
  const groupsDir = path.join(contentDir, folderCollections.groups.info.path);
  const groups = fs.existsSync(groupsDir)
    ? fs
        .readdirSync(groupsDir)
        .filter((n) => n.endsWith('.md'))
        .map((n) => n.slice(0, -3))
    : [];
  const look = lookups(tax, groups);
  const schema = memberSchema(tax);
  const members = readMembers(contentDir);
  const bySlug = new Map(members.map((m) => [m.slug, m]));
  const byEmail = new Map(
    members.filter((m) => typeof m.data.email === 'string').map((m) => [(m.data.email as string).toLowerCase(), m]),
  );
  const byName = new Map(
    members.filter((m) => typeof m.data.name === 'string').map((m) => [slugify(m.data.name as string), m]),
  );
  const membersDir = path.join(contentDir, folderCollections.members.info.path);
  const claimed = new Map<string, number>();
  const claimedEmail = new Map<string, number>();
  const order = fieldOrder();

  const outcomes = table.rows.map(({ row, cells }): RowOutcome => {
    const values: Data = {};
    const reasons: Bilingual[] = [];
    let body: string | undefined;
    let slugCell: string | undefined;
    columns.forEach((c, i) => {
      const raw = cells[i] ?? '';
      if (!c || !clean(raw)) return;
      if (c.field === 'body') {
        body = raw.trim();
        // The check's body rule: what it would refuse in the file is refused here, row by row.
        for (const finding of bodyFindings(body)) {
          const why = bodyFinding(finding);
          const at = bi(
            `${c.header.da}, linje ${finding.line + 1} i cellen`,
            `${c.header.en}, line ${finding.line + 1} of the cell`,
          );
          reasons.push(bi(`${at.da}: ${why.da}`, `${at.en}: ${why.en}`));
        }
      } else if (c.field === 'slug') slugCell = slugify(clean(raw));
      else {
        const cell = cellValue(c, raw, look);
        if (cell.ok) values[c.field] = cell.value;
        else reasons.push(cell.message);
      }
    });
    const name = typeof values.name === 'string' ? values.name : undefined;
    if (!name)
      reasons.unshift(bi('navnet mangler; hver række skal have et', 'the name is missing; every row needs one'));
    if (reasons.length) return rejected(row, name, ...reasons);

    // Which member is this? The slug column, else the e-mail address, else the slug of the name.
    const email = typeof values.email === 'string' ? values.email.toLowerCase() : undefined;
    const nameSlug = slugify(name!);
    let target: ExistingMember | undefined;
    if (slugCell) target = bySlug.get(slugCell);
    else if (email && byEmail.has(email)) target = byEmail.get(email);
    else {
      target = bySlug.get(nameSlug) ?? byName.get(nameSlug);
      const theirs = typeof target?.data.email === 'string' ? target.data.email.toLowerCase() : undefined;
      if (target && email && theirs && theirs !== email) {
        return rejected(
          row,
          name,
          bi(
            `"${name}" passer på ${displayPath(target.path)} efter navnet, men e-mailen er en anden; er det samme person, så skriv ${target.slug} i en Slug-kolonne; ellers skriv et nyt slug dér (fx ${nameSlug}-2)`,
            `"${name}" matches ${displayPath(target.path)} by name, but its e-mail is different; if it is the same person, put ${target.slug} in a Slug column; if not, put a new slug there (e.g. ${nameSlug}-2)`,
          ),
        );
      }
    }
    if (target?.unreadable) {
      const at = displayPath(target.path);
      return rejected(
        row,
        name,
        bi(
          `${at} kan ikke læses sikkert (${target.unreadable.da}); ret den fil først (npm run check), og importér så igen`,
          `${at} cannot be read safely (${target.unreadable.en}); fix that file first (npm run check), then import again`,
        ),
      );
    }
    const slug = target?.slug ?? slugCell ?? nameSlug;
    if (!slug)
      return rejected(
        row,
        name,
        bi(`"${name}" giver intet filnavn; tilføj en Slug-kolonne`, `"${name}" gives no file name; add a Slug column`),
      );
    const first = claimed.get(slug);
    if (first !== undefined) {
      return rejected(
        row,
        name,
        bi(
          `samme medlem som række ${first} (${slug}); behold én af rækkerne`,
          `the same member as row ${first} (${slug}); keep one of the rows`,
        ),
      );
    }
    const firstEmail = email === undefined ? undefined : claimedEmail.get(email);
    if (firstEmail !== undefined) {
      return rejected(
        row,
        name,
        bi(
          `samme e-mail som række ${firstEmail}; behold én af rækkerne`,
          `the same e-mail as row ${firstEmail}; keep one of the rows`,
        ),
      );
    }
    claimed.set(slug, row);
    if (email) claimedEmail.set(email, row);

    const before = target?.data ?? {};
    // A new member is shown only with consent: without a "Vis offentligt" cell, listed is false.
    const merged: Data = target ? { ...before, ...values } : { ...values, listed: values.listed ?? false };
    const problems = checkAgainstSchema(
      { file: slug, schema, data: merged },
      {
        taxonomyIds: { trades: tax.trades.map((t) => t.id), municipalities: tax.municipalities.map((m) => m.id) },
        contentLabel: contentDir,
      },
    ).issues.filter((i) => i.code !== 'unknown_field' && (!target || (i.field && i.field.split(/[.[]/)[0] in values)));
    if (problems.length) {
      const labelOf = (f?: string) => {
        const c = memberColumns().find((col) => col.field === f?.split(/[.[]/)[0]);
        return c ? c.header : bi(f ?? 'række', f ?? 'row');
      };
      return rejected(
        row,
        name,
        ...problems.map((p) =>
          bi(`${labelOf(p.field).da}: ${p.message.da}`, `${labelOf(p.field).en}: ${p.message.en}`),
        ),
      );
    }

    if (!target) {
      const yaml = updateYaml(undefined, merged, order);
      const text = `---\n${yaml}---\n${body ? `${body}\n` : ''}`;
      if (Buffer.byteLength(text) > MAX_ENTRY_BYTES) return tooLarge(row, name!, text);
      return { kind: 'new', row, name: name!, slug, path: path.join(membersDir, `${slug}.md`), text };
    }
    const fields = Object.keys(values).filter((k) => !deepEqual(before[k], merged[k]));
    if (!fields.length) return { kind: 'unchanged', row, name: name!, slug, path: target.path };
    const parts = splitFrontMatter(target.text);
    // One field at a time, in schema order, so several new fields land in schema order too.
    let yaml = parts.yaml;
    let now: Data = { ...before };
    for (const { name: key } of order) {
      if (!fields.includes(key)) continue;
      now = { ...now, [key]: merged[key] };
      yaml = updateYaml(yaml, now, order);
    }
    const text = `${parts.head}${yaml}${parts.close}${parts.body}`;
    if (Buffer.byteLength(text) > MAX_ENTRY_BYTES) return tooLarge(row, name!, text);
    return { kind: 'changed', row, name: name!, slug, path: target.path, text, fields };
  });
  return {
    table: { rows: table.rows.length, delimiter: table.delimiter, encoding: table.encoding, bom: table.bom },
    ignoredColumns: ignored,
    outcomes,
  };
}
