import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_DIST } from './global-setup.ts';
import { ROOT } from '../helpers/build.ts';

const VNU = path.join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

/**
 * Netlify Identity's e-mail templates: Go templates (`{{ .SiteURL }}` in an href) that Netlify
 * fills in and sends; no reader ever gets them as a page.
 */
const NOT_PAGES = ['admin/emails/'];

interface VnuMessage {
  type: string;
  url?: string;
  message: string;
  extract?: string;
  lastLine?: number;
}

/** Runs the Nu HTML Checker over every HTML file under `dir`; resolves with its messages. */
function vnu(dir: string): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('java', ['-jar', VNU, '--errors-only', '--format', 'json', '--skip-non-html', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The JSON report goes to stderr; anything Java says before it is skipped.
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve((JSON.parse(text.slice(text.indexOf('{'))) as { messages: VnuMessage[] }).messages);
      } catch {
        reject(new Error(`vnu did not answer with JSON:\n${text.slice(0, 2000)}`));
      }
    });
  });
}

describe('the built site is valid HTML', () => {
  it('has no errors in any page, by the Nu HTML Checker (vnu)', { timeout: 240_000 }, async () => {
    expect(fs.existsSync(VNU), `${VNU} is missing: npm ci installs vnu-jar`).toBe(true);
    const lines = (await vnu(TEST_DIST))
      .map((m) => ({ ...m, file: m.url ? path.relative(TEST_DIST, new URL(m.url).pathname) : '?' }))
      .filter((m) => !NOT_PAGES.some((p) => m.file.startsWith(p)))
      .map((m) => `${m.file}:${m.lastLine ?? '?'}: ${m.message}`);
    expect(lines).toEqual([]);
  });

  it('checks the pages it is meant to check (the checker reports a broken page)', { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'vnu-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'index.html'),
        '<!doctype html><html lang="da"><title>x</title><h1>a</h1><h3>b</h3><p><div></div></p>',
      );
      const messages = await vnu(dir);
      expect(messages.map((m) => m.message).join('\n')).toMatch(/skipping 1 heading level/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
