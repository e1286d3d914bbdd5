import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import type { Lang } from '../i18n/locale.ts';
import type { Taxonomies } from '../schemas/common.ts';
import { filesUnder } from '../lib/files-under.ts';
import { openParseCache } from '../lib/content/parse-cache.ts';
import { contentDir } from '../lib/content/paths.ts';
import { validateContent, type ValidEntry } from '../lib/content/validate.ts';
import { listedMembers, publishedPosts } from '../site/queries.ts';
import {
  SOCIAL_DESIGN_VERSION,
  socialCards,
  type CardEvent,
  type CardMember,
  type CardNetwork,
  type CardPost,
  type SocialCard,
} from '../site/social-image.ts';
import type { DrawJob } from './social-images-worker.ts';

/**
 * Writes the link-preview pictures (src/site/social-image.ts says which and what they show) into
 * the output after the pages. Not Astro endpoints: those would be rendered again on every build,
 * 10,000 of them. Each picture is named by a hash of what it draws and the design version and
 * kept in the cache folder (`<cacheDir>/mikronet-social/`), so a rebuild draws only the pictures
 * whose words changed and copies the rest; a small pool of worker threads draws them. The
 * content is read with the validator (its parse cache makes that cheap), filtered as the site's
 * data is: listed members, published posts. `SOCIAL_IMAGES=0` turns it off (the benchmark
 * compares builds with and without).
 */

const FOLDER = 'mikronet-social';
const RECORD = 'record.json';

interface SocialRecord {
  version: 1;
  /** Output path → the key of the picture written there. */
  files: Record<string, string>;
}

/** What, besides the card, decides a picture's bytes: the design and the drawing libraries. */
function salt(): string {
  const versions = ['satori', '@resvg/resvg-js', '@fontsource/inter', 'sharp'].map((name) => {
    try {
      return JSON.parse(fs.readFileSync(path.resolve('node_modules', name, 'package.json'), 'utf8')).version as string;
    } catch {
      return '?';
    }
  });
  return JSON.stringify([SOCIAL_DESIGN_VERSION, versions]);
}

export const cardKey = (card: SocialCard, withSalt: string): string =>
  createHash('sha256').update(withSalt).update(JSON.stringify(card)).digest('base64url').slice(0, 32);

/** The site's pictures from the validated content, filtered as siteData() filters pages. */
export function cardsFromContent(
  entries: ValidEntry[],
  settings: Record<string, unknown>,
  taxonomies: Taxonomies,
): SocialCard[] {
  const of = <T>(collection: string) =>
    entries.filter((e) => e.collection === collection).map((e) => ({ id: e.slug, data: e.data }) as T);
  const members = listedMembers(of<CardMember & { data: { listed: boolean } }>('members'));
  const names = new Map(members.map((m) => [m.id, m.data.name]));
  return socialCards(
    {
      members,
      posts: publishedPosts(of<CardPost & { data: { draft?: boolean } }>('blog')),
      events: of<{ id: string; data: CardEvent['data'] }>('events'),
      networks: of<CardNetwork>('wiki'),
    },
    {
      siteName: String(settings.name ?? ''),
      tagline: settings.tagline as Partial<Record<Lang, string>> | undefined,
      trades: new Map(taxonomies.trades.map((t) => [t.id, t])),
      municipalities: new Map(taxonomies.municipalities.map((m) => [m.id, m])),
      memberName: (slug) => names.get(slug),
    },
  );
}

/** Draws the jobs on `threads` worker threads, each taking the next job when it is done (never all at once). */
export async function drawInPool(jobs: DrawJob[], threads: number): Promise<void> {
  if (jobs.length === 0) return;
  let next = 0;
  const worker = () =>
    new Promise<void>((resolve, reject) => {
      const w = new Worker(new URL('./social-images-worker.ts', import.meta.url));
      const give = () => {
        if (next >= jobs.length) {
          void w.terminate().then(() => resolve());
          return;
        }
        const job = jobs[next++];
        w.once('message', (answer: { ok: boolean; error?: string }) => {
          if (answer.ok) give();
          else {
            void w.terminate();
            reject(new Error(`social image ${job.card.path}: ${answer.error} — socialt billede kunne ikke tegnes`));
          }
        });
        w.postMessage(job);
      };
      w.once('error', reject);
      give();
    });
  await Promise.all(Array.from({ length: Math.min(threads, jobs.length) }, worker));
}

export interface SocialImagesResult {
  pictures: number;
  drawn: number;
  copied: number;
  removed: number;
  ms: number;
}

/** Brings `<outDir>/social/` in step with the cards, drawing only pictures the cache folder lacks. */
export async function writeSocialImages(
  cards: SocialCard[],
  outDir: string,
  cacheDir: string,
  options: { threads?: number } = {},
): Promise<SocialImagesResult> {
  const started = performance.now();
  const store = path.join(cacheDir, FOLDER);
  fs.mkdirSync(store, { recursive: true });
  const recordFile = path.join(store, RECORD);
  let before: SocialRecord['files'] = {};
  try {
    const read = JSON.parse(fs.readFileSync(recordFile, 'utf8')) as SocialRecord;
    if (read.version === 1) before = read.files;
  } catch {
    // First build with this cache folder.
  }
  const s = salt();
  const files: SocialRecord['files'] = {};
  const jobs = new Map<string, DrawJob>();
  for (const card of cards) {
    const key = cardKey(card, s);
    files[card.path] = key;
    const file = path.join(store, `${key}.png`);
    if (!jobs.has(key) && !fs.existsSync(file)) jobs.set(key, { card, file });
  }
  await drawInPool([...jobs.values()], options.threads ?? Math.max(1, Math.min(2, os.availableParallelism())));

  const social = path.join(outDir, 'social');
  let copied = 0;
  for (const [rel, key] of Object.entries(files)) {
    const dest = path.join(outDir, rel);
    if (before[rel] === key && fs.existsSync(dest)) continue;
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(path.join(store, `${key}.png`), dest);
    copied++;
  }
  // Pictures of entries gone (a deleted or unlisted member) leave the output and the cache.
  let removed = 0;
  for (const rel of filesUnder(social)) {
    if (!(`/social/${rel}` in files)) {
      fs.rmSync(path.join(social, rel), { force: true });
      removed++;
    }
  }
  const keys = new Set(Object.values(files));
  for (const name of fs.readdirSync(store))
    if (name.endsWith('.png') && !keys.has(name.slice(0, -4))) fs.rmSync(path.join(store, name), { force: true });
  fs.writeFileSync(recordFile, JSON.stringify({ version: 1, files } satisfies SocialRecord));
  return { pictures: cards.length, drawn: jobs.size, copied, removed, ms: performance.now() - started };
}

export function socialImages(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'mikronet:social-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        if (process.env.SOCIAL_IMAGES === '0') {
          fs.rmSync(path.join(outDir, 'social'), { recursive: true, force: true });
          return;
        }
        const started = performance.now();
        const cache = openParseCache(path.join(cacheDir, 'mikronet-parsed.bin'));
        const { entries, taxonomies, raw } = validateContent(contentDir(), { cache });
        const settings = (raw.files.settings?.data ?? {}) as Record<string, unknown>;
        const cards = cardsFromContent(entries, settings, taxonomies);
        const r = await writeSocialImages(cards, outDir, cacheDir);
        // The benchmark and the tests read this line: keep its start.
        logger.info(
          `Social images: ${r.pictures} pictures, ${r.drawn} drawn, ${r.pictures - r.drawn} reused, ` +
            `${r.removed} removed (${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      },
    },
  };
}
