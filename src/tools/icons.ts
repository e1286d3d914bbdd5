import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { ICONS, type Icon } from '../site/icons.ts';

/**
 * The site's PNG icons drawn from its SVG favicon (sharp renders the SVG with librsvg). Plain
 * icons are the favicon as it is, scaled; the Apple touch icon is laid on `background`, because
 * iOS shows transparent corners black; the maskable icon is the favicon at 70 % on a full
 * `background`, inside the circle of 80 % that launchers keep when they crop to a shape.
 */
export async function drawIcon(svg: Buffer, icon: Icon, background: string): Promise<Buffer> {
  const flat = icon.purpose === 'maskable' || icon.rel === 'apple-touch-icon';
  const inner = icon.purpose === 'maskable' ? Math.round(icon.size * 0.7) : icon.size;
  // Rendered at a density that gives the wanted size, not scaled up from the SVG's own 32 px.
  const drawn = await sharp(svg, { density: 72 * (inner / svgWidth(svg)) })
    .resize(inner, inner)
    .png()
    .toBuffer();
  if (!flat) return sharp(drawn).png({ compressionLevel: 9 }).toBuffer();
  return sharp({ create: { width: icon.size, height: icon.size, channels: 4, background } })
    .composite([{ input: drawn, gravity: 'centre' }])
    .flatten({ background })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** The SVG's width in user units (viewBox, else width), which sharp renders at 72 dpi. */
function svgWidth(svg: Buffer): number {
  const text = svg.toString('utf8');
  const viewBox = /viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)/.exec(text);
  const width = /<svg[^>]*\swidth\s*=\s*["']([\d.]+)/.exec(text);
  const w = Number(width?.[1] ?? viewBox?.[1]);
  return w > 0 ? w : 32;
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Every icon of ICONS, by its path, and the record of what they were drawn from. */
export async function drawIcons(
  svg: Buffer,
  background: string,
): Promise<{ files: Map<string, Buffer>; record: { favicon_sha256: string; background: string } }> {
  const files = new Map<string, Buffer>();
  for (const icon of ICONS) files.set(icon.path, await drawIcon(svg, icon, background));
  return { files, record: { favicon_sha256: sha256(svg), background } };
}
