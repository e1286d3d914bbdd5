import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllHeaders } from '@netlify/headers-parser';
import { describe, expect, it } from 'vitest';
import {
  adminPolicy,
  EVERYWHERE,
  formatHeadersFile,
  formatPolicy,
  hashSource,
  headerRules,
  MEDIA_POLICY,
  mergeCode,
  metaPolicy,
  pageCode,
  sitePolicy,
  withMetaPolicy,
  withoutOverlaps,
  type HeaderRule,
} from '../../src/lib/csp.ts';

const page = (head: string, body = '') =>
  `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('the inline code of a page', () => {
  it('hashes a script as the CSP specification does', () => {
    // The example of the CSP Level 3 specification.
    expect(hashSource("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  });

  it('finds inline classic and module scripts, and skips external scripts and data blocks', () => {
    const code = pageCode(
      page(
        '<script>a()</script><script type="module">b()</script><script src="/x.js"></script>' +
          '<script type="application/json" id="cms-setup">{"a":1}</script><script type="application/ld+json">{}</script>',
        '<script type="text/javascript">c()</script>',
      ),
    );
    expect(code.scripts).toEqual(['a()', 'b()', 'c()']);
  });

  it('finds <style> elements and style attributes, with entities decoded as the browser reads them', () => {
    const code = pageCode(
      page('<style>.a{color:red}</style>', '<p style="color:&quot;red&quot;">x</p><style>#k:checked ~ ul {}</style>'),
    );
    expect(code.styles).toEqual(['.a{color:red}', '#k:checked ~ ul {}']);
    expect(code.styleAttributes).toEqual(['color:"red"']);
  });

  it('reads line breaks as the browser does (CRLF becomes LF before hashing)', () => {
    const code = pageCode(page('<script>a();\r\nb();</script>'));
    expect(code.scripts).toEqual(['a();\nb();']);
  });

  it('skips a script inside <noscript>, which never runs, but counts its styles, which apply without JavaScript', () => {
    const code = pageCode(page('', '<noscript><script>x()</script><p style="color:red">y</p></noscript>'));
    expect(code.scripts).toEqual([]);
    expect(code.styleAttributes).toEqual(['color:red']);
  });

  it('places the <meta> policy right after <meta charset>, before anything that loads', () => {
    const html = page('<title>t</title><script>a()</script>');
    const { metaOffset } = pageCode(html);
    expect(html.slice(0, metaOffset)).toMatch(/<meta charset="utf-8">$/);
    const out = withMetaPolicy(html, metaOffset!, sitePolicy(pageCode(html)));
    expect(out).toMatch(
      /<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src [^"]+"><title>/,
    );
  });
});

describe('the site policy', () => {
  const code = mergeCode([
    { scripts: ['a()'], styles: ['.x{}'], styleAttributes: [] },
    { scripts: ['a()', 'b()'], styles: [], styleAttributes: [] },
  ]);
  const policy = sitePolicy(code);

  it('allows the site’s own files and exactly its inline code, never inline code in general', () => {
    expect(policy['script-src']).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
      ...[hashSource('a()'), hashSource('b()')].sort(),
    ]);
    expect(policy['style-src']).toEqual(["'self'", hashSource('.x{}')]);
    expect(formatPolicy(policy)).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*|https?:/);
  });

  it('forbids plugins, other base URLs, forms to other sites and being framed', () => {
    expect(policy).toMatchObject({
      'default-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      'upgrade-insecure-requests': [],
    });
  });

  it("allows a style attribute only by its hash, with 'unsafe-hashes'", () => {
    const withAttr = sitePolicy({ scripts: [], styles: [], styleAttributes: ['color:red'] });
    expect(withAttr['style-src']).toEqual(["'self'", "'unsafe-hashes'", hashSource('color:red')]);
  });

  it('leaves out of the <meta> what only a header can carry', () => {
    expect(Object.keys(metaPolicy(policy))).not.toContain('frame-ancestors');
    expect(Object.keys(metaPolicy(MEDIA_POLICY))).not.toContain('sandbox');
    expect(metaPolicy(policy)['script-src']).toEqual(policy['script-src']);
  });
});

describe('the CMS policy', () => {
  it('lets Decap run (eval for ajv, inline styles for Emotion) and talk to decap-server and Git Gateway', () => {
    const p = adminPolicy({});
    expect(p['script-src']).toEqual(["'self'", "'unsafe-eval'"]);
    expect(p['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(p['connect-src']).toEqual(["'self'", 'blob:', 'http://127.0.0.1:8081', 'https://www.netlifystatus.com']);
    expect(p['frame-ancestors']).toEqual(["'none'"]);
  });

  it('follows CMS_PROXY_URL and the github backend with its OAuth server', () => {
    const p = adminPolicy({
      CMS_PROXY_URL: 'http://127.0.0.1:9999/api/v1',
      CMS_BACKEND: 'github',
      CMS_REPO: 'mikronet/site',
      CMS_AUTH_URL: 'https://auth.mikronet.dk/oauth',
    });
    expect(p['connect-src']).toEqual([
      "'self'",
      'blob:',
      'http://127.0.0.1:9999',
      'https://api.github.com',
      'https://www.githubstatus.com',
      'https://auth.mikronet.dk',
    ]);
    expect(p['img-src']).toContain('https://avatars.githubusercontent.com');
  });

  it('allows the admin page’s own inline scripts by hash only', () => {
    expect(adminPolicy({}, { scripts: ['x()'], styles: [], styleAttributes: [] })['script-src']).toEqual([
      "'self'",
      "'unsafe-eval'",
      hashSource('x()'),
    ]);
  });
});

describe('the rules of _headers', () => {
  const policies = {
    site: sitePolicy({ scripts: ['a()'], styles: [], styleAttributes: [] }),
    admin: adminPolicy({}),
    adminPopups: false,
  };
  const entries = [
    { name: 'index.html', directory: false },
    { name: '404.html', directory: false },
    { name: '_astro', directory: true },
    { name: 'admin', directory: true },
    { name: 'media', directory: true },
    { name: 'medlemmer', directory: true },
    { name: 'en', directory: true },
    { name: 'favicon.svg', directory: false },
  ];
  const rules = headerRules(entries, policies);
  const rule = (p: string) => rules.find((r) => r.for === p);

  it('gives /* the headers that are the same everywhere, and no policy', () => {
    expect(rule('/*')!.values).toEqual(EVERYWHERE);
    expect(Object.keys(rule('/*')!.values)).not.toContain('Content-Security-Policy');
    expect(EVERYWHERE['Strict-Transport-Security']).toMatch(/^max-age=(\d+)$/);
    expect(Number(EVERYWHERE['Strict-Transport-Security'].slice(8))).toBeGreaterThanOrEqual(365 * 24 * 3600);
    expect(EVERYWHERE['Strict-Transport-Security']).not.toMatch(/preload|includeSubDomains/);
  });

  it('gives the home page and every top-level entry but admin and media the site policy', () => {
    const site = formatPolicy(policies.site);
    for (const p of ['/', '/index.html', '/404.html', '/_astro/*', '/medlemmer/*', '/en/*', '/favicon.svg']) {
      expect(rule(p)?.values['Content-Security-Policy'], p).toBe(site);
    }
    expect(rule('/admin/*')!.values['Content-Security-Policy']).toBe(formatPolicy(policies.admin));
    expect(rule('/media/*')!.values['Content-Security-Policy']).toBe(
      "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox",
    );
    expect(rule('/_astro/*')!.values['Cache-Control']).toBe('public, max-age=31536000, immutable');
  });

  it('lets the CMS keep its login popup only with the github backend', () => {
    expect(rule('/admin/*')!.values['Cross-Origin-Opener-Policy']).toBe('same-origin');
    const github = headerRules(entries, { ...policies, adminPopups: true });
    expect(github.find((r) => r.for === '/admin/*')!.values['Cross-Origin-Opener-Policy']).toBe(
      'same-origin-allow-popups',
    );
  });

  it('drops a rule that another with the same headers covers (hosts read /en/* as every path starting with /en)', async () => {
    const kept = await withoutOverlaps(headerRules([...entries, { name: 'entre', directory: true }], policies));
    expect(kept.map((r) => r.for)).not.toContain('/entre/*');
    expect(kept.map((r) => r.for)).toContain('/en/*');
  });

  it('refuses a page whose address would also get the uploads’ or the CMS’s policy, naming what to rename', async () => {
    await expect(
      withoutOverlaps(headerRules([...entries, { name: 'mediation', directory: true }], policies)),
    ).rejects.toThrow(
      /\/media\/\* and \/mediation\/\* would both apply to \/mediation .*Rename \/mediation\/ .*Omdøb \/mediation\//,
    );
    await expect(withoutOverlaps(headerRules([...entries, { name: 'ad', directory: true }], policies))).rejects.toThrow(
      /Rename \/ad\//,
    );
  });

  it('is written in the format Netlify’s own parser reads back unchanged', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'headers-')), '_headers');
    fs.writeFileSync(file, formatHeadersFile(rules));
    const { headers, errors } = await parseAllHeaders({ headersFiles: [file], configHeaders: [], minimal: true });
    expect(errors).toEqual([]);
    expect(headers as HeaderRule[]).toEqual(rules);
  });
});
