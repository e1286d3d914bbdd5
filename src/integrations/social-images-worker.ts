import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { drawCard, loadFonts } from '../site/social-draw.ts';
import type { SocialCard } from '../site/social-image.ts';

/** One drawing thread of the social-images pool: draws a card and writes its PNG to the cache file named. */
export interface DrawJob {
  card: SocialCard;
  file: string;
}

const fonts = loadFonts();
parentPort?.on('message', async (job: DrawJob) => {
  try {
    const png = await drawCard(job.card, fonts);
    // Written aside and renamed, so a build stopped midway never leaves half a picture in the cache.
    const tmp = `${job.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(tmp, png);
    fs.renameSync(tmp, job.file);
    parentPort?.postMessage({ ok: true });
  } catch (err) {
    parentPort?.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
