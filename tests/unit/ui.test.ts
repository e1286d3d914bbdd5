import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTranslations, ui } from '../../src/i18n/ui.ts';

describe('UI strings', () => {
  it('exist in Danish and English for every key, never empty', () => {
    expect(Object.keys(ui.en).sort()).toEqual(Object.keys(ui.da).sort());
    for (const lang of ['da', 'en'] as const)
      for (const [k, v] of Object.entries(ui[lang])) expect(v.trim(), `${lang} ${k}`).not.toBe('');
  });
  it('are all used: every key is named somewhere in src/ (lang.* are picked by language code)', () => {
    const root = path.resolve(import.meta.dirname, '../../src');
    const sources = (fs.readdirSync(root, { recursive: true }) as string[])
      .filter((f) => /\.(ts|astro)$/.test(f) && f !== path.join('i18n', 'ui.ts'))
      .map((f) => fs.readFileSync(path.join(root, f), 'utf8'))
      .join('\n');
    const unused = Object.keys(ui.da).filter((k) => !k.startsWith('lang.') && !sources.includes(`'${k}'`));
    expect(unused).toEqual([]);
  });
  it('fill placeholders', () => {
    expect(useTranslations('da')('members.count', { n: 42 })).toBe('42 medlemmer');
    expect(useTranslations('en')('blog.pageOf', { page: 2, pages: 5 })).toBe('Page 2 of 5');
  });
});
