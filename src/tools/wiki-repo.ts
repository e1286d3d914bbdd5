import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bi, type Bilingual } from '../schemas/meta.ts';

/**
 * Where `npm run wiki:fetch` may fetch the network wiki from (WIKI_REPO): a public https://
 * address, or a folder on this machine (a path or file://). Everything else is refused before
 * git sees it: git's other transports include `ext::`, which runs a command, and ssh, which
 * would ask for keys a public repository does not need.
 */
export type WikiSource = { url: string; shown: string } | { problem: Bilingual };

export function wikiSource(value: string, cwd = process.cwd()): WikiSource {
  const text = value.trim();
  const must = bi(
    `WIKI_REPO skal være https://-adressen på det offentlige wiki-repository eller en mappe på denne maskine, ikke "${text}"`,
    `WIKI_REPO must be the https:// address of the public wiki repository or a folder on this machine, not "${text}"`,
  );
  if (/^https:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { problem: must };
    }
    if (url.username || url.password) {
      return {
        problem: bi(
          'WIKI_REPO må ikke indeholde brugernavn eller token: wiki-repositoriet er offentligt, og adressen skrives i byggeloggen',
          'WIKI_REPO must not carry a user name or token: the wiki repository is public, and the address is printed in build logs',
        ),
      };
    }
    return { url: url.href, shown: url.href };
  }
  let folder: string;
  if (/^file:\/\//i.test(text)) {
    try {
      folder = fileURLToPath(text);
    } catch {
      return { problem: must };
    }
  } else {
    // No scheme (`ssh://`, `git://`, `ext::`), no scp-like `host:path`, nothing git could read as an option.
    if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.includes('::') || text.startsWith('-') || !text)
      return { problem: must };
    folder = path.resolve(cwd, text);
  }
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    return { problem: bi(`${must.da}: ${folder} er ikke en mappe`, `${must.en}: ${folder} is not a folder`) };
  }
  // As a file:// URL git honours --depth for a local repository too.
  return { url: pathToFileURL(folder).href, shown: folder };
}

/** WIKI_BRANCH: a branch or tag name, never something git could take for an option or a path outside refs. */
export function wikiBranchProblem(name: string): Bilingual | undefined {
  const ok =
    /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(name) &&
    !name.includes('..') &&
    !name.includes('//') &&
    !/[./]$/.test(name) &&
    !name.endsWith('.lock');
  return ok
    ? undefined
    : bi(
        `WIKI_BRANCH skal være navnet på en gren eller et tag, fx main eller v2026.1, ikke "${name}"`,
        `WIKI_BRANCH must be a branch or tag name such as main or v2026.1, not "${name}"`,
      );
}

/** Text from a public repository (a commit subject) on one line without control characters, for a terminal. */
export function printable(text: string, max = 120): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
