import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { git } from '../helpers/git.ts';
import { copyRepository, npmStart, type NpmStart } from '../helpers/npm-start.ts';

/**
 * `npm start --workflow` on a git repository made from a copy of this one, with uncommitted work
 * of its own: an entry goes Kladde → Til gennemsyn → Klar → published through the CMS in
 * Chromium, reaches the site, and nothing but that entry is committed anywhere.
 */

let work: string;
let repo: string;
let start: NpmStart;
let browser: Browser;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-workflow-'));
  repo = path.join(work, 'repo');
  copyRepository(repo);
  fs.writeFileSync(path.join(repo, '.gitignore'), 'node_modules\ndist/\n.tmp/\n.astro/\n');
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'the site');
  git(repo, 'config', 'user.name', 'Redaktør');
  git(repo, 'config', 'user.email', 'redaktoer@example.invalid');
  // The volunteer's own unfinished work, which must stay theirs.
  fs.writeFileSync(path.join(repo, 'noter.txt'), 'mine noter\n');
  fs.appendFileSync(path.join(repo, 'content/members/bo-rasmussen.md'), '\nEn sætning, jeg ikke er færdig med.\n');
  start = await npmStart(repo, path.join(work, 'cache'), '--workflow');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await start?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('npm start --workflow', () => {
  it('takes an entry from Kladde through Til gennemsyn and Klar to published, committing nothing unrelated', async () => {
    const copy = path.join(repo, '.tmp/cms-workflow');
    const draft = 'cms/members/aase-thomsen';
    const status = () => {
      try {
        return git(copy, 'config', `branch.${draft}.description`);
      } catch {
        return '';
      }
    };
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${start.site}/admin/`);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('link', { name: 'Medlemmer' }).first().waitFor();
    await page.goto(`${start.site}/admin/#/collections/members/entries/aase-thomsen`);
    await page.locator('[id^="name-field"]').first().fill('Åse Arbejdsgang');

    await page.getByRole('button', { name: 'Gem' }).click();
    await expect.poll(() => git(copy, 'branch', '--list', draft), { timeout: 30_000 }).toContain(draft);
    await expect.poll(status, { timeout: 30_000 }).toContain('draft');
    // A draft is not on the site.
    expect(await (await fetch(`${start.site}/medlemmer/aase-thomsen/`)).text()).not.toContain('Arbejdsgang');

    for (const [label, state] of [
      ['Til gennemsyn', 'pending_review'],
      ['Klar', 'pending_publish'],
    ]) {
      await page.getByRole('button', { name: /^Status: / }).click();
      await page.getByRole('menuitem', { name: label }).click();
      await expect.poll(status, { timeout: 30_000 }).toContain(state);
    }

    // Decap asks "Er du sikker …?" before it publishes a reviewed entry.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Publicer', exact: true }).click();
    await page.getByText('Publicer nu').click();
    await expect.poll(() => git(copy, 'branch', '--list', draft), { timeout: 30_000 }).toBe('');
    await expect
      .poll(async () => (await fetch(`${start.site}/medlemmer/aase-thomsen/`)).text(), {
        timeout: 120_000,
        interval: 250,
      })
      .toContain('>Åse Arbejdsgang<');

    // Only the entry was committed, on the workflow's branch; the volunteer's own work is untouched.
    expect(git(repo, 'diff', '--name-only', 'main', 'cms-workflow').split('\n')).toEqual([
      'content/members/aase-thomsen.md',
    ]);
    expect(git(repo, 'log', '--format=%s', 'main')).toBe('the site');
    expect(
      git(repo, 'status', '--porcelain')
        .split('\n')
        .map((l) => l.trim())
        .sort(),
    ).toEqual(['?? noter.txt', 'M content/members/bo-rasmussen.md']);
    expect(git(copy, 'status', '--porcelain')).toBe('');
    await page.close();
  });
});
