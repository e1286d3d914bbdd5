import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import matter from 'gray-matter';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentIssue } from '../../src/lib/content/issues.ts';
import { CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { ROOT } from '../helpers/build.ts';
import { startAdminSite, type AdminSite } from '../helpers/admin-site.ts';

/**
 * The CMS in a real browser against the real local CMS server (decap-server's handlers, confined
 * as `npm start` runs them), editing a temporary copy of the repository's content (never content/ itself).
 */

let work: string;
let repo: string;
let site: AdminSite['site'];
let admin: AdminSite;
let proxyUrl: string;
let browser: Browser;
let baseline: Set<string>;
const requests: string[] = [];

/** The content validator, as contributors run it (`npm run check -- DIR`), in its own process. */
function check(dir: string): { status: number; issues: ContentIssue[] } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check.ts'), dir, '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: r.status ?? 1, issues: (JSON.parse(r.stdout) as { issues: ContentIssue[] }).issues };
}
const issueKey = (i: ContentIssue) => `${i.file}|${i.field ?? ''}|${i.code}`;
/** Problems the CMS introduced: the sample content is being written as this runs and may have its own. */
const newIssues = () => check(path.join(repo, 'content')).issues.filter((i) => !baseline.has(issueKey(i)));

/** The event the edit test changes: the first sample event, or a small one of our own. */
function pickEvent(): string {
  const dir = path.join(repo, 'content/events');
  const existing = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .sort()
    : [];
  if (existing.length) return existing[0].replace(/\.md$/, '');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'cms-testmoede.md'),
    '---\ntitle: Testmøde\ndescription: "Et møde: til test af CMS\'et."\nstart: 2027-03-04T17:00\nlang: da\nvenue:\n  name: Biblioteket\n  municipality: lolland\n---\nProgram følger.\n',
  );
  return 'cms-testmoede';
}

/**
 * A file's text once a save has written it: created or changed, and not empty. The server
 * truncates a file before writing it, so a read in between sees nothing.
 */
async function savedText(file: string, before?: string): Promise<string> {
  let text = '';
  await expect
    .poll(
      () => {
        text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
        return text !== '' && text !== before;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return text;
}

async function openAdmin(hash = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${site.url}/admin/${hash}`);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('link', { name: 'Medlemmer' }).first().waitFor();
  return page;
}

async function openEntry(page: Page, hash: string) {
  await page.goto(`${site.url}/admin/#${hash}`);
  await page.locator('[id^="title-field"], [id^="name-field"]').first().waitFor();
}

/**
 * Picks an option in one of Decap's select widgets by typing part of its label; Escape closes the
 * list, which a multiple choice leaves open for the next pick.
 */
async function choose(page: Page, field: string, label: string) {
  const input = page.locator(`input[id^="${field}-field"]`);
  await input.click();
  await input.fill(label);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

async function publish(page: Page) {
  await page.getByRole('button', { name: 'Publicer' }).click();
  await page.getByText('Publicer nu').click();
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-cms-'));
  admin = await startAdminSite(work);
  ({ repo, site } = admin);
  proxyUrl = admin.cms.url;
  baseline = new Set(check(path.join(repo, 'content')).issues.map(issueKey));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await admin?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the admin page', () => {
  it('is a Danish page kept out of search engines and the site search', async () => {
    const html = fs.readFileSync(path.join(work, 'dist/admin/index.html'), 'utf8');
    expect(html).toMatch(/<html lang="da"/);
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow">/);
    expect(html).toContain('data-pagefind-ignore="all"');
    expect(html).not.toContain('data-pagefind-body');
    // Pagefind's index of this build holds no page under /admin/.
    const fragments = path.join(work, 'dist/pagefind/fragment');
    const urls = fs.readdirSync(fragments).map((f) => {
      const text = gunzipSync(fs.readFileSync(path.join(fragments, f))).toString('utf8');
      return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
    });
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => u.includes('/admin'))).toEqual([]);
  });

  it('switches interface and field labels to English with ?lang=en', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/admin/?lang=en#/collections/members/new`);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByText('Member since').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.close();
  });

  it('loads Decap from this site only, with the Danish interface', async () => {
    const page = await browser.newPage();
    const seen: string[] = [];
    page.on('request', (r) => seen.push(r.url()));
    await page.goto(`${site.url}/admin/`);
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
    const origins = new Set(seen.filter((u) => /^https?:/.test(u)).map((u) => new URL(u).origin));
    expect([...origins]).toEqual([site.url]);
    await page.close();
  });
});

