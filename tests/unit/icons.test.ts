import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  cssCustomProperty,
  ICONS,
  ICONS_SOURCE_RECORD,
  manifestPath,
  siteColours,
  webManifest,
} from '../../src/site/icons.ts';
import { sha256 } from '../../src/tools/icons.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const css = fs.readFileSync(path.join(ROOT, 'src/styles/global.css'), 'utf8');

describe('the site icons', () => {
  it('were drawn from the favicon as it is now (else: node scripts/icons.ts)', () => {
    const record = JSON.parse(fs.readFileSync(path.join(ROOT, ICONS_SOURCE_RECORD), 'utf8'));
    expect(record.favicon_sha256).toBe(sha256(fs.readFileSync(path.join(ROOT, 'public/favicon.svg'))));
    expect(record.background).toBe(cssCustomProperty(css, '--color-accent'));
  });

  it('exist as PNGs of their declared sizes; the maskable and Apple ones have no transparent corner', async () => {
    for (const icon of ICONS) {
      const file = path.join(ROOT, 'public', icon.path);
      const meta = await sharp(file).metadata();
      expect([meta.format, meta.width, meta.height], icon.path).toEqual(['png', icon.size, icon.size]);
      if (icon.purpose === 'maskable' || icon.rel === 'apple-touch-icon') {
        const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
        expect(data[info.channels - 1], `${icon.path} corner alpha`).toBe(255);
      }
    }
  });
});

describe('the web manifest', () => {
  const settings = { name: 'Mikronet Lolland-Falster', description: { da: 'Netværket', en: 'The network' } };
  it('starts at the home page of its language, in its language, with the colours of the stylesheet', () => {
    const m = webManifest(settings, 'en', siteColours(css));
    expect(m).toMatchObject({ lang: 'en', start_url: '/en/', scope: '/en/', description: 'The network' });
    expect(m.theme_color).toBe('#0b5d6b');
    expect(m.background_color).toBe(cssCustomProperty(css, '--color-bg'));
    expect(m.short_name.length).toBeLessThanOrEqual(12);
    expect(m.icons.filter((i) => i.purpose === 'maskable')).toHaveLength(1);
    expect(m.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifestPath('da')).toBe('/manifest.webmanifest');
    expect(manifestPath('en')).toBe('/en/manifest.webmanifest');
  });
});
