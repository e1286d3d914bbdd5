import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');
const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');
const inside = (file: string, folder: string) => !path.relative(path.join(SRC, folder), file).startsWith('..');

/** Every TypeScript file under a folder of src/. */
function sources(folder: string): string[] {
  return fs
    .readdirSync(path.join(SRC, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/**
 * What a file imports: static, dynamic and type-only imports and re-exports, read by TypeScript's
 * own pre-parser (so an import in a comment or a string does not count). Relative ones resolved.
 */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return importedFiles.map(({ fileName }) =>
    fileName.startsWith('.') ? path.resolve(path.dirname(file), fileName) : fileName,
  );
}

describe('which folder may import which', () => {
  it('finds the imports it looks for', () => {
    expect(sources('lib').length).toBeGreaterThan(10);
    expect(sources('tools').length).toBeGreaterThan(10);
    expect(importsOf(path.join(SRC, 'cms/format.ts'))).toContain(path.join(SRC, 'lib/yaml-edit.ts'));
  });

  it('src/lib and src/tools import nothing from src/cms: the CMS builds on them, not the other way round', () => {
    const fromCms = [...sources('lib'), ...sources('tools')].flatMap((file) =>
      importsOf(file)
        .filter((target) => path.isAbsolute(target) && inside(target, 'cms'))
        .map((target) => `${rel(file)} → ${rel(target)}`),
    );
    expect(fromCms).toEqual([]);
  });

  it('the YAML editing (src/lib/yaml-edit.ts) imports the yaml package only: no Decap, and nothing the browser lacks', () => {
    expect(importsOf(path.join(SRC, 'lib/yaml-edit.ts'))).toEqual(['yaml']);
  });
});