describe('the collection lists', () => {
  /** The slugs of a collection's entries in the order the list shows them. */
  async function listed(page: Page, collection: string): Promise<string[]> {
    await page.goto(`${site.url}/admin/#/collections/${collection}`);
    const links = page.locator(`a[href*="/collections/${collection}/entries/"]`);
    await links.first().waitFor();
    // Decap shows the entries once it has sorted all of them.
    let slugs: string[] = [];
    await expect
      .poll(
        async () => {
          slugs = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map(
            (h) => h.split('/entries/')[1],
          );
          return slugs.length;
        },
        { timeout: 15_000 },
      )
      .toBe(fs.readdirSync(path.join(repo, 'content', collection)).filter((f) => f.endsWith('.md')).length);
    return slugs;
  }

  it('shows members in Danish order: Z, Æ, Ø, then "Aage" and "Åse" with Å, as a Danish reader expects', async () => {
    const dir = path.join(repo, 'content/members');
    const member = (name: string) =>
      `---\nname: ${name}\ntrades: [it-data]\nmunicipality: lolland\nlanguages: [da]\nlang: da\njoined: 2024-05-01\nlisted: true\n---\nTil sorteringstesten.\n`;
    const added = {
      'zenia-holm': 'Zenia Holm',
      'oejvind-lund': 'Øjvind Lund',
      'aage-nielsen': 'Aage Nielsen',
      'aebeloe-andersen': 'Æbelø Andersen',
    };
    for (const [slug, name] of Object.entries(added)) fs.writeFileSync(path.join(dir, `${slug}.md`), member(name));
    expect(newIssues()).toEqual([]);

    const page = await openAdmin();
    const order = await listed(page, 'members');
    // The sample's "Yasmin Haddad" and "Åse Thomsen" with the four added.
    const at = (slug: string) => order.indexOf(slug);
    const reading = ['yasmin-haddad', 'zenia-holm', 'aebeloe-andersen', 'oejvind-lund', 'aage-nielsen', 'aase-thomsen'];
    expect(reading.map(at).every((i) => i >= 0)).toBe(true);
    expect([...reading].sort((a, b) => at(a) - at(b))).toEqual(reading);
    // And every member where the Danish collator puts the name (Decap by itself put "Aage" first and "Åse" before "Æbelø").
    const nameOf = (slug: string) => String(matter(fs.readFileSync(path.join(dir, `${slug}.md`), 'utf8')).data.name);
    const collator = new Intl.Collator('da');
    expect(order).toEqual([...order].sort((a, b) => collator.compare(nameOf(a), nameOf(b))));
    // The list can still be sorted by the name, under its label, or by date.
    await page.getByRole('button', { name: /Sorter efter/i }).click();
    await expect.poll(() => page.getByRole('menuitem').allTextContents()).toEqual(['Navn', 'Medlem siden']);
    await page.close();
  });
});

