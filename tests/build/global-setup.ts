import fs from 'node:fs';
import path from 'node:path';
import { astroBuild, ROOT } from '../helpers/build.ts';

/**
 * Where the sample content is built for the build and search tests, with "now" pinned.
 * TEST_DIST moves it, so two test runs on one machine do not build into one folder.
 */
export const TEST_DIST = path.resolve(ROOT, process.env.TEST_DIST || '.tmp/test-dist');
export const TEST_NOW = '2026-11-24T12:00:00+01:00';

export default async function setup() {
  fs.rmSync(TEST_DIST, { recursive: true, force: true });
  const { code, output } = await astroBuild({
    OUT_DIR: TEST_DIST,
    BUILD_NOW: TEST_NOW,
    CONTENT_DIR: process.env.CONTENT_DIR || path.join(ROOT, 'content'),
  });
  fs.mkdirSync(TEST_DIST, { recursive: true });
  fs.writeFileSync(path.join(TEST_DIST, '.build-log.txt'), output);
  if (code !== 0) throw new Error(`The sample content does not build:\n${output.slice(-4000)}`);
}
