import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startCmsServer, type CmsServer } from '../../src/tools/cms-server.ts';
import { serveSite, type SiteServer } from '../../src/tools/static-server.ts';
import { astroBuild, ROOT } from './build.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface AdminSite {
  /** A copy of the repository's content/ and public/media/, which the CMS edits. */
  repo: string;
  site: SiteServer;
  cms: CmsServer;
  close(): Promise<void>;
}

/**
 * The CMS as `npm start` runs it, on a copy of the sample content in `work/repo`: the admin page
 * built (from the taxonomies and settings only, which is all it needs: a small, quick build)
 * naming a confined CMS server on a free port, served with its headers, and that server.
 */
export async function startAdminSite(work: string): Promise<AdminSite> {
  const repo = path.join(work, 'repo');
  fs.cpSync(path.join(ROOT, 'content'), path.join(repo, 'content'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'public/media'), path.join(repo, 'public/media'), { recursive: true });
  const port = await freePort();
  const buildContent = path.join(work, 'build-content');
  for (const part of ['taxonomies', 'settings'])
    fs.cpSync(path.join(repo, 'content', part), path.join(buildContent, part), { recursive: true });
  const dist = path.join(work, 'dist');
  const built = await astroBuild({
    OUT_DIR: dist,
    CONTENT_DIR: buildContent,
    CMS_PROXY_URL: `http://127.0.0.1:${port}/api/v1`,
  });
  if (built.code !== 0) throw new Error(`build failed:\n${built.output.slice(-3000)}`);
  const site = await serveSite({ dir: dist });
  const cms = await startCmsServer({
    repoRoot: repo,
    contentDir: path.join(repo, 'content'),
    mediaDir: path.join(repo, 'public/media'),
    mode: 'fs',
    port,
    sitePort: Number(new URL(site.url).port),
  });
  return { repo, site, cms, close: async () => void (await Promise.all([site.close(), cms.close()])) };
}