describe('editing through the CMS', () => {
  it('creates a member named with æøå as soeren-aeroe-aagaard.md, valid for the site', async () => {
    const file = path.join(repo, 'content/members/soeren-aeroe-aagaard.md');
    expect(fs.existsSync(file)).toBe(false);
    const page = await openAdmin();
    await page.goto(`${site.url}/admin/#/collections/members/new`);
    await page.locator('[id^="name-field"]').fill('Søren Ærø Ågaard');
    await choose(page, 'trades', 'IT og data');
    await choose(page, 'municipality', 'Lolland');
    await page.locator('[id^="joined-field"]').fill('2024-05-01');
    await page.locator('button[id^="listed-field"]').click();
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.type('Jeg bygger hjemmesider på Lolland.');

    // The preview pane shows the member with the site's own stylesheet.
    const preview = page.locator('iframe').first().contentFrame();
    await expect.poll(() => preview.locator('h1').textContent()).toBe('Søren Ærø Ågaard');
    expect(await preview.locator('link[rel="stylesheet"]').first().getAttribute('href')).toMatch(
      /\/admin\/assets\/global\.[\w-]+\.css$/,
    );

    await publish(page);
    const { data, content } = matter(await savedText(file));
    expect(data).toEqual({
      name: 'Søren Ærø Ågaard',
      trades: ['it-data'],
      municipality: 'lolland',
      languages: ['da'],
      lang: 'da',
      joined: new Date('2024-05-01'),
      listed: true,
    });
    expect(content.trim()).toBe('Jeg bygger hjemmesider på Lolland.');
    expect(newIssues()).toEqual([]);
    // On its own (with the taxonomies it needs) the new file passes `npm run check` outright.
    const alone = path.join(work, 'alone');
    for (const part of ['taxonomies', 'settings'])
      fs.cpSync(path.join(repo, 'content', part), path.join(alone, part), { recursive: true });
    fs.mkdirSync(path.join(alone, 'members'));
    fs.copyFileSync(file, path.join(alone, 'members/soeren-aeroe-aagaard.md'));
    expect(check(alone)).toEqual({ status: 0, issues: [] });
    await page.close();
  });

  it('changes only the title of an existing event when its title is edited', async () => {
    const slug = pickEvent();
    const file = path.join(repo, `content/events/${slug}.md`);
    const before = fs.readFileSync(file, 'utf8');
    const page = await openAdmin();
    await openEntry(page, `/collections/events/entries/${slug}`);
    const title = page.locator('[id^="title-field"]');
    const oldTitle = await title.inputValue();
    const newTitle = `${oldTitle} – ny titel`;
    await title.fill(newTitle);
    await publish(page);
    const after = await savedText(file, before);

    const parsedBefore = matter(before);
    const parsedAfter = matter(after);
    expect(parsedAfter.data).toEqual({ ...parsedBefore.data, title: newTitle });
    expect(parsedAfter.content).toBe(parsedBefore.content);
    const changed = (a: string, b: string) => a.split('\n').filter((line, i) => line !== b.split('\n')[i]);
    expect(after.split('\n')).toHaveLength(before.split('\n').length);
    expect(changed(before, after)).toEqual([before.split('\n').find((l) => l.startsWith('title:'))]);
    expect(changed(after, before)).toEqual([after.split('\n').find((l) => l.startsWith('title:'))]);
    expect(newIssues()).toEqual([]);
    await page.close();
  });

  it('saves a change to a sample member with photo, lists and groups, touching one line', async () => {
    const dir = path.join(repo, 'content/members');
    const slug = fs
      .readdirSync(dir)
      .sort()
      .map((f) => f.replace(/\.md$/, ''))
      .find(
        (s) =>
          /^photo: /m.test(fs.readFileSync(path.join(dir, `${s}.md`), 'utf8')) &&
          /^groups: /m.test(fs.readFileSync(path.join(dir, `${s}.md`), 'utf8')),
      );
    expect(slug, 'a sample member with photo and groups').toBeDefined();
    const file = path.join(dir, `${slug}.md`);
    const before = fs.readFileSync(file, 'utf8');
    const page = await openAdmin();
    await openEntry(page, `/collections/members/entries/${slug}`);
    const name = page.locator('[id^="name-field"]');
    await name.fill(`${await name.inputValue()} Jensen`);
    await publish(page);
    const after = await savedText(file, before);
    const changed = before.split('\n').filter((line, i) => line !== after.split('\n')[i]);
    expect(changed).toEqual([before.split('\n').find((l) => l.startsWith('name:'))]);
    expect(after.split('\n')).toHaveLength(before.split('\n').length);
    await page.close();
  });

  it('previews posts, wiki entries and events with the site’s markup', async () => {
    for (const collection of ['blog', 'wiki', 'events']) {
      const dir = path.join(repo, 'content', collection);
      const slug = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .sort()[0]
        .replace(/\.md$/, '');
      const { data } = matter(fs.readFileSync(path.join(dir, `${slug}.md`), 'utf8'));
      const page = await openAdmin();
      await openEntry(page, `/collections/${collection}/entries/${slug}`);
      const preview = page.locator('iframe').first().contentFrame();
      await expect
        .poll(() => preview.locator('main.wrap h1').textContent(), { timeout: 10_000 })
        .toBe(String(data.title ?? data.name));
      expect(await preview.locator('.prose').count(), collection).toBe(1);
      await page.close();
    }
  });

  it('refuses to save a member without the required fields, and says so', async () => {
    const before = fs.readdirSync(path.join(repo, 'content/members')).sort();
    const page = await openAdmin();
    await page.goto(`${site.url}/admin/#/collections/members/new`);
    await page.locator('[id^="name-field"]').fill('Uden Branche');
    await publish(page);
    await page.getByText('Noget mangler eller er forkert').first().waitFor();
    await page.getByText('Brancher er påkrævet.').first().waitFor();
    await page.getByText('Kommune er påkrævet.').first().waitFor();
    await page.waitForTimeout(1000);
    expect(fs.readdirSync(path.join(repo, 'content/members')).sort()).toEqual(before);
    await page.close();
  });

  it('refuses what only the schema knows: an event needs a venue or an online link', async () => {
    const before = fs.readdirSync(path.join(repo, 'content/events')).sort();
    const page = await openAdmin();
    await page.goto(`${site.url}/admin/#/collections/events/new`);
    await page.locator('[id^="title-field"]').fill('Møde uden sted');
    await page.locator('textarea[id^="description-field"]').fill('Hvor skal vi være?');
    await page.locator('[id^="start-field"]').fill('2027-03-04T17:00');
    await choose(page, 'lang', 'Dansk');
    await publish(page);
    // Named by the labels of the form, in a panel that stays until it is closed.
    const panel = page.locator('[data-mikronet-problems]');
    await panel.getByText('Mødested: udfyld "Mødested" eller "Onlinelink"').waitFor();
    await page.waitForTimeout(10_000);
    expect(await panel.isVisible(), 'still shown after Decap’s own message is gone').toBe(true);
    await panel.getByRole('button', { name: 'Vis feltet' }).click();
    await expect
      .poll(() =>
        page.locator('label[for^="venue-field-"]').evaluate((l) => {
          const box = l.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight;
        }),
      )
      .toBe(true);
    await panel.getByRole('button', { name: 'Luk' }).click();
    expect(await panel.count()).toBe(0);
    expect(fs.readdirSync(path.join(repo, 'content/events')).sort()).toEqual(before);
    await page.close();
  });

  it('refuses a second member with the same name, naming the one that exists', async () => {
    const dir = path.join(repo, 'content/members');
    const existing = fs
      .readdirSync(dir)
      .sort()
      .find((f) => f.endsWith('.md'))!;
    const name = String(matter(fs.readFileSync(path.join(dir, existing), 'utf8')).data.name);
    const before = fs.readdirSync(dir).sort();
    const page = await openAdmin();
    await page.goto(`${site.url}/admin/#/collections/members/new`);
    // The same person, written without the Danish letters and in other case: the same slug.
    await page.locator('[id^="name-field"]').fill(name.toUpperCase().replace(/Å/g, 'AA'));
    await choose(page, 'trades', 'IT og data');
    await choose(page, 'municipality', 'Lolland');
    await publish(page);
    await page
      .locator('[data-mikronet-problems]')
      .getByText(`Navn: der findes allerede "${name}" (filen ${existing})`)
      .waitFor();
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    await page.close();
  });

  it('speaks Danish where react-select speaks English: a search that finds nothing', async () => {
    const page = await openAdmin();
    await page.goto(`${site.url}/admin/#/collections/members/new`);
    const trades = page.locator('input[id^="trades-field"]');
    await trades.click();
    await trades.fill('zzzz');
    await page.getByText('Ingen valgmuligheder passer').waitFor();
    expect(await page.getByText('No options').count()).toBe(0);
    await page.close();
  });

  it('keeps a multiple choice open after a pick, so each further trade is one click', async () => {
    const page = await openAdmin();
    await page.goto(`${site.url}/admin/#/collections/members/new`);
    await page.locator('input[id^="trades-field"]').click();
    const options = page.locator('[id^="react-select-"][id*="-option-"]');
    const first = await options.nth(0).textContent();
    await options.nth(0).click();
    const second = await options.nth(0).textContent();
    await options.nth(0).click();
    const chips = page.locator('[class*="multiValue"], [class*="MultiValue"]');
    await expect.poll(() => chips.allTextContents()).toEqual([first, second]);
    await page.close();
  });

  it('picks the author the search finds when Enter is pressed at once, not the previous search’s first hit', async () => {
    const dir = path.join(repo, 'content/members');
    const listed = fs
      .readdirSync(dir)
      .sort()
      .map((f) => matter(fs.readFileSync(path.join(dir, f), 'utf8')).data)
      .filter((d) => d.listed === true)
      .map((d) => String(d.name));
    // The last name of one member and the first name of another, far apart in the list.
    const wanted = [listed[1], listed[listed.length - 2]];
    const page = await openAdmin();
    await page.goto(`${site.url}/admin/#/collections/blog/new`);
    const authors = page.locator('input[id^="authors-field"]');
    const chips = page.locator('[class*="multiValue"], [class*="MultiValue"]');
    // Typed and entered at once, before Decap's search (0.5 s after the last key) has answered.
    for (const [i, name] of wanted.entries()) {
      await authors.click();
      await authors.fill(name);
      await page.keyboard.press('Enter');
      await expect.poll(() => chips.allTextContents(), { timeout: 10_000 }).toEqual(wanted.slice(0, i + 1));
    }
    await page.close();
  });

  it('takes a post’s tags in one text field, "a, b, c", and saves them in the file’s own list style', async () => {
    const slug = 'at-sige-nej';
    const file = path.join(repo, `content/blog/${slug}.md`);
    const before = fs.readFileSync(file, 'utf8');
    const oldLine = before.split('\n').find((l) => l.startsWith('tags:'))!;
    expect(oldLine).toBe('tags: [kunder, hverdag]');
    const page = await openAdmin();
    await openEntry(page, `/collections/blog/entries/${slug}`);
    const tags = page.locator('input[id^="tags-field"]');
    expect(await tags.count()).toBe(1);
    expect(await tags.inputValue()).toBe('kunder, hverdag');
    // One click into the field, then the new tags typed in one go.
    await tags.click();
    await page.keyboard.press('End');
    await page.keyboard.type(', priser, nej-tak');
    await publish(page);
    const after = await savedText(file, before);
    const changed = (a: string, b: string) => a.split('\n').filter((line, i) => line !== b.split('\n')[i]);
    expect(changed(before, after)).toEqual([oldLine]);
    expect(changed(after, before)).toEqual(['tags: [kunder, hverdag, priser, nej-tak]']);
    expect(newIssues()).toEqual([]);
    await page.close();
  });

  it('starts a new post with today’s date and the editor’s language, without unsaved changes', async () => {
    const page = await openAdmin();
    await page.goto(`${site.url}/admin/#/collections/blog/new`);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
    await expect.poll(() => page.locator('[id^="date-field"]').inputValue()).toBe(today);
    await page.getByText('Dansk').first().waitFor();
    await page.waitForTimeout(1000);
    expect(await page.getByText(/Ugemte ændringer/i).count()).toBe(0);
    await page.close();
  });

  it('opens a new member form without unsaved changes', async () => {
    const page = await openAdmin();
    await page.goto(`${site.url}/admin/#/collections/members/new`);
    await page.locator('[id^="name-field"]').waitFor();
    await page.waitForTimeout(1000);
    expect(await page.getByText(/Ugemte ændringer/i).count()).toBe(0);
    await page.close();
  });

  /** A new member named `name`, published: refused, naming "Søren Ærø Ågaard", created by the first test. */
  async function refusedAsNearly(name: string) {
    const dir = path.join(repo, 'content/members');
    expect(fs.existsSync(path.join(dir, 'soeren-aeroe-aagaard.md'))).toBe(true);
    const before = fs.readdirSync(dir).sort();
    const page = await openAdmin();
    await page.goto(`${site.url}/admin/#/collections/members/new`);
    await page.locator('[id^="name-field"]').fill(name);
    await choose(page, 'trades', 'IT og data');
    await choose(page, 'municipality', 'Lolland');
    await publish(page);
    await page
      .locator('[data-mikronet-problems]')
      .getByText(`"${name}" er næsten samme navn som "Søren Ærø Ågaard"`)
      .waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    await page.close();
  }

  it('refuses a member whose name is nearly that of another (another file name), naming the other', async () => {
    await refusedAsNearly('Søren Æro Ågaard');
  });

  // Two edits apart in letters, the same once æ, ø and å are folded (foldedName in src/lib/content/duplicates.ts).
  it('refuses "Soeren Aero Agaard" beside "Søren Ærø Ågaard"', async () => {
    await refusedAsNearly('Soeren Aero Agaard');
  });

  it('uploads a member photo into the members folder under a slug name, shown in the form and preview at once', async () => {
    const fixture = fs.readFileSync(path.join(ROOT, 'tests/fixtures/media/tiny.png'));
    const page = await openAdmin();
    await page.goto(`${site.url}/admin/#/collections/members/new`);
    await page.locator('[id^="name-field"]').waitFor();
    await page
      .getByRole('button', { name: /Vælg et billede/ })
      .first()
      .click();
    // The library opened from a member's photo shows the members' pictures that are there.
    await expect
      .poll(() => page.locator('[class*="CardImage"], [class*="MediaLibraryCard"] img').count())
      .toBeGreaterThan(5);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'Søren på Færgen.PNG', mimeType: 'image/png', buffer: fixture });
    await page.getByRole('button', { name: 'Anvend valgte' }).click();
    // Before it is published (the site has no such file yet): from memory, in the form and the preview.
    const loaded = (img: HTMLImageElement) => img.complete && img.naturalWidth > 0;
    await expect.poll(() => page.locator('img[src^="blob:"]').first().evaluate(loaded)).toBe(true);
    const preview = page.locator('iframe').first().contentFrame();
    await expect.poll(() => preview.locator('img[src^="blob:"]').first().evaluate(loaded)).toBe(true);

    // Published with the member, into the members' folder under the slug name.
    await page.locator('[id^="name-field"]').fill('Foto Testesen');
    await page.locator('[id^="photo_alt-field"]').fill('Foto Testesen på færgen');
    await choose(page, 'trades', 'IT og data');
    await choose(page, 'municipality', 'Lolland');
    await publish(page);
    const saved = path.join(repo, 'public/media/members/soeren-paa-faergen.png');
    await expect.poll(() => fs.existsSync(saved), { timeout: 15_000 }).toBe(true);
    expect(fs.readFileSync(saved).equals(fixture)).toBe(true);
    const member = matter(await savedText(path.join(repo, 'content/members/foto-testesen.md')));
    expect(member.data.photo).toBe('/media/members/soeren-paa-faergen.png');
    await page.close();
  });

  it('refuses raw HTML typed into a wiki entry, naming the field and line', async () => {
    const dir = path.join(repo, 'content/wiki');
    const slug = fs.readdirSync(dir).sort()[0].replace(/\.md$/, '');
    const file = path.join(dir, `${slug}.md`);
    const before = fs.readFileSync(file, 'utf8');
    const bodyLines = matter(before).content.trim().split('\n').length;
    const page = await openAdmin();
    await openEntry(page, `/collections/wiki/entries/${slug}`);
    // The caret goes to the end of the last paragraph; Slate needs a moment to take up the
    // browser's selection, or it ignores the keys that follow.
    const editor = page.locator('[data-slate-editor="true"]').first();
    await editor.locator('p').last().click();
    await page.waitForTimeout(500);
    await page.keyboard.press('Control+End');
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    await page.keyboard.type('<iframe src="https://video.example/x"></iframe>');
    await expect
      .poll(() => editor.locator('p').last().textContent())
      .toBe('<iframe src="https://video.example/x"></iframe>');
    await publish(page);
    // A new paragraph after the last one: a blank line, then the iframe.
    const message = `Dokumentet kunne ikke gemmes: Beskrivelse, linje ${bodyLines + 2}: rå HTML (<iframe>) er ikke tilladt her`;
    await page.getByText(message).first().waitFor();
    await page.waitForTimeout(1000);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    await page.close();
  });

  it('uploads a PNG from the media library, and refuses an SVG and an HTML page named .png, saying why', async () => {
    const fixture = (name: string) => fs.readFileSync(path.join(ROOT, 'tests/fixtures/media', name));
    const page = await openAdmin();
    await page.getByRole('button', { name: 'Medier' }).click();
    const upload = (name: string, mimeType: string, buffer: Buffer) =>
      page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });

    await upload('tegning.svg', 'image/svg+xml', fixture('svg/inert-drawing.svg'));
    await page
      .getByText(/SVG-filer kan ikke lægges op gennem CMS’et.*gem billedet som PNG, JPG eller WebP/)
      .first()
      .waitFor();
    await upload('forklaedt.png', 'image/png', fixture('html-named.png'));
    await page
      .getByText(/forklaedt\.png blev ikke gemt: navnet siger PNG, men det er i virkeligheden en HTML-side/)
      .first()
      .waitFor();
    await upload('Foto fra Ærø.png', 'image/png', fixture('tiny.png'));
    const saved = path.join(repo, 'public/media/foto-fra-aeroe.png');
    await expect
      .poll(() => fs.existsSync(saved) && fs.readFileSync(saved).equals(fixture('tiny.png')), { timeout: 15_000 })
      .toBe(true);
    expect(fs.existsSync(path.join(repo, 'public/media/tegning.svg'))).toBe(false);
    expect(fs.existsSync(path.join(repo, 'public/media/forklaedt.png'))).toBe(false);
    await page.close();
  });

  it('talked to nothing but this site and the local CMS server', () => {
    const origins = new Set(requests.filter((u) => /^https?:/.test(u)).map((u) => new URL(u).origin));
    expect([...origins].sort()).toEqual([site.url, new URL(proxyUrl).origin].sort());
  });
});

