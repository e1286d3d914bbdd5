import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeAge } from '../../src/tools/freshness.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SITE = 'tests/fixtures/contrib/site';

function stale(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/wiki-stale.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, lines: r.stdout.split('\n').filter(Boolean) };
}

describe('npm run wiki:stale', () => {
  it('lists entries verified more than a year ago, oldest first, with file, name, date and age', () => {
    const r = stale(SITE, '--today', '2026-11-24');
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe(
      '2 of 4 networks not verified for more than 365 days (today: 2026-11-24) — 2 af 4 netværk er ikke kontrolleret i over 365 dage (i dag: 2026-11-24)',
    );
    expect(r.lines[2]).toMatch(
      /^2023-01-15 +1409 d +3 years 10 months — 3 år 10 måneder +Ældre Forening +tests\/fixtures\/contrib\/site\/wiki\/aeldre-forening\.md$/,
    );
    expect(r.lines[3]).toMatch(
      /^2024-05-01 +937 d +2 years 6 months — 2 år 6 måneder +Gammelt Netværk +tests\/fixtures\/contrib\/site\/wiki\/gammelt-netvaerk\.md$/,
    );
    // Verified 358 days before "today": not yet due.
    expect(r.out).not.toContain('Frisk Netværk');
  });

  it('gives the same list as JSON, and takes another limit with --days', () => {
    const r = stale(SITE, '--today', '2026-11-24', '--format', 'json', '--days', '300');
    const report = JSON.parse(r.out) as {
      total: number;
      stale: { slug: string; lastVerified: string; ageDays: number }[];
    };
    expect(report.total).toBe(4);
    expect(report.stale.map((s) => [s.slug, s.lastVerified, s.ageDays])).toEqual([
      ['aeldre-forening', '2023-01-15', 1409],
      ['gammelt-netvaerk', '2024-05-01', 937],
      ['frisk-netvaerk', '2025-12-01', 358],
    ]);
  });

  it('says so when everything is fresh', () => {
    const r = stale(SITE, '--today', '2024-06-01', '--days', '1000');
    expect(r.lines).toEqual([
      '✓ all 4 networks were verified within 1000 days of 2024-06-01 — alle 4 netværk er kontrolleret inden for 1000 dage',
    ]);
  });

  it('exits 2 on a bad --today, --days or folder', () => {
    expect(stale(SITE, '--today', '1/1/2026').code).toBe(2);
    expect(stale(SITE, '--days', 'et år').code).toBe(2);
    expect(stale('no/such/folder').code).toBe(2);
  });

  it('describes ages for people', () => {
    expect(describeAge(400)).toEqual({ en: '1 year 1 month', da: '1 år 1 måned' });
    expect(describeAge(10)).toEqual({ en: '10 days', da: '10 dage' });
  });
});
