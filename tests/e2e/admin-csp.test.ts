import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCmsServer, type CmsServer } from '../../src/tools/cms-server.ts';
import { serveSite, type SiteServer } from '../../src/tools/static-server.ts';
import { launchChromium } from '../helpers/browser.ts';
import { astroBuild, ROOT } from '../helpers/build.ts';
import { NO_REPORTS, reports, watchedContext } from '../helpers/csp-watch.ts';

/**
 * The CMS under its own Content-Security-Policy, past the login: its own build (the policy names
 * the local CMS server's port, chosen here), served with the generated `_headers`, against the
 * local CMS server on a temporary copy of the content.
 */

let work: string;
let repo: string;
let site: SiteServer;
let cms: CmsServer;
let browser: Browser;
const cleanups: (() => void)[] = [];

/** The smallest real PNG (one green pixel): the CMS server checks an upload's bytes. */
function onePixelPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 0, 255, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

beforeAll(async () => {
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-admin-csp-'));
  repo = path.join(work, 'repo');
  fs.cpSync(path.join(ROOT, 'content'), path.join(repo, 'content'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'public/media'), path.join(repo, 'public/media'), { recursive: true });
  // A free port for the CMS server, so the build can name it in the policy.
  const port = await freePort();

  // The admin page needs only the taxonomies and settings: a small, quick build.
  const buildContent = path.join(work, 'build-content');
  for (const part of ['taxonomies', 'settings']) fs.cpSync(path.join(repo, 'content', part), path.join(buildContent, part), { recursive: true });
  // Inside the repository: Astro puts the prerender chunks of a build whose output is outside it
  // into the repository's .astro/, which other test builds running at the same time share.
  const dist = fs.mkdtempSync(path.join(ROOT, '.tmp', 'admin-csp-dist-'));
  cleanups.push(() => fs.rmSync(dist, { recursive: true, force: true }));
  const built = await astroBuild({ OUT_DIR: dist, CONTENT_DIR: buildContent, CMS_PROXY_URL: `http://127.0.0.1:${port}/api/v1` });
  if (built.code !== 0) throw new Error(`build failed:\n${built.output.slice(-3000)}`);

  site = await serveSite({ dir: dist });
  cms = await startCmsServer({
    repoRoot: repo,
    contentDir: path.join(repo, 'content'),
    mediaDir: path.join(repo, 'public/media'),
    mode: 'fs',
    port,
    sitePort: Number(new URL(site.url).port),
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await cms?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
  for (const c of cleanups) c();
});

describe('the CMS under its policy', () => {
  it('is served with the CMS policy, naming the local CMS server', async () => {
    const res = await fetch(`${site.url}/admin/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(new RegExp(`connect-src 'self'[^;]* ${new URL(cms.url).origin}[ ;]`));
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain(',');
  });

  it('logs in, lists the collections, opens an entry with its preview and the media library, without a violation', async () => {
    const w = await watchedContext(browser, { viewport: { width: 1400, height: 1000 } });
    const page = await w.context.newPage();
    await page.goto(`${site.url}/admin/`);
    await page.getByRole('button', { name: 'Log ind' }).click();
    for (const collection of ['Medlemmer', 'Blog', 'Arrangementer']) await page.getByRole('link', { name: collection }).first().waitFor();

    const member = fs.readdirSync(path.join(ROOT, 'content/members')).find((f) => f.endsWith('.md'))!.replace(/\.md$/, '');
    await page.goto(`${site.url}/admin/#/collections/members/entries/${member}`);
    await page.locator('[id^="name-field"]').waitFor();
    // The preview pane is rendered with the site's own stylesheet.
    const preview = page.locator('iframe').first().contentFrame();
    await preview.locator('h1').waitFor();

    await page.goto(`${site.url}/admin/#/collections/members`);
    await page.getByRole('button', { name: 'Medier' }).click();
    // An upload: Decap fetches the picture's blob: URL, sends it to the server, and shows it.
    await page.locator('input[type="file"]').setInputFiles({ name: 'prik.png', mimeType: 'image/png', buffer: onePixelPng() });
    await expect.poll(() => fs.existsSync(path.join(repo, 'public/media/prik.png')), { timeout: 15_000 }).toBe(true);
    await page.getByText('prik.png').waitFor();
    await expect.poll(() => page.locator('img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length)).toBeGreaterThan(0);
    expect(reports(w)).toEqual(NO_REPORTS);
    await w.context.close();
  });
});
