import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * npm run newsletter on a copy of the sample content with a few entries added for what the
 * letter must and must not hold; the .eml is read back part by part (no mail parser is installed:
 * the small reader below decodes quoted-printable, base64 and encoded-word headers).
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
let tmp: string;
let content: string;

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/newsletter.ts'), ...args], {
    cwd: tmp,
    encoding: 'utf8',
    env: { ...process.env, SITE_URL: '', URL: '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const write = (file: string, text: string) => fs.writeFileSync(path.join(content, file), text);

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsletter-'));
  content = path.join(tmp, 'content');
  fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  const member = (slug: string, name: string, joined: string, listed: boolean) =>
    write(
      `members/${slug}.md`,
      `---\nname: ${name}\nbusiness: ${name} ApS\ntrades: [it-data]\nmunicipality: lolland\njoined: ${joined}\nlisted: ${listed}\n---\nHej.\n`,
    );
  member('nyt-medlem-listed', 'Vilhelmine Nyborg', '2026-10-15', true);
  member('nyt-medlem-unlisted', 'Skjult Hemmeligsen', '2026-10-20', false);
  member('gammelt-medlem', 'Gammel Tidligsen', '2026-09-30', true);
  const post = (slug: string, title: string, date: string, extra = '') =>
    write(
      `blog/${slug}.md`,
      `---\ntitle: ${title}\ndescription: Om ${title}.\ndate: ${date}\nlang: da\nauthors: [nyt-medlem-listed]\n${extra}---\nTekst.\n`,
    );
  post('indlaeg-i-perioden', 'Indlæg i perioden', '2026-10-01');
  post('indlaeg-foer', 'Indlæg før perioden', '2026-09-30');
  post('indlaeg-i-morgen', 'Indlæg fra i morgen', '2026-11-25');
  post('kladde-i-perioden', 'Kladde i perioden', '2026-11-01', 'draft: true\n');
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The .eml's headers (encoded words decoded) and its parts, each with headers and decoded text. */
function readEml(raw: string) {
  const [head, ...rest] = raw.split(/\r\n\r\n/);
  const headers = (text: string) =>
    Object.fromEntries(
      text
        .replace(/\r\n[ \t]+/g, ' ')
        .split('\r\n')
        .map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), decodeWords(l.slice(l.indexOf(':') + 1).trim())]),
    );
  const top = headers(head);
  const boundary = /boundary="([^"]+)"/.exec(top['content-type'])![1];
  const body = rest.join('\r\n\r\n');
  const parts = body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((p) => {
      const [h, ...b] = p.replace(/^\r\n/, '').split('\r\n\r\n');
      const ph = headers(h);
      const data = b.join('\r\n\r\n').replace(/\r\n$/, '');
      const bytes = ph['content-transfer-encoding'] === 'base64' ? Buffer.from(data, 'base64') : quotedPrintable(data);
      return { headers: ph, text: bytes.toString('utf8') };
    });
  return { headers: top, parts, closed: body.trimEnd().endsWith(`--${boundary}--`) };
}

function quotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i], 'utf8'));
  }
  return Buffer.from(bytes);
}

const decodeWords = (value: string) =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : quotedPrintable(data.replace(/_/g, ' ')).toString('utf8'),
    );

const files = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

