import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BENCH = path.resolve(import.meta.dirname, '../../scripts/bench.ts');
const bench = (...args: string[]) => spawnSync(process.execPath, [BENCH, ...args], { encoding: 'utf8' });

describe('npm run bench, its options', () => {
  it('compares with Hugo only: another --compare is a usage error in both languages, exit 2', () => {
    const r = bench('--members', '10', '--compare', 'eleventy');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^--compare must be hugo, not "eleventy" — --compare skal være hugo\n/);
    expect(r.stdout).toBe('');
  });

  it('names every option in its help', () => {
    const r = bench('--help');
    expect(r.status).toBe(0);
    for (const option of ['--members N', '--runs R', '--compare hugo', '--json', '--keep'])
      expect(r.stdout).toContain(option);
  });
});
