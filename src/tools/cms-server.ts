import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { MAX_DATA_FILE_BYTES, MAX_ENTRY_BYTES, readContentText } from '../lib/content/files.ts';
import { frontMatterFence, parseYamlData } from '../lib/content/front-matter.ts';
import { entryKey } from '../lib/content/duplicates.ts';
import { folderCollections } from '../schemas/index.ts';
import { checkMediaFile } from '../lib/media.ts';
import { MAX_IMAGE_BYTES } from '../schemas/common.ts';
import { bi, daEn, enDa, type Bilingual } from '../schemas/meta.ts';

/**
 * The CMS's local backend, confined. Decap's own request handlers (decap-server's local file
 * system and git middlewares) run in this process behind a guard that lets through only:
 * - requests to 127.0.0.1 or localhost on this port, by name (a rebound DNS name is refused);
 * - from the admin page's origin only (http://127.0.0.1:<site port>, http://localhost:<site port>);
 *   any other Origin, or none, is refused, so no other page on this machine can call it;
 * - POSTed JSON of bounded size, naming only the actions the CMS uses;
 * - whose every path is a normalised relative path to an entry (.md, .yml) inside the content
 *   folder or a picture inside the media folder, through no symbolic link;
 * - whose uploads are pictures that are what their bytes say (checkMediaFile), and whose entries
 *   are of bounded size.
 * decap-server alone reads, writes and deletes anything in the repository (package.json,
 * .git/hooks) for any page on any localhost port.
 */

// The content check's limits: an entry the check would refuse is neither read nor saved.
export { MAX_DATA_FILE_BYTES, MAX_ENTRY_BYTES };
/**
 * Largest request. A 2 MB picture is 2.7 MB in base64, and Decap sends the pictures added while
 * editing an entry together with the entry when it is saved: room for eight of them and the text.
 */
export const MAX_BODY_BYTES = 24 * 1024 * 1024;
/** Deepest folder listing the CMS may ask for (Decap asks for 1 unless a collection nests). */
const MAX_DEPTH = 10;
const MAX_PATH_LENGTH = 512;

export interface CmsServerOptions {
  /** The folder the CMS's paths are relative to (the repository). */
  repoRoot: string;
  /** Where entries may be read and written: the content folder (CONTENT_DIR), inside repoRoot. */
  contentDir: string;
  /** Where pictures may be read, uploaded and deleted (public/media), inside repoRoot. */
  mediaDir: string;
  /** `fs` writes files; `git` also commits each save to the current branch (decap-server's MODE). */
  mode: 'fs' | 'git';
  /** Port to listen on, on 127.0.0.1; 0 for a free one. */
  port: number;
  /** Port the site (and its /admin/ page) is served on: the only origin allowed to call. */
  sitePort: number;
  /** Where to say what was refused (one line each); silent by default. */
  log?: (line: string) => void;
  /** Live publishing (npm start): told of every save, and asked for the site's state (see LIVE_PATH). */
  live?: LiveHooks;
  /** Also the editorial workflow's actions (npm start --workflow; `mode` must be `git`). */
  workflow?: boolean;
}