describe('npm run newsletter', () => {
  const out = () => path.join(tmp, 'out-da');
  let eml: ReturnType<typeof readEml>;
  let html: string;
  let text: string;
  let rawEml: string;

  beforeAll(() => {
    const r = run(['--since', '2026-10-01', '--today', '2026-11-24', '--content', content, '--out', out()]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(files(out())).toEqual([
      'nyhedsbrev-2026-11-24-da.eml',
      'nyhedsbrev-2026-11-24-da.html',
      'nyhedsbrev-2026-11-24-da.txt',
    ]);
    rawEml = fs.readFileSync(path.join(out(), 'nyhedsbrev-2026-11-24-da.eml'), 'utf8');
    eml = readEml(rawEml);
    html = fs.readFileSync(path.join(out(), 'nyhedsbrev-2026-11-24-da.html'), 'utf8');
    text = fs.readFileSync(path.join(out(), 'nyhedsbrev-2026-11-24-da.txt'), 'utf8');
  });

  it('writes an .eml with a plain-text and an HTML part, in UTF-8, from the network’s address', () => {
    expect(eml.headers.from).toBe('Mikronet <kontakt@mikronet.dk>');
    expect(eml.headers.subject).toBe('Nyt fra Mikronet – 24. november 2026');
    expect(eml.headers['mime-version']).toBe('1.0');
    expect(new Date(eml.headers.date).toISOString()).toBe('2026-11-24T11:00:00.000Z');
    expect(eml.headers['content-type']).toMatch(/^multipart\/alternative;/);
    expect(eml.closed).toBe(true);
    expect(eml.parts.map((p) => p.headers['content-type'])).toEqual([
      'text/plain; charset=utf-8',
      'text/html; charset=utf-8',
    ]);
    for (const p of eml.parts) expect(p.headers['content-transfer-encoding']).toMatch(/^(quoted-printable|base64)$/);
    expect(eml.parts[0].text.replace(/\r\n/g, '\n')).toBe(text);
    expect(eml.parts[1].text.replace(/\r\n/g, '\n')).toBe(html.replace(/\r\n/g, '\n'));
    // Seven-bit on the wire: every line of the file is ASCII and at most 998 characters.
    expect(rawEml).toMatch(/^[\x00-\x7f]*$/);
    for (const line of rawEml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
  });

  it('lists a new listed member, and an unlisted one nowhere', () => {
    expect(text).toContain('Vilhelmine Nyborg');
    expect(html).toContain('https://mikronet.dk/medlemmer/nyt-medlem-listed/');
    for (const s of [html, text, rawEml]) {
      expect(s).not.toContain('Skjult Hemmeligsen');
      expect(s).not.toContain('nyt-medlem-unlisted');
    }
    expect(text).toContain('VELKOMMEN TIL NYE MEDLEMMER (1)');
  });

  it('counts from --since through --today: nothing before, no drafts, nothing dated tomorrow', () => {
    expect(text).toContain('Indlæg i perioden');
    expect(text).not.toContain('Gammel Tidligsen');
    for (const title of ['Indlæg før perioden', 'Indlæg fra i morgen', 'Kladde i perioden'])
      expect(html + text).not.toContain(title);
    // Market entries dated before 2026-10-01 are not new.
    expect(text).toContain('Korrekturlæsning til medlemspris');
    expect(text).not.toContain('Enkel hjemmeside til fast pris');
    // Events: those not over on the day, soonest first; a past one not at all.
    expect(text).not.toContain('Mikronet-møde i Nykøbing F. – oktober');
    expect(text.indexOf('Online kaffemøde')).toBeLessThan(text.indexOf('Mikronet-træf 2027'));
  });

  it('has sections in order with counts, a greeting and the line for the mailing service', () => {
    const order = ['KOMMENDE ARRANGEMENTER', 'NYT FRA BLOGGEN', 'VELKOMMEN TIL NYE MEDLEMMER', 'NYT PÅ MARKEDSLISTEN'];
    const at = order.map((h) => text.indexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('Kære medlemmer og venner af Mikronet');
    expect(text).toContain('Afmeld nyhedsbrevet: [AFMELDINGSLINK]');
    expect(html).toContain('[AFMELDINGSLINK]');
    expect(text).toContain('lørdag den 12. december 2026 kl. 12.00');
  });

  it('gives mail clients HTML without script, style sheets or relative links, at most 600 px wide', () => {
    expect(html).not.toMatch(/<script|<style|<link\b|javascript:/i);
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="da">/);
    const links = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(10);
    for (const l of links) expect(l).toMatch(/^https:\/\//);
    for (const img of html.match(/<img\b[^>]*>/g) ?? []) expect(img).toMatch(/\salt="[^"]+"/);
    // Outlook on Windows ignores max-width: it reads a 600 px table in a comment only it obeys.
    expect(html).toMatch(/<!--\[if mso\]><table role="presentation" width="600"/);
    expect(html).toMatch(/max-width: ?600px/);
    // Styles are on the elements (juice), with a background wherever there is text.
    expect(html).toMatch(/<td class="block" style="[^"]*background-color: ?#ffffff/);
  });

  it('makes the same file from the same content on the same day', () => {
    const again = path.join(tmp, 'again');
    expect(run(['--since', '2026-10-01', '--today', '2026-11-24', '--content', content, '--out', again]).code).toBe(0);
    expect(fs.readFileSync(path.join(again, 'nyhedsbrev-2026-11-24-da.eml'), 'utf8')).toBe(rawEml);
  });
});

describe('npm run newsletter in English and elsewhere', () => {
  it('writes English headings, dates and /en/ links on SITE_URL', () => {
    const out = path.join(tmp, 'out-en');
    const r = run(
      ['--since', '2026-10-01', '--today', '2026-11-24', '--lang', 'en', '--content', content, '--out', out],
      {
        SITE_URL: 'https://netvaerk.example',
      },
    );
    expect(r.code).toBe(0);
    const text = fs.readFileSync(path.join(out, 'nyhedsbrev-2026-11-24-en.txt'), 'utf8');
    expect(text).toContain('UPCOMING EVENTS (');
    expect(text).toContain('Welcome to our new members (1)'.toUpperCase());
    expect(text).toContain('https://netvaerk.example/en/members/nyt-medlem-listed/');
    expect(text).toContain('Indlæg i perioden (in Danish)');
    expect(text).toContain('https://netvaerk.example/blog/indlaeg-i-perioden/');
    expect(text).toContain('24 November 2026');
  });

  it('writes nothing, and says so, when nothing is new and no event is coming', () => {
    const out = path.join(tmp, 'out-empty');
    const r = run(['--since', '2029-01-01', '--today', '2029-06-01', '--content', content, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Nothing new since 2029-01-01 .* no newsletter was written/);
    expect(files(out)).toEqual([]);
  });

  it('--dry-run writes nothing', () => {
    const out = path.join(tmp, 'out-dry');
    const r = run(['--since', '2026-10-01', '--today', '2026-11-24', '--content', content, '--out', out, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Would write');
    expect(files(out)).toEqual([]);
  });

  it('refuses invalid content, naming the file, and writes nothing', () => {
    const broken = path.join(tmp, 'broken');
    fs.cpSync(content, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'members/ugyldig.md'), '---\nname: Uden Kommune\n---\n');
    const out = path.join(tmp, 'out-broken');
    const r = run(['--since', '2026-10-01', '--content', broken, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('ugyldig.md');
    expect(r.err).toContain('No newsletter was written');
    expect(files(out)).toEqual([]);
  });

  it.each([
    [['--since', '2026-02-30'], '--since must be a date written YYYY-MM-DD, not "2026-02-30" — --since skal være'],
    [[], 'Give --since, the first day that counts as new — angiv --since'],
    [['--since', '2026-10-01', '--lang', 'fr'], '--lang must be da or en, not "fr"'],
    [['--since', '2026-12-01', '--today', '2026-11-24'], '--since (2026-12-01) is after today (2026-11-24)'],
  ])('exits 2 with a message in both languages for %j', (args, message) => {
    const r = run([...args, '--content', content, '--out', path.join(tmp, 'out-usage')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
