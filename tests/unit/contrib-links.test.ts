import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks, linksIn, pagePath } from '../../src/tools/link-check.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'mikronet-links-'));
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
  fs.writeFileSync(path.join(dist, rel), text);
};

write(
  'index.html',
  `<!doctype html><html><head><link rel="canonical" href="https://mikronet.dk/"><link rel="alternate" hreflang="en" href="https://mikronet.dk/en/">
<link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/app.js"></script>
<script>const x = '<a href="/i-et-script/">';</script></head><body>
<!-- <a href="/i-en-kommentar/"> -->
<a href="/medlemmer/">ok</a> <a href="/medlemmer/ukendt/">broken</a> <a href="medlemmer/anne/">relative ok</a>
<a href="/medlemmer">no slash, dir ok</a> <a href="/om/?side=2&amp;x=1#top">query ok</a> <a href="#indhold">anchor</a>
<a href="https://mikronet.dk/en/nope/">own origin, broken</a> <a href="https://example.dk/x/">external</a> <a href="mailto:a@b.dk">mail</a>
<a href="tel:+4512345678">tel</a> <a href='//cdn.example/x.js'>cdn</a> <img src="/media/mangler.png" srcset="/media/a.svg 1x, /media/b.svg 2x" alt="">
<a href="/s%C3%B8g/">encoded ok</a> <a href="{{ .SiteURL }}/admin/">template</a>
</body></html>`,
);
write('medlemmer/index.html', '<a href="../">up</a> <a href="anne/">anne</a> <a href="../nope.html">nope</a>');
write('medlemmer/anne/index.html', '<a href="/">home</a>');
write('om/index.html', '');
write('en/index.html', '');
write('søg/index.html', '');
write('_astro/site.css', '');
write('_astro/app.js', '');
write('media/a.svg', '');

describe('the link checker', () => {
  const report = checkLinks(dist);

  it('reports every internal link that points at no file, with its page', () => {
    expect(report.broken).toEqual([
      { page: '/', link: '/medlemmer/ukendt/', attribute: 'href' },
      { page: '/', link: 'https://mikronet.dk/en/nope/', attribute: 'href' },
      { page: '/', link: '/media/mangler.png', attribute: 'src' },
      { page: '/', link: '/media/b.svg', attribute: 'srcset' },
      { page: '/medlemmer/', link: '../nope.html', attribute: 'href' },
    ]);
    expect(report.origin).toBe('https://mikronet.dk');
  });

  it('ignores external links, mail and phone links, anchors, scripts, comments and template placeholders', () => {
    const links = linksIn(fs.readFileSync(path.join(dist, 'index.html'), 'utf8')).map((l) => l.url);
    expect(links).not.toContain('/i-et-script/');
    expect(links).not.toContain('/i-en-kommentar/');
    expect(links).toContain('/om/?side=2&x=1#top');
    expect(report.broken.map((b) => b.link).join(' ')).not.toMatch(/example\.dk|mailto|tel:|cdn|indhold|SiteURL/);
  });

  it('maps built files to site paths', () => {
    expect(pagePath('medlemmer/anne/index.html')).toBe('/medlemmer/anne/');
    expect(pagePath('404.html')).toBe('/404.html');
  });

  it('npm run check:links prints page and link and exits 1; 0 when all is well; 2 without a built site', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'scripts/check-links.ts'), ...args], { encoding: 'utf8' });
    const r = run(dist);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')).toContain(
      '/: /medlemmer/ukendt/ (href): no such file in the built site — findes ikke i det byggede site',
    );
    expect(r.stderr).toContain('5 broken link(s) in 2 page(s) of 6');
    expect(run(path.join(dist, 'medlemmer/anne')).status).toBe(0);
    expect(run(path.join(dist, 'nothing-here')).status).toBe(2);
  });
});