export interface CmsServer {
  /** The API address for CMS_PROXY_URL, e.g. http://127.0.0.1:8081/api/v1. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The action that lists a collection's entries by slug, name and key (see `entryNames`). */
export const ENTRY_NAMES = 'entryNames';

/** The actions Decap's proxy backend sends in simple publish mode (no editorial workflow locally). */
const ACTIONS = new Set([
  'info',
  'entriesByFolder',
  'entriesByFiles',
  'getEntry',
  'persistEntry',
  'getMedia',
  'getMediaFile',
  'persistMedia',
  'deleteFile',
  'deleteFiles',
  'getDeployPreview',
  // Ours, not Decap's: the admin page's save check asks for the names it compares a new entry with.
  ENTRY_NAMES,
]);

const API_PATH = '/api/v1';

// --- live publishing: the site's state for the admin page (src/cms/live.ts) ------------------

/** GET: the site's build state as JSON (src/tools/live-site.ts's LiveStatus), for the admin page only. */
export const LIVE_PATH = `${API_PATH}/live`;
export interface LiveHooks {
  status(): unknown;
  /** Called after a save succeeded, before the CMS is answered, so the next status counts it. */
  changed(): void;
}
/** The actions that change what the site shows (a save to a draft's branch does not). */
const WRITES = new Set(['persistEntry', 'persistMedia', 'deleteFile', 'deleteFiles', 'publishUnpublishedEntry']);
function changesSite(body: Params): boolean {
  const options = isObject(body.params) && isObject(body.params.options) ? body.params.options : {};
  return WRITES.has(String(body.action)) && !(body.action === 'persistEntry' && options.useWorkflow === true);
}

/** The editorial workflow's actions: decap-server's git mode keeps each draft on a branch cms/<collection>/<slug>. */
const WORKFLOW_ACTIONS = new Set([
  'unpublishedEntries',
  'unpublishedEntry',
  'unpublishedEntryDataFile',
  'unpublishedEntryMediaFile',
  'deleteUnpublishedEntry',
  'updateUnpublishedEntryStatus',
  'publishUnpublishedEntry',
]);
const NAME = /^[a-z0-9][a-z0-9_-]{0,199}$/i;
const BRANCH = /^[A-Za-z0-9_][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/;
const STATUSES = new Set(['draft', 'pending_review', 'pending_publish']);

/**
 * decap-server's git mode makes branch names and git arguments of a request's branch, collection,
 * slug, status and label prefix: each must be a plain name (no "-" first, no "..", no spaces).
 */
function checkGitNames(body: Params): void {
  const p = isObject(body.params) ? body.params : {};
  const options = isObject(p.options) ? p.options : {};
  const first = asArray(p.dataFiles)[0];
  const bad = (what: string, value: unknown) =>
    refuse(
      422,
      bi(
        `${what} "${shown(value)}" er ikke et enkelt navn (a–z, 0–9, "-", "_")`,
        `${what} "${shown(value)}" is not a plain name (a–z, 0–9, "-", "_")`,
      ),
    );
  if (p.branch !== undefined && (typeof p.branch !== 'string' || p.branch.length > 200 || !BRANCH.test(p.branch)))
    throw bad('branch', p.branch);
  // unpublishedEntry names a draft by "<collection>/<slug>" (elsewhere id is a file's path, checked as one).
  if (body.action === 'unpublishedEntry' && p.id !== undefined) {
    const parts = typeof p.id === 'string' ? p.id.split('/') : [];
    if (parts.length !== 2 || !parts.every((x) => NAME.test(x))) throw bad('id', p.id);
  }
  const names: [string, unknown][] = [
    ['collection', p.collection],
    ['slug', p.slug],
    ['collection', options.collectionName],
    ['slug', options.useWorkflow === true && isObject(first) ? first.slug : undefined],
  ];
  for (const [what, v] of names) if (v !== undefined && (typeof v !== 'string' || !NAME.test(v))) throw bad(what, v);
  for (const v of [p.cmsLabelPrefix, options.cmsLabelPrefix])
    if (v !== undefined && v !== '' && (typeof v !== 'string' || !/^[\w-]{1,50}$/.test(v))) throw bad('label', v);
  if (p.newStatus !== undefined && !STATUSES.has(String(p.newStatus))) throw bad('status', p.newStatus);
  if (options.useWorkflow === true && !STATUSES.has(String(options.status))) throw bad('status', options.status);
}

/** A workflow action: plain names, and a draft's file inside the content or media folder. */
async function guardWorkflow(body: Params, c: Confinement): Promise<Guarded> {
  const p = isObject(body.params) ? body.params : {};
  if (body.action === 'unpublishedEntryDataFile') await c.place(p.path, ['content'], 'file');
  if (body.action === 'unpublishedEntryMediaFile') await c.place(p.path, ['media'], 'file');
  return { body };
}

/** Answers GET LIVE_PATH (after the host and origin checks); false for any other request. */
function answerLive(
  req: http.IncomingMessage,
  live: LiveHooks | undefined,
  send: (status: number, body: unknown) => void,
): boolean {
  if (!live || req.method !== 'GET' || new URL(req.url ?? '/', 'http://x').pathname !== LIVE_PATH) return false;
  send(200, live.status());
  return true;
}

// ---------------------------------------------------------------------------------------------

/** A request the guard refuses: HTTP status and a message the CMS shows to the editor. */
class Refusal extends Error {
  readonly status: number;
  readonly bilingual: Bilingual;
  constructor(status: number, message: Bilingual) {
    super(message.en);
    this.status = status;
    this.bilingual = message;
  }
}

// Refusals: editors read Danish first, and Decap shows the `error` text as it is (daEn, not enDa).
const refuse = (status: number, message: Bilingual) => new Refusal(status, message);

type Params = Record<string, unknown>;

// --- decap-server's handlers, in this process ---------------------------------------------

interface DecapRequest {
  body: Params;
}
interface DecapResponse {
  status(code: number): DecapResponse;
  json(body: unknown): void;
}
type DecapHandler = (req: DecapRequest, res: DecapResponse, next?: () => void) => unknown;
interface DecapMiddlewares {
  registerLocalFs(app: unknown, options: { logLevel?: string }): Promise<void>;
  registerLocalGit(app: unknown, options: { logLevel?: string }): Promise<void>;
}

/**
 * decap-server exports only functions that register its handlers on an express app, reading the
 * repository from GIT_REPO_DIRECTORY: we hand them an app that keeps the handlers (its CORS,
 * 50 MB body parser and request log are left out; the guard does that part).
 */
async function decapHandlers(repoRoot: string, mode: 'fs' | 'git'): Promise<Decap> {
  const decap = createRequire(import.meta.url)('decap-server/dist/middlewares.js') as DecapMiddlewares;
  const handlers: DecapHandler[] = [];
  const app = {
    use() {},
    post(route: string, handler: DecapHandler) {
      if (route === API_PATH) handlers.push(handler);
    },
  };
  const saved = process.env.GIT_REPO_DIRECTORY;
  let registered: Promise<void>;
  try {
    // Read synchronously when registering starts.
    process.env.GIT_REPO_DIRECTORY = repoRoot;
    registered = (mode === 'git' ? decap.registerLocalGit : decap.registerLocalFs)(app, { logLevel: 'error' });
  } finally {
    if (saved === undefined) delete process.env.GIT_REPO_DIRECTORY;
    else process.env.GIT_REPO_DIRECTORY = saved;
  }
  await registered;
  if (handlers.length !== 2)
    throw new Error(
      `decap-server registered ${handlers.length} handlers for ${API_PATH}, expected 2 (its schema check and its actions): has its API changed?`,
    );
  const [schemaCheck, act] = handlers;

  /** Runs decap-server's schema check, then, if the request passed, its action. */
  const call = (body: Params) =>
    new Promise<{ status: number; body: unknown; checked: boolean }>((resolve, reject) => {
      let status = 200;
      let checked = false;
      const res: DecapResponse = {
        status(code) {
          status = code;
          return res;
        },
        json(value) {
          resolve({ status, body: value, checked });
        },
      };
      // decap-server logs a failed request's body: its action and paths, not an upload's bytes.
      const req = {
        body: Object.defineProperty({ ...body }, 'toJSON', { value: () => summary(body), enumerable: false }),
      };
      try {
        schemaCheck(req, res, () => {
          checked = true;
          Promise.resolve(act(req, res)).catch(reject);
        });
      } catch (err) {
        reject(err);
      }
    });

  return {
    async run(body) {
      const { status, body: answer, checked } = await call(body);
      if (!checked) {
        const problem = shown(isObject(answer) ? answer.error : answer);
        throw refuse(
          422,
          bi(`Ugyldig forespørgsel til CMS-serveren: ${problem}`, `Invalid request to the CMS server: ${problem}`),
        );
      }
      return { status, body: answer };
    },
  };
}

interface Decap {
  /** The request through decap-server's schema check (a Refusal if it fails) and its action. */
  run(body: Params): Promise<{ status: number; body: unknown }>;
}

// --- paths --------------------------------------------------------------------------------

/** A file or folder name: ASCII letters, digits, ".", "_", "-", not starting with a dot (no ".", "..", ".git"). */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const ENTRY_LIMITS: Record<string, number> = { md: MAX_ENTRY_BYTES, yml: MAX_DATA_FILE_BYTES };
const PICTURE = /\.(?:jpe?g|png|webp|avif|gif|svg)$/i;

type Area = 'content' | 'media';

interface Place {
  area: Area;
  /** As the CMS sent it, relative to the repository. */
  rel: string;
  abs: string;
  /** Relative to the area's folder. */
  inside: string;
}

const shown = (value: unknown) => {
  const s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return s.length > 120 ? `${s.slice(0, 119)}…` : s;
};

class Confinement {
  readonly repoRoot: string;
  readonly dirs: Record<Area, string>;
  constructor(repoRoot: string, dirs: Record<Area, string>) {
    this.repoRoot = repoRoot;
    this.dirs = dirs;
  }

  private outside(value: unknown, why: Bilingual): Refusal {
    return refuse(
      403,
      bi(
        `CMS’et må kun læse og skrive indlæg i ${this.shownDir('content')}/ og billeder i ${this.shownDir('media')}/; "${shown(value)}" ${why.da}`,
        `The CMS may only read and write entries in ${this.shownDir('content')}/ and pictures in ${this.shownDir('media')}/; "${shown(value)}" ${why.en}`,
      ),
    );
  }

  shownDir(area: Area): string {
    return path.relative(this.repoRoot, this.dirs[area]).split(path.sep).join('/');
  }

  /**
   * The place a path from the CMS names, if it is a normalised relative path inside one of the
   * allowed areas, and no symbolic link, file or special file stands where a folder should be.
   * `kind` is what must be there if something is: a file, or a folder.
   */
  async place(value: unknown, areas: Area[], kind: 'file' | 'folder'): Promise<Place> {
    if (typeof value !== 'string' || !value || value.length > MAX_PATH_LENGTH) {
      throw this.outside(value, bi('er ikke en sti', 'is not a path'));
    }
    const segments = value.split('/');
    const plain =
      !/[\\\0-\x1f\x7f]/.test(value) &&
      !value.startsWith('/') &&
      path.posix.normalize(value) === value &&
      segments.every((s) => SEGMENT.test(s));
    if (!plain) {
      throw this.outside(
        value,
        bi(
          'er ikke en enkel relativ sti (ingen "..", ingen absolut sti, ingen omvendt skråstreg, ingen skjulte navne med punktum først, kun a–z, A–Z, 0–9, ".", "_", "-")',
          'is not a plain relative path (no "..", no absolute path, no backslash, no hidden names starting with a dot, only a–z, A–Z, 0–9, ".", "_", "-")',
        ),
      );
    }
    const abs = path.resolve(this.repoRoot, value);
    const area = areas.find((a) => {
      const r = path.relative(this.dirs[a], abs);
      return r === '' ? kind === 'folder' : !r.startsWith('..') && !path.isAbsolute(r);
    });
    if (!area) throw this.outside(value, bi('ligger uden for de mapper', 'is outside those folders'));
    const inside = path.relative(this.dirs[area], abs).split(path.sep).join('/');
    if (kind === 'file') {
      if (area === 'content' && !ENTRY_LIMITS[/\.([a-z]+)$/.exec(value)?.[1] ?? '']) {
        throw this.outside(value, bi('er ikke et indlæg (.md eller .yml)', 'is not an entry (.md or .yml)'));
      }
      if (area === 'media' && !PICTURE.test(value)) {
        throw this.outside(
          value,
          bi(
            'er ikke et billede (.jpg, .png, .webp, .avif, .gif)',
            'is not a picture (.jpg, .png, .webp, .avif, .gif)',
          ),
        );
      }
    }
    await this.noLinks(value, area, abs, kind);
    return { area, rel: value, abs, inside };
  }

  /** Every existing step from the area's folder down to the path is a real folder, and the path itself the kind expected. */
  private async noLinks(value: string, area: Area, abs: string, kind: 'file' | 'folder') {
    const root = this.dirs[area];
    const steps = path.relative(root, abs).split(path.sep).filter(Boolean);
    let current = root;
    for (let i = 0; i <= steps.length; i++) {
      if (i > 0) current = path.join(current, steps[i - 1]);
      const last = i === steps.length;
      const stat = await fs.lstat(current).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return undefined;
        throw err;
      });
      if (!stat) return;
      if (stat.isSymbolicLink()) {
        throw this.outside(
          value,
          bi(
            'går gennem et symbolsk link, som CMS’et aldrig følger',
            'goes through a symbolic link, which the CMS never follows',
          ),
        );
      }
      const wanted = last && kind === 'file' ? stat.isFile() : stat.isDirectory();
      if (!wanted) {
        throw this.outside(
          value,
          last && kind === 'file'
            ? bi('er ikke en almindelig fil', 'is not an ordinary file')
            : bi('er ikke en mappe', 'is not a folder'),
        );
      }
    }
    // With no link below it, the deepest existing folder's real path is under the area's real path.
    const real = await fs.realpath(current);
    const realRoot = await fs.realpath(root);
    const r = path.relative(realRoot, real);
    if (r.startsWith('..') || path.isAbsolute(r))
      throw this.outside(value, bi('fører ud af de mapper', 'leads outside those folders'));
  }

