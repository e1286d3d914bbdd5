import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdminSite, type AdminSite } from '../helpers/admin-site.ts';
import { launchChromium } from '../helpers/browser.ts';
import { ROOT } from '../helpers/build.ts';
import { NO_REPORTS, reports, watchedContext } from '../helpers/csp-watch.ts';

/**
 * The CMS under its own Content-Security-Policy, past the login: its own build (the policy names
 * the local CMS server's port, chosen here), served with the generated `_headers`, against the
 * local CMS server on a temporary copy of the content.
 */

let work: string;
let repo: string;
let site: AdminSite['site'];
let admin: AdminSite;
let cms: AdminSite['cms'];
let browser: Browser;

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

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-admin-csp-'));
  admin = await startAdminSite(work);
  ({ repo, site, cms } = admin);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await admin?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
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
    for (const collection of ['Medlemmer', 'Blog', 'Arrangementer'])
      await page.getByRole('link', { name: collection }).first().waitFor();

    const member = fs
      .readdirSync(path.join(ROOT, 'content/members'))
      .find((f) => f.endsWith('.md'))!
      .replace(/\.md$/, '');
    await page.goto(`${site.url}/admin/#/collections/members/entries/${member}`);
    await page.locator('[id^="name-field"]').waitFor();
    // The preview pane is rendered with the site's own stylesheet.
    const preview = page.locator('iframe').first().contentFrame();
    await preview.locator('h1').waitFor();

    await page.goto(`${site.url}/admin/#/collections/members`);
    await page.getByRole('button', { name: 'Medier' }).click();
    // An upload: Decap fetches the picture's blob: URL, sends it to the server, and shows it.
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'prik.png', mimeType: 'image/png', buffer: onePixelPng() });
    await expect.poll(() => fs.existsSync(path.join(repo, 'public/media/prik.png')), { timeout: 15_000 }).toBe(true);
    await page.getByText('prik.png').waitFor();
    await expect
      .poll(() =>
        page.locator('img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length),
      )
      .toBeGreaterThan(0);
    expect(reports(w)).toEqual(NO_REPORTS);
    await w.context.close();
  });
});
