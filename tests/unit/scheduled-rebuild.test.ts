import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/** The nightly rebuild: when it runs, which secret it needs, and that the secret never reaches the log. */

const FILE = path.resolve(import.meta.dirname, '../../.github/workflows/scheduled-rebuild.yml');
const workflow = parse(fs.readFileSync(FILE, 'utf8'));
const steps: { run?: string; env?: Record<string, string> }[] = workflow.jobs.rebuild.steps;
const step = steps.find((s) => s.run?.includes('curl'))!;

/** Runs the step's shell script as GitHub would (bash -e), with curl replaced by a recorder. */
function runStep(hook: string | undefined) {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'rebuild-'));
  const calls = path.join(bin, 'calls');
  fs.writeFileSync(path.join(bin, 'curl'), `#!/bin/sh\necho "$@" >> "${calls}"\n`, { mode: 0o755 });
  const r = spawnSync('bash', ['-e', '-c', step.run!], {
    encoding: 'utf8',
    env: { PATH: `${bin}:${process.env.PATH}`, ...(hook === undefined ? {} : { NETLIFY_BUILD_HOOK: hook }) },
  });
  const called = fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8') : '';
  fs.rmSync(bin, { recursive: true, force: true });
  return { code: r.status, log: r.stdout + r.stderr, called };
}

describe('the scheduled rebuild workflow', () => {
  it('runs every night at 23:30 UTC (00:30 Danish winter time, 01:30 summer time), and by hand', () => {
    expect(workflow.on.schedule).toEqual([{ cron: '30 23 * * *' }]);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toEqual({});
  });

  it('takes the build hook from the secret NETLIFY_BUILD_HOOK, through the environment only', () => {
    expect(step.env).toEqual({ NETLIFY_BUILD_HOOK: '${{ secrets.NETLIFY_BUILD_HOOK }}' });
    const text = fs.readFileSync(FILE, 'utf8');
    expect(text.match(/secrets\.\w+/g)).toEqual(['secrets.NETLIFY_BUILD_HOOK']);
    for (const s of steps) expect(s.run ?? '').not.toContain('${{');
  });

  it('posts to the hook without printing it', () => {
    const hook = 'https://api.netlify.com/build_hooks/secret-hook-id-123';
    const r = runStep(hook);
    expect(r.code).toBe(0);
    expect(r.called.trim().split(' ')).toEqual(expect.arrayContaining(['-X', 'POST', '-d', '{}', hook]));
    expect(r.log).not.toContain('secret-hook-id-123');
    expect(step.run).not.toMatch(/echo[^\n]*\$NETLIFY_BUILD_HOOK|set -x/);
  });

  it('says there is no secret and succeeds without calling anything', () => {
    const r = runStep(undefined);
    expect(r.code).toBe(0);
    expect(r.called).toBe('');
    expect(r.log).toContain('No NETLIFY_BUILD_HOOK secret');
  });
});