  /**
   * The files a folder listing may show: ordinary files (never a link, pipe or device) with safe
   * names and the wanted ending, at most `depth` levels down, at most `maxBytes` each.
   */
  async list(folder: Place, depth: number, accept: (name: string, size: number) => boolean): Promise<string[]> {
    const found: string[] = [];
    const walk = async (abs: string, rel: string, level: number) => {
      if (level > depth) return;
      const names = await fs.readdir(abs).catch(() => [] as string[]);
      for (const name of names.sort()) {
        if (!SEGMENT.test(name)) continue;
        const stat = await fs.lstat(path.join(abs, name));
        if (stat.isDirectory()) await walk(path.join(abs, name), `${rel}/${name}`, level + 1);
        else if (stat.isFile() && accept(name, stat.size)) found.push(`${rel}/${name}`);
      }
    };
    await walk(folder.abs, folder.rel, 1);
    return found;
  }
}

// --- the guard ------------------------------------------------------------------------------

const repoRootOf = (c: Confinement) => c.repoRoot;

/**
 * Slug, name and key (`entryKey`) of each listed entry, read as the content check reads it (no
 * link followed, size bounded, YAML as data); a file that cannot be read is left out.
 */
function entryNames(repoRoot: string, files: string[], collection: string) {
  const info = folderCollections[collection as keyof typeof folderCollections].info;
  const field = info.summaryField ?? 'title';
  return files.flatMap((rel) => {
    const read = readContentText(path.resolve(repoRoot, rel), MAX_ENTRY_BYTES);
    if (!('text' in read) || frontMatterFence(read.text).kind !== 'yaml') return [];
    const text = read.text.replace(/^\uFEFF/, '');
    const end = text.search(/\n---[ \t]*(?:\r?\n|$)/);
    if (end < 0) return [];
    let data: unknown;
    try {
      data = parseYamlData(text.slice(text.indexOf('\n'), end + 1), { dates: false });
    } catch {
      return [];
    }
    if (!isObject(data) || typeof data[field] !== 'string') return [];
    const slug = rel.slice(rel.lastIndexOf('/') + 1).replace(/\.md$/, '');
    return [{ slug, name: data[field], key: entryKey(collection, data) }];
  });
}

