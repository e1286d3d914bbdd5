import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.ts';
import { TEST_DIST } from './global-setup.ts';

describe('internal links of the built sample site', () => {
  it('every href, src and srcset in every page points at a file that exists (npm run check:links)', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check-links.ts'), TEST_DIST, '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const report = JSON.parse(r.stdout) as { pages: number; links: number; broken: { page: string; link: string }[] };
    expect(report.broken, report.broken.map((b) => `${b.page}: ${b.link}`).join('\n')).toEqual([]);
    expect(r.status).toBe(0);
    // The sample site is hundreds of pages with thousands of links; a near-empty count would mean the checker saw nothing.
    expect(report.pages).toBeGreaterThan(100);
    expect(report.links).toBeGreaterThan(report.pages * 5);
  });
});
