import fs from 'node:fs';
import path from 'node:path';
import { folderCollections, type FolderCollection } from '../../schemas/index.ts';
import { dayOf } from '../dates.ts';
import { slugify } from '../slug.ts';
import { entryKey, similarNames, similarPairs } from './duplicates.ts';
import { lineOfField, type RawContent, type RawEntry } from './load.ts';
import { sortIssues, type ContentIssue } from './issues.ts';
import { collectionDir, displayPath } from './paths.ts';
import { bodyFindings } from './body-check.ts';
import {
  bodyFinding,
  duplicateName,
  duplicateSlug,
  futureDate,
  sameWebsite,
  similarNetworkName,
} from './messages.ts';

export { normaliseName, similarNames } from './duplicates.ts';

/**
 * Rules for content that arrives by pull request, on top of `validateContent`: duplicate
 * slugs and networks, `last_verified` in the future, bodies with anything the site's sanitizer
 * would remove (raw HTML, script links, pictures from elsewhere).
 *
 * They run in `npm run check`, not in the build: the build already sanitizes bodies (and its
 * sanitizer test builds hostile HTML on purpose), and a build must not start failing because
 * the clock moved or because two names look alike.
 */
export interface ContributorCheckOptions {
  /** Today as YYYY-MM-DD (Europe/Copenhagen); dates after it are in the future. */
  today: string;
}

export function contributorIssues(raw: RawContent, options: ContributorCheckOptions): ContentIssue[] {
  return sortIssues([
    ...duplicateSlugIssues(raw.dir),
    ...duplicateNetworkIssues(raw.entries.filter((e) => e.collection === 'wiki')),
    ...duplicateNameIssues(raw.entries),
    ...futureDateIssues(raw.entries, options.today),
    ...bodyIssues(raw.entries),
  ]);
}

// --- duplicate slugs ----------------------------------------------------------------------

/**
 * Two files in one collection whose names give the same slug: `x.md` and `x.mdx`, `X.md` and
 * `x.md`, `Netværk Nord.md` and `netvaerk-nord.md`. Only one of them can be the page.
 */
export function duplicateSlugIssues(dir: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const collection of Object.keys(folderCollections) as FolderCollection[]) {
    const folder = collectionDir(dir, collection);
    // A linked folder is reported by the loader and never read.
    if (!fs.existsSync(folder) || fs.lstatSync(folder).isSymbolicLink()) continue;
    const bySlug = new Map<string, string[]>();
    for (const name of fs.readdirSync(folder).sort()) {
      if (name.startsWith('.') || fs.lstatSync(path.join(folder, name)).isDirectory()) continue;
      const slug = slugify(name.replace(/\.[^.]*$/, ''));
      bySlug.set(slug, [...(bySlug.get(slug) ?? []), name]);
    }
    for (const [slug, names] of bySlug) {
      if (names.length < 2) continue;
      for (const name of names) {
        const others = names.filter((n) => n !== name);
        issues.push({
          file: displayPath(path.join(folder, name)),
          code: 'duplicate_slug',
          related: others.map((n) => displayPath(path.join(folder, n))),
          message: duplicateSlug(slug, others),
        });
      }
    }
  }
  return issues;
}

// --- duplicate networks -------------------------------------------------------------------

/** A website without scheme, `www.`, trailing slash, `index.html`, case of the host: the same site is the same string. */
export function normaliseWebsite(website: string): string | undefined {
  const text = website.trim();
  if (!text) return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    const pathname = url.pathname.replace(/\/index\.html?$/i, '').replace(/\/+$/, '');
    return `${host}${pathname.toLowerCase()}${url.search}`;
  } catch {
    return text.toLowerCase();
  }
}

export function duplicateNetworkIssues(entries: RawEntry[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const sites = entries.map((e) => {
    const website = text(e.data.website);
    return website ? normaliseWebsite(website) : undefined;
  });
  for (let i = 0; i < entries.length; i++) {
    for (let j = 0; j < entries.length; j++) {
      if (i === j) continue;
      const [e, other] = [entries[i], entries[j]];
      if (sites[i] && sites[i] === sites[j]) {
        issues.push({
          file: e.file,
          field: 'website',
          line: lineOfField(e.frontMatter, 'website'),
          code: 'duplicate_network',
          related: [other.file],
          message: sameWebsite(text(e.data.website), other.file),
        });
        continue;
      }
      const [name, otherName] = [text(e.data.name), text(other.data.name)];
      if (name && otherName && similarNames(name, otherName)) {
        issues.push({
          file: e.file,
          field: 'name',
          line: lineOfField(e.frontMatter, 'name'),
          code: 'duplicate_network',
          related: [other.file],
          message: similarNetworkName(name, otherName, other.file),
        });
      }
    }
  }
  return issues;
}

// --- duplicate names ----------------------------------------------------------------------

/**
 * Two entries of one collection (the wiki has its own rule above) with the same name after the
 * slug rule, or nearly: a member added twice, a page written again. Both are reported, each
 * naming the other; entries with different keys (`entryKey`: language, an event's day) are apart.
 */
export function duplicateNameIssues(entries: RawEntry[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const [collection, def] of Object.entries(folderCollections)) {
    if (collection === 'wiki') continue;
    const field = def.info.summaryField ?? 'title';
    const named = entries.filter((e) => e.collection === collection && typeof e.data[field] === 'string');
    const pairs = similarPairs(named.map((e) => ({ name: String(e.data[field]), key: entryKey(collection, e.data) })));
    const fileSlug = (e: RawEntry) => slugify(path.basename(e.file).replace(/\.[^.]*$/, ''));
    for (const [i, j] of pairs) {
      // Two files with one slug are reported as such (duplicateSlugIssues).
      if (fileSlug(named[i]) === fileSlug(named[j])) continue;
      for (const [e, other] of [
        [named[i], named[j]],
        [named[j], named[i]],
      ]) {
        const [name, otherName] = [String(e.data[field]), String(other.data[field])];
        issues.push({
          file: e.file,
          field,
          line: lineOfField(e.frontMatter, field),
          code: 'duplicate_name',
          related: [other.file],
          message: duplicateName(name, otherName, other.file, slugify(name) === slugify(otherName)),
        });
      }
    }
  }
  return issues;
}

// --- dates ---------------------------------------------------------------------------------

/** Fields that state when something was checked, so they cannot lie in the future. */
const NOT_IN_FUTURE: Partial<Record<FolderCollection, string[]>> = { wiki: ['last_verified'] };

export function futureDateIssues(entries: RawEntry[], today: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const e of entries) {
    for (const key of NOT_IN_FUTURE[e.collection] ?? []) {
      const day = dayOf(e.data[key]);
      if (!day || day <= today) continue;
      issues.push({
        file: e.file,
        field: key,
        line: lineOfField(e.frontMatter, key),
        code: 'future_date',
        message: futureDate(day, today),
      });
    }
  }
  return issues;
}

// --- bodies --------------------------------------------------------------------------------

/** What the site would remove from a body, so the contributor hears of it instead of losing it. */
export function bodyIssues(entries: RawEntry[]): ContentIssue[] {
  return entries.flatMap((e) =>
    bodyFindings(e.body).map((f) => ({ file: e.file, line: e.bodyLine + f.line, code: 'html', message: bodyFinding(f) })),
  );
}