const isObject = (v: unknown): v is Params => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function entryTooLarge(place: Place, raw: unknown): Refusal | undefined {
  const limit = ENTRY_LIMITS[place.rel.slice(place.rel.lastIndexOf('.') + 1)];
  const size = typeof raw === 'string' ? Buffer.byteLength(raw, 'utf8') : 0;
  if (size <= limit) return undefined;
  const kb = (n: number) => Math.ceil(n / 1024).toLocaleString('en');
  return refuse(
    413,
    bi(
      `${place.rel} ville fylde ${kb(size)} KB; et indlæg må højst fylde ${kb(limit)} KB: gør teksten kortere (billeder hører til i mediebiblioteket, ikke i teksten)`,
      `${place.rel} would be ${kb(size)} KB; an entry may be at most ${kb(limit)} KB: shorten the text (pictures belong in the media library, not in the text)`,
    ),
  );
}

/** An upload's bytes, checked by content (not name) for the media folder. */
async function checkUpload(place: Place, asset: Params): Promise<void> {
  const content = typeof asset.content === 'string' ? asset.content : '';
  const name = place.inside.split('/').pop()!;
  const bytes = new Uint8Array(Buffer.from(content, 'base64'));
  const problems = await checkMediaFile(place.inside, bytes, { upload: true });
  if (!problems.length) return;
  throw refuse(
    422,
    bi(
      `${name} blev ikke gemt: ${problems.map((p) => p.message.da).join('; ')}`,
      `${name} was not saved: ${problems.map((p) => p.message.en).join('; ')}`,
    ),
  );
}

