import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import satori, { type Font } from 'satori';
import { SOCIAL_IMAGE_SIZE, type SocialCard } from './social-image.ts';

/**
 * Draws a link-preview picture: satori lays the card out as SVG (flexbox, text wrapping, line
 * clamps) and resvg renders it to PNG. No system fonts are read, so the bytes depend only on the
 * card, the design and the bundled Inter font: the same card gives the same PNG on every machine.
 */

// The site's colours (src/styles/global.css custom properties).
const COLOR = {
  bg: '#fbfaf7',
  text: '#1d2327',
  muted: '#505a61',
  accent: '#0b5d6b',
  accentStrong: '#08414b',
  accentSoft: '#e3f0f1',
};

/** Inter from @fontsource (satori reads .woff, not .woff2); Latin Extended for names such as Łukasz or Şahin. */
export function loadFonts(): Font[] {
  const require = createRequire(import.meta.url);
  const file = (subset: string, weight: number) =>
    fs.readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`));
  return [400, 700].flatMap((weight) => [
    { name: 'Inter', data: file('latin', weight), weight: weight as 400 | 700, style: 'normal' as const },
    { name: 'Inter Ext', data: file('latin-ext', weight), weight: weight as 400 | 700, style: 'normal' as const },
  ]);
}

interface Node {
  type: string;
  props: { style: Record<string, unknown>; children?: Node[] | string };
}
const el = (style: Record<string, unknown>, children?: Node[] | string): Node => ({
  type: 'div',
  props: { style, children },
});

/** The card as satori's element tree; long text is clamped to a few lines with an ellipsis. */
export function cardTree(card: SocialCard): Node {
  const { width, height } = SOCIAL_IMAGE_SIZE;
  const long = card.title.length > 60;
  const clamp = (lines: number) => ({ display: 'block', lineClamp: lines, overflow: 'hidden' });
  return el(
    {
      width,
      height,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      boxSizing: 'border-box',
      padding: '64px 72px 56px',
      borderTop: `24px solid ${COLOR.accent}`,
      background: COLOR.bg,
      color: COLOR.text,
      fontFamily: 'Inter, Inter Ext',
    },
    [
      el({ display: 'flex', flexDirection: 'column', width: width - 144 }, [
        ...(card.kicker
          ? [el({ ...clamp(1), fontSize: 30, fontWeight: 700, color: COLOR.accent, letterSpacing: 1 }, card.kicker)]
          : []),
        el(
          { ...clamp(3), fontSize: long ? 62 : 76, fontWeight: 700, lineHeight: 1.12, marginTop: card.kicker ? 16 : 0 },
          card.title,
        ),
        ...card.lines
          .slice(0, 3)
          .map((line) => el({ ...clamp(1), fontSize: 36, lineHeight: 1.3, color: COLOR.muted, marginTop: 16 }, line)),
      ]),
      el({ display: 'flex', alignItems: 'center' }, [
        el({ width: 40, height: 40, borderRadius: 20, background: COLOR.accent, marginRight: 16 }),
        el({ ...clamp(1), fontSize: 32, fontWeight: 700, color: COLOR.accentStrong }, card.siteName || ' '),
      ]),
    ],
  );
}

export async function drawCard(card: SocialCard, fonts: Font[]): Promise<Uint8Array> {
  const { width, height } = SOCIAL_IMAGE_SIZE;
  const svg = await satori(cardTree(card) as Parameters<typeof satori>[0], { width, height, fonts });
  const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
  // A card is a few flat colours and text: as a palette PNG it is a third of resvg's full-colour
  // one (22.6 → 6.8 KB for a member), which at 10,000 members is 150 MB less to deploy. The
  // quantiser's least effort halves its time (56 → 28 ms a card) for 3 % more bytes.
  return sharp(png).png({ palette: true, quality: 90, compressionLevel: 9, effort: 1 }).toBuffer();
}
