import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

export interface IndexStats {
  pages: number;
  languages: string[];
  ms: number;
}

/** Indexes a built site with Pagefind; one index per `<html lang>` (Danish, English). */
export async function buildSearchIndex(siteDir: string): Promise<IndexStats> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: undefined });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    // The output folder is kept between builds (incremental builds): an earlier index's chunks go first.
    fs.rmSync(path.join(siteDir, 'pagefind'), { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    const files = await index.getFiles();
    const languages = [
      ...new Set(
        files.files
          .map((f) => (/^pagefind-entry\.json$/.test(f.path) ? JSON.parse(new TextDecoder().decode(f.content)) : null))
          .filter(Boolean)
          .flatMap((entry: { languages: Record<string, unknown> }) => Object.keys(entry.languages)),
      ),
    ];
    return { pages: added.page_count, languages, ms: performance.now() - started };
  } finally {
    await pagefind.close();
  }
}