interface Guarded {
  /** The request to hand to decap-server (possibly narrowed), or an answer given here. */
  body?: Params;
  answer?: () => Promise<{ status: number; body: unknown }>;
}

async function guardAction(body: Params, c: Confinement, decap: Decap): Promise<Guarded> {
  checkGitNames(body);
  if (WORKFLOW_ACTIONS.has(String(body.action))) return guardWorkflow(body, c);
  const params = isObject(body.params) ? body.params : {};
  const entry = (v: unknown) => c.place(v, ['content'], 'file');
  const picture = (v: unknown) => c.place(v, ['media'], 'file');
  /** A file to be read whole: no larger than the limit for its kind (the content check's too). */
  const readable = async (place: Place) => {
    const limit =
      place.area === 'media' ? MAX_IMAGE_BYTES : ENTRY_LIMITS[place.rel.slice(place.rel.lastIndexOf('.') + 1)];
    const size = (await fs.stat(place.abs).catch(() => undefined))?.size ?? 0;
    if (size > limit) {
      throw refuse(
        413,
        bi(
          `${place.rel} er større end ${limit.toLocaleString('da')} byte, mere end CMS’et læser`,
          `${place.rel} is larger than ${limit.toLocaleString('en')} bytes, more than the CMS reads`,
        ),
      );
    }
  };

  switch (body.action) {
    case 'info':
    case 'getDeployPreview':
      return { body };

    case 'entriesByFolder': {
      // decap-server would list and read links too: list here, and let it read only these files.
      const folder = await c.place(params.folder, ['content'], 'folder');
      const extension = String(params.extension);
      const depth = Number(params.depth);
      if (!ENTRY_LIMITS[extension] || !Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) {
        throw refuse(
          422,
          bi(
            `Indlæg er .md- eller .yml-filer højst ${MAX_DEPTH} mapper nede`,
            `Entries are .md or .yml files at most ${MAX_DEPTH} folders down`,
          ),
        );
      }
      const files = await c.list(
        folder,
        depth,
        (name, size) => name.endsWith(`.${extension}`) && size <= ENTRY_LIMITS[extension],
      );
      return {
        body: { action: 'entriesByFiles', params: { branch: params.branch, files: files.map((p) => ({ path: p })) } },
      };
    }

    case 'entriesByFiles':
      for (const file of asArray(params.files)) await readable(await entry(isObject(file) ? file.path : file));
      return { body };

    case 'getEntry':
      await readable(await entry(params.path));
      return { body };

    case 'persistEntry': {
      const dataFiles = params.dataFiles !== undefined ? asArray(params.dataFiles) : [params.entry];
      for (const dataFile of dataFiles) {
        if (!isObject(dataFile))
          throw refuse(422, bi('Et indlæg, der skulle gemmes, mangler', 'An entry to save is missing'));
        const place = await entry(dataFile.path);
        const tooLarge = entryTooLarge(place, dataFile.raw);
        if (tooLarge) throw tooLarge;
        if (dataFile.newPath !== undefined) {
          const moved = await entry(dataFile.newPath);
          // decap-server moves every file in the old folder along with a renamed entry.
          if (path.dirname(moved.abs) !== path.dirname(place.abs)) {
            throw refuse(
              403,
              bi(
                `Et indlæg kan ikke flyttes til en anden mappe (${place.rel} → ${moved.rel})`,
                `An entry cannot be moved to another folder (${place.rel} → ${moved.rel})`,
              ),
            );
          }
        }
      }
      const assets = asArray(params.assets);
      for (const asset of assets) {
        if (!isObject(asset))
          throw refuse(422, bi('Et billede, der skulle gemmes, mangler', 'A picture to save is missing'));
        await checkUpload(await picture(asset.path), asset);
      }
      // Our collections do not nest, so a rename never needs to carry a folder's other files along.
      const options = isObject(params.options) ? { ...params.options, hasSubfolders: false } : params.options;
      return { body: { ...body, params: { ...params, options } } };
    }

    case 'getMedia': {
      // decap-server would read what a link in the media folder points at: list here, read each.
      const folder = await c.place(params.mediaFolder, ['media'], 'folder');
      const files = await c.list(folder, 1, (name, size) => PICTURE.test(name) && size <= MAX_IMAGE_BYTES);
      return {
        answer: async () => {
          const found: unknown[] = [];
          for (const file of files) {
            const one = await decap.run({ action: 'getMediaFile', params: { branch: params.branch, path: file } });
            if (one.status !== 200) return one;
            found.push(one.body);
          }
          return { status: 200, body: found };
        },
      };
    }

    case 'getMediaFile':
      await readable(await picture(params.path));
      return { body };

    case ENTRY_NAMES: {
      const collection = String(params.collection);
      const folder = await c.place(params.folder, ['content'], 'folder');
      if (!Object.hasOwn(folderCollections, collection))
        throw refuse(
          422,
          bi(`Ingen samling hedder "${shown(collection)}"`, `No collection is called "${shown(collection)}"`),
        );
      const files = await c.list(folder, 1, (name, size) => name.endsWith('.md') && size <= MAX_ENTRY_BYTES);
      return { answer: async () => ({ status: 200, body: entryNames(repoRootOf(c), files, collection) }) };
    }

    case 'persistMedia': {
      const asset = isObject(params.asset) ? params.asset : {};
      await checkUpload(await picture(asset.path), asset);
      return { body };
    }

    case 'deleteFile':
      await c.place(params.path, ['content', 'media'], 'file');
      return { body };

    case 'deleteFiles':
      for (const p of asArray(params.paths)) await c.place(p, ['content', 'media'], 'file');
      return { body };

    default:
      throw refuse(
        422,
        bi(`CMS-serveren udfører ikke "${shown(body.action)}"`, `The CMS server does not do "${shown(body.action)}"`),
      );
  }
}

