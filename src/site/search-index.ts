import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { LANGS } from '../i18n/locale.ts';
import { filesUnder } from '../lib/files-under.ts';
import { routePath } from './routes.ts';
import { bundleFolder, memberShards, shardOf } from './search-shards.ts';

export interface IndexStats {
  /** Pages Pagefind read this time (0 when every bundle was unchanged). */
  pages: number;
  languages: string[];
  ms: number;
  /** Bundles the index has, and how many of them were kept from the previous build. */
  bundles: number;
  kept: number;
}

interface SiteFile {
  rel: string;
  size: number;
  mtimeMs: number;
}

/** Every HTML file of the site but the index's own folder, with what tells a changed file. */
function htmlFiles(siteDir: string): SiteFile[] {
  return filesUnder(siteDir)
    .filter((rel) => rel.endsWith('.html') && !rel.startsWith('pagefind/'))
    .map((rel) => {
      const st = fs.statSync(path.join(siteDir, rel));
      return { rel, size: st.size, mtimeMs: st.mtimeMs };
    });
}

// A member page's file in each language: medlemmer/<slug>/index.html, en/members/<slug>/index.html.
const MEMBER_FILES = LANGS.map((lang) => {
  const [before, after] = routePath('member', lang, { slug: '\u0000' }).split('\u0000');
  return { lang, prefix: before.slice(1), suffix: `${after}index.html` };
});

/** The member whose page this file is, if it is one. */
export function memberOfFile(rel: string): { slug: string; lang: string } | undefined {
  for (const { lang, prefix, suffix } of MEMBER_FILES) {
    if (!rel.startsWith(prefix) || !rel.endsWith(suffix)) continue;
    const slug = rel.slice(prefix.length, rel.length - suffix.length);
    if (slug && !slug.includes('/')) return { slug, lang };
  }
  return undefined;
}

const MANIFEST = 'mikronet-search.json';

/**
 * Indexes a built site with Pagefind (one index per `<html lang>` in each bundle), split into
 * bundles as src/site/search-shards.ts says. With `cacheDir`, a bundle none of whose pages changed
 * since the last index (the same files with the same bytes; an incremental build leaves a page it
 * did not render again untouched, so mostly only size and time are compared) is kept as it is, so
 * editing one member re-indexes one bundle.
 */
export async function buildSearchIndex(siteDir: string, options: { cacheDir?: string } = {}): Promise<IndexStats> {
  const started = performance.now();
  const files = htmlFiles(siteDir);
  const members = files.filter((f) => memberOfFile(f.rel)?.lang === LANGS[0]).length;
  const shards = memberShards(members);
  const bundles = new Map<string, SiteFile[]>([['', []]]);
  for (let i = 0; i < shards; i++) bundles.set(bundleFolder(i), []);
  for (const f of files) {
    const member = shards ? memberOfFile(f.rel) : undefined;
    bundles.get(member ? bundleFolder(shardOf(member.slug, shards)) : '')!.push(f);
  }

  const root = path.join(siteDir, 'pagefind');
  const manifestFile = options.cacheDir && path.join(options.cacheDir, MANIFEST);
  const before = readManifest(manifestFile);
  // Member bundles of an earlier split (the number of bundles changed) go.
  for (const entry of fs.existsSync(root) ? fs.readdirSync(root) : [])
    if (/^m\d+$/.test(entry) && !bundles.has(entry))
      fs.rmSync(path.join(root, entry), { recursive: true, force: true });

  // A file re-rendered with the same bytes (the CMS page, the 404 page: rendered on every build)
  // must not make its bundle look changed, so files count by their content; a file whose size and
  // time are as recorded keeps its record and is not read.
  const record = (f: SiteFile): FileRecord => {
    const known = before.files[f.rel];
    if (known && known[0] === f.size && known[1] === f.mtimeMs) return known;
    const bytes = fs.readFileSync(path.join(siteDir, f.rel));
    return [f.size, f.mtimeMs, createHash('sha1').update(bytes).digest('base64url'), bytes.includes(BODY_MARK)];
  };
  const fileRecords: Manifest['files'] = {};
  const signatures: Record<string, string> = {};
  const languages = new Set<string>();
  let pages = 0;
  let kept = 0;
  try {
    for (const [folder, list] of bundles) {
      const out = path.join(root, folder);
      for (const f of list) fileRecords[f.rel] = record(f);
      // Once a page of an index has data-pagefind-body, Pagefind leaves out the pages without it;
      // they are then not read, and changing one (a list page) does not touch the bundle.
      const marked = list.filter((f) => fileRecords[f.rel][3]);
      const used = marked.length ? marked : list;
      const lines = used.map((f) => `${f.rel}\t${fileRecords[f.rel][2]}`);
      const signature = createHash('sha1').update(lines.join('\n')).digest('base64url');
      signatures[folder] = signature;
      if (before.bundles[folder] === signature && fs.existsSync(path.join(out, 'pagefind-entry.json'))) kept++;
      else {
        clearBundle(out, folder === '');
        pages += await indexBundle(siteDir, used, out);
      }
      for (const lang of bundleLanguages(out)) languages.add(lang);
    }
  } finally {
    await pagefind.close();
  }
  if (manifestFile) {
    fs.mkdirSync(path.dirname(manifestFile), { recursive: true });
    const manifest: Manifest = { version: 3, bundles: signatures, files: fileRecords };
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  }
  return { pages, languages: [...languages].sort(), ms: performance.now() - started, bundles: bundles.size, kept };
}

interface Manifest {
  version: 3;
  /** bundle folder → hash of its pages */
  bundles: Record<string, string>;
  /** page file → its record */
  files: Record<string, FileRecord>;
}
/** size, mtimeMs, content hash, whether it has data-pagefind-body */
type FileRecord = [number, number, string, boolean];
const BODY_MARK = Buffer.from('data-pagefind-body');

function readManifest(file: string | undefined): Manifest {
  const none: Manifest = { version: 3, bundles: {}, files: {} };
  if (!file) return none;
  try {
    const read = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    return read.version === 3 ? read : none;
  } catch {
    return none;
  }
}

/** Empties a bundle's folder; the site bundle's folder keeps the member bundles inside it. */
function clearBundle(out: string, keepMemberBundles: boolean): void {
  if (!fs.existsSync(out)) return;
  for (const entry of fs.readdirSync(out)) {
    if (keepMemberBundles && /^m\d+$/.test(entry)) continue;
    fs.rmSync(path.join(out, entry), { recursive: true, force: true });
  }
}

function bundleLanguages(out: string): string[] {
  try {
    const entry = JSON.parse(fs.readFileSync(path.join(out, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, unknown>;
    };
    return Object.keys(entry.languages);
  } catch {
    return [];
  }
}

/** One Pagefind index over the given pages, written to `out`; the index is dropped after, to bound memory. */
async function indexBundle(siteDir: string, list: SiteFile[], out: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // A few files in flight at once keep Pagefind busy while Node reads the next ones.
  const BATCH = 64;
  for (let i = 0; i < list.length; i += BATCH) {
    const results = await Promise.all(
      list
        .slice(i, i + BATCH)
        .map((f) =>
          index.addHTMLFile({ sourcePath: f.rel, content: fs.readFileSync(path.join(siteDir, f.rel), 'utf8') }),
        ),
    );
    const failed = results.flatMap((r, j) => r.errors.map((e) => `${list[i + j].rel}: ${e}`));
    if (failed.length) throw new Error(`Pagefind could not index ${failed.slice(0, 5).join('; ')}`);
  }
  fs.mkdirSync(out, { recursive: true });
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  return list.length;
}