/**
 * Netlify Identity and Git Gateway as the admin page sees them in production, stubbed on loopback
 * (the service is the boundary): the site's files come from the test's site server, and
 * /.netlify/identity/* and /.netlify/git/* answer as the service would, recording each request.
 */
async function netlifyStub(siteUrl: string) {
  const seen: { method: string; path: string; auth?: string; body: string }[] = [];
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const token = `${b64({ alg: 'HS256' })}.${b64({ sub: 'u1', email: 'redaktor@example.dk', exp })}.sig`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    if (!url.pathname.startsWith('/.netlify/')) {
      const upstream = http.request(`${siteUrl}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
      return;
    }
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', path: url.pathname, auth: req.headers.authorization, body });
      const json = (status: number, data: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(data));
      };
      const route = `${req.method} ${url.pathname}`;
      if (route === 'POST /.netlify/identity/token') {
        const form = new URLSearchParams(body);
        if (form.get('username') === 'redaktor@example.dk' && form.get('password') === 'rigtig-kode')
          return json(200, { access_token: token, token_type: 'bearer', expires_in: 3600, refresh_token: 'r' });
        return json(400, {
          error: 'invalid_grant',
          error_description: 'No user found with that email, or password invalid.',
        });
      }
      if (route === 'GET /.netlify/identity/user') return json(200, { id: 'u1', email: 'redaktor@example.dk' });
      if (route === 'POST /.netlify/identity/recover') return json(200, {});
      if (route === 'POST /.netlify/identity/verify') return json(200, { access_token: token, token_type: 'bearer' });
      if (route === 'PUT /.netlify/identity/user') return json(200, { id: 'u1', email: 'redaktor@example.dk' });
      return json(404, { msg: 'not in this stub' });
    });
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
  return { port, token, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('on the public site (not this machine): Netlify Identity', () => {
  let stub: Awaited<ReturnType<typeof netlifyStub>>;
  let remote: Browser;
  let origin: string;

  beforeAll(async () => {
    stub = await netlifyStub(site.url);
    // The admin page as seen at a real host name: git-gateway, not the local proxy. Chromium maps
    // the name to the stub on this machine and treats it as secure, as HTTPS would be.
    origin = `http://editor.example:${stub.port}`;
    remote = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--host-resolver-rules=MAP editor.example 127.0.0.1',
        `--unsafely-treat-insecure-origin-as-secure=${origin}`,
      ],
    });
  });
  afterAll(async () => {
    await remote?.close();
    await stub?.close();
  });

  const identityCalls = () => stub.seen.filter((r) => r.path.startsWith('/.netlify/'));

  it('logs in with a Danish form: labelled fields, a Danish refusal of a wrong password, then Git Gateway with the token', async () => {
    const page = await remote.newPage();
    stub.seen.length = 0;
    await page.goto(`${origin}/admin/`);
    await page.getByRole('heading', { name: 'Log ind som redaktør' }).waitFor();
    expect(await page.getByPlaceholder(/Email|Password/).count(), 'Decap’s English placeholders').toBe(0);
    await page.getByLabel('E-mailadresse').fill('redaktor@example.dk');
    await page.getByLabel('Adgangskode').fill('forkert-kode');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('alert').getByText('E-mailadressen eller adgangskoden passer ikke').waitFor();

    await page.getByLabel('Adgangskode').fill('rigtig-kode');
    await page.getByRole('button', { name: 'Log ind' }).click();
    // Logged in: Decap asks Git Gateway for its settings with the Identity token.
    await expect
      .poll(() => identityCalls().find((r) => r.path === '/.netlify/git/settings')?.auth)
      .toBe(`Bearer ${stub.token}`);
    const tokens = identityCalls().filter((r) => r.path === '/.netlify/identity/token');
    expect(tokens.map((r) => Object.fromEntries(new URLSearchParams(r.body)))).toEqual([
      { grant_type: 'password', username: 'redaktor@example.dk', password: 'forkert-kode' },
      { grant_type: 'password', username: 'redaktor@example.dk', password: 'rigtig-kode' },
    ]);
    await page.close();
  });

  it('offers "Glemt adgangskode?": asks Identity to mail a reset link, and the link from the mail sets the new password', async () => {
    const page = await remote.newPage();
    stub.seen.length = 0;
    await page.goto(`${origin}/admin/`);
    await page.getByRole('button', { name: 'Glemt adgangskode?' }).click();
    await page.getByLabel('E-mailadresse').fill('redaktor@example.dk');
    await page.getByRole('button', { name: 'Send link' }).click();
    await page.getByRole('status').getByText('Vi har sendt et link til redaktor@example.dk').waitFor();
    expect(identityCalls()).toEqual([
      { method: 'POST', path: '/.netlify/identity/recover', auth: undefined, body: '{"email":"redaktor@example.dk"}' },
    ]);
    await page.getByRole('button', { name: 'Tilbage til log ind' }).click();
    await page.getByRole('button', { name: 'Log ind' }).waitFor();

    await page.close();

    // The e-mail's link (public/admin/emails/) opens /admin/#recovery_token=….
    stub.seen.length = 0;
    const link = await remote.newPage();
    await link.goto(`${origin}/admin/#recovery_token=reset-123`);
    await link.getByLabel('Adgangskode').fill('ny-hemmelig-kode');
    await link.getByRole('button', { name: 'Gem adgangskode' }).click();
    await link.getByRole('button', { name: 'Gå til login' }).click();
    await link.getByRole('heading', { name: 'Log ind som redaktør' }).waitFor();
    expect(identityCalls().map((r) => [r.method, r.path, r.auth ?? '', JSON.parse(r.body)])).toEqual([
      ['POST', '/.netlify/identity/verify', '', { token: 'reset-123', type: 'recovery' }],
      ['PUT', '/.netlify/identity/user', `Bearer ${stub.token}`, { password: 'ny-hemmelig-kode' }],
    ]);
    await link.close();
  });

  it('finishes an invitation link from the e-mail, then shows the login form', async () => {
    const page = await remote.newPage();
    stub.seen.length = 0;
    await page.goto(`${origin}/admin/#invite_token=invitation-123`);
    await page.getByLabel('Adgangskode').fill('hemmelig-kode');
    await page.getByRole('button', { name: 'Gem adgangskode' }).click();
    await page.getByRole('button', { name: 'Gå til login' }).click();
    await page.getByLabel('E-mailadresse').waitFor();
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
    expect(identityCalls().map((r) => JSON.parse(r.body))).toEqual([
      { token: 'invitation-123', type: 'signup', password: 'hemmelig-kode' },
    ]);
    await page.close();
  });

  it('is in English with ?lang=en', async () => {
    const page = await remote.newPage();
    await page.goto(`${origin}/admin/?lang=en`);
    await page.getByRole('heading', { name: 'Editor login' }).waitFor();
    await page.getByLabel('E-mail address').waitFor();
    await page.getByRole('button', { name: 'Forgot password?' }).waitFor();
    await page.close();
  });
});