/** The parts of a request worth logging: the action and its paths, never an upload's bytes. */
function summary(body: Params): unknown {
  const p = isObject(body.params) ? body.params : {};
  const paths = [p.path, p.folder, p.mediaFolder, isObject(p.asset) ? p.asset.path : undefined]
    .concat(
      asArray(p.paths),
      asArray(p.files).map((f) => (isObject(f) ? f.path : f)),
    )
    .concat(
      asArray(p.dataFiles).map((f) => (isObject(f) ? f.path : f)),
      asArray(p.assets).map((a) => (isObject(a) ? a.path : a)),
    )
    .filter((x) => x !== undefined);
  return { action: body.action, paths };
}

/**
 * The request's body, up to MAX_BODY_BYTES. Past that it is refused at once, and the rest is read
 * and dropped (not buffered), so the client gets the answer instead of a reset connection.
 */
function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () =>
      refuse(
        413,
        bi(
          `Forespørgslen er større end ${MAX_BODY_BYTES / 1024 / 1024} MB: gem færre eller mindre billeder ad gangen`,
          `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB: save fewer or smaller pictures at a time`,
        ),
      );
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number(req.headers['content-length']) > MAX_BODY_BYTES;
    if (over) reject(tooLarge());
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else {
        over = true;
        chunks.length = 0;
        reject(tooLarge());
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Starts the confined CMS backend on 127.0.0.1 (see above). */
export async function startCmsServer(options: CmsServerOptions): Promise<CmsServer> {
  const repoRoot = path.resolve(options.repoRoot);
  const dirs: Record<Area, string> = {
    content: path.resolve(repoRoot, options.contentDir),
    media: path.resolve(repoRoot, options.mediaDir),
  };
  const realRoot = await fs.realpath(repoRoot);
  for (const [area, dir] of Object.entries(dirs)) {
    const r = path.relative(repoRoot, dir);
    const real = await fs.realpath(dir).catch(() => undefined);
    const rr = real && path.relative(realRoot, real);
    if (
      !r ||
      r.startsWith('..') ||
      path.isAbsolute(r) ||
      (rr !== undefined && (!rr || rr.startsWith('..') || path.isAbsolute(rr)))
    ) {
      throw new Error(
        enDa(
          bi(
            `CMS’ets ${area === 'content' ? 'indholdsmappe' : 'mediemappe'} (${dir}) skal ligge i det repository, det redigerer (${repoRoot})`,
            `The CMS's ${area} folder (${dir}) must be inside the repository it edits (${repoRoot}), because the CMS names files relative to it`,
          ),
        ),
      );
    }
  }
  const confinement = new Confinement(repoRoot, dirs);
  const decap = await decapHandlers(repoRoot, options.mode);
  const log = options.log ?? (() => {});
  let port = options.port;
  const allowedOrigins = new Set([`http://127.0.0.1:${options.sitePort}`, `http://localhost:${options.sitePort}`]);

  const server = http.createServer(async (req, res) => {
    const origin = req.headers.origin;
    const send = (status: number, body: unknown, extra: http.OutgoingHttpHeaders = {}) => {
      const headers: http.OutgoingHttpHeaders = {
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        vary: 'Origin',
        ...extra,
      };
      if (origin && allowedOrigins.has(origin)) headers['access-control-allow-origin'] = origin;
      if (body === undefined) {
        res.writeHead(status, headers).end();
        return;
      }
      res
        .writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify(body));
    };
    // Node reads and drops the body of a request answered before it was read.
    const refused = (r: Refusal, what: string) => {
      log(`refused ${what}: ${r.bilingual.en}`);
      send(r.status, { error: daEn(r.bilingual) });
    };
    try {
      const host = (req.headers.host ?? '').toLowerCase();
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
        throw refuse(
          403,
          bi(
            `Forkert værtsnavn "${shown(req.headers.host ?? '')}": CMS-serveren svarer kun på 127.0.0.1:${port}`,
            `Wrong host name "${shown(req.headers.host ?? '')}": the CMS server answers only to 127.0.0.1:${port}`,
          ),
        );
      }
      if (!origin || !allowedOrigins.has(origin)) {
        throw refuse(
          403,
          bi(
            `Kun CMS’et på http://127.0.0.1:${options.sitePort}/admin/ må bruge CMS-serveren, ikke ${origin ? `en side fra ${shown(origin)}` : 'en forespørgsel uden Origin'}`,
            `Only the CMS at http://127.0.0.1:${options.sitePort}/admin/ may use the CMS server, not ${origin ? `a page from ${shown(origin)}` : 'a request without an Origin'}`,
          ),
        );
      }
      if (answerLive(req, options.live, send)) return;
      if (new URL(req.url ?? '/', 'http://x').pathname !== API_PATH)
        throw refuse(
          404,
          bi(`Findes ikke: CMS-serveren svarer på ${API_PATH}`, `Not found: the CMS server answers on ${API_PATH}`),
        );
      if (req.method === 'OPTIONS') {
        send(204, undefined, {
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'Content-Type',
          'access-control-max-age': '600',
        });
        return;
      }
      if (req.method !== 'POST')
        throw refuse(
          405,
          bi('CMS-serveren tager kun imod POST-forespørgsler', 'The CMS server takes only POST requests'),
        );
      const type = (req.headers['content-type'] ?? '').toLowerCase().replace(/\s+/g, '');
      if (type !== 'application/json' && type !== 'application/json;charset=utf-8') {
        throw refuse(
          415,
          bi(
            'CMS-serveren tager kun imod JSON (Content-Type: application/json)',
            'The CMS server takes only JSON (Content-Type: application/json)',
          ),
        );
      }
      let body: unknown;
      try {
        body = JSON.parse((await readBody(req)).toString('utf8'));
      } catch (err) {
        if (err instanceof Refusal) throw err;
        throw refuse(400, bi('Forespørgslen er ikke gyldig JSON', 'The request is not valid JSON'));
      }
      const known = (a: string) => ACTIONS.has(a) || (options.workflow === true && WORKFLOW_ACTIONS.has(a));
      if (!isObject(body) || typeof body.action !== 'string' || !known(body.action)) {
        throw refuse(
          422,
          bi(
            `CMS-serveren udfører ikke "${shown(isObject(body) ? body.action : body)}"`,
            `The CMS server does not do "${shown(isObject(body) ? body.action : body)}"`,
          ),
        );
      }
      // The guard reads the request without trusting its shape; decap-server's schema check follows.
      const guarded = await guardAction(body, confinement, decap);
      const result = guarded.answer ? await guarded.answer() : await decap.run(guarded.body!);
      if (result.status >= 500) {
        log(`${body.action} failed in decap-server (${JSON.stringify(summary(body))}); its message is above`);
        send(result.status, {
          error: daEn(
            bi(
              'CMS-serveren kunne ikke udføre det; terminalen, hvor npm start kører, siger hvorfor',
              'The CMS server could not do that; the terminal running npm start says why',
            ),
          ),
        });
        return;
      }
      if (result.status < 400 && changesSite(body)) options.live?.changed();
      send(result.status, result.body);
    } catch (err) {
      if (err instanceof Refusal) refused(err, `${req.method} ${shown(req.url)} from ${shown(origin ?? 'no origin')}`);
      else {
        log(`error: ${err instanceof Error ? err.message : String(err)}`);
        send(500, {
          error: daEn(
            bi(
              'CMS-serveren fejlede; terminalen, hvor npm start kører, siger hvorfor',
              'The CMS server failed; the terminal running npm start says why',
            ),
          ),
        });
      }
    }
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${API_PATH}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
