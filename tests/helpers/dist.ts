import fs from 'node:fs';
import path from 'node:path';

/** Every HTML file under a built site, as [relative path, contents]. */
export function htmlFiles(dist: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro') walk(abs);
      } else if (entry.name.endsWith('.html')) out.push([path.relative(dist, abs), fs.readFileSync(abs, 'utf8')]);
    }
  };
  walk(dist);
  return out;
}

/** The file a site path is served from: /medlemmer/x/ → medlemmer/x/index.html */
export function fileFor(dist: string, urlPath: string): string {
  const p = new URL(urlPath, 'http://x').pathname;
  return path.join(dist, p.endsWith('/') ? `${p}index.html` : p);
}

export function hreflangLinks(html: string): Record<string, string> {
  const links: Record<string, string> = {};
  for (const m of html.matchAll(/<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"/g)) links[m[1]] = m[2];
  return links;
}
