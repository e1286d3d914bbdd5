import type { Lang } from '../i18n/locale.ts';
import { routePath } from './routes.ts';

/**
 * The site's icons: PNGs drawn from public/favicon.svg by scripts/icons.ts and kept in
 * public/icons/ (committed, so a build needs no image work for them). The page head links them,
 * the web manifests list them, and the network's structured data names the largest as its logo.
 */

export const FAVICON_SVG = '/favicon.svg';

export interface Icon {
  /** Root-relative path in the built site. */
  path: string;
  size: number;
  /** `maskable`: drawn inside the safe zone on a full background, for launchers that crop to a shape. */
  purpose: 'any' | 'maskable';
  /** What the page head does with it (the manifest lists the rest). */
  rel?: 'icon' | 'apple-touch-icon';
}

export const ICONS: readonly Icon[] = [
  { path: '/icons/icon-32.png', size: 32, purpose: 'any', rel: 'icon' },
  { path: '/icons/apple-touch-icon.png', size: 180, purpose: 'any', rel: 'apple-touch-icon' },
  { path: '/icons/icon-192.png', size: 192, purpose: 'any' },
  { path: '/icons/icon-512.png', size: 512, purpose: 'any' },
  { path: '/icons/icon-maskable-512.png', size: 512, purpose: 'maskable' },
];

/** The network's logo in structured data: the largest plain icon. */
export const LOGO = ICONS.find((i) => i.size === 512 && i.purpose === 'any')!;

/** Where the icons record the favicon they were drawn from (its SHA-256), so a stale set is noticed. */
export const ICONS_SOURCE_RECORD = 'public/icons/source.json';

/** The web manifest of one language's site: /manifest.webmanifest, /en/manifest.webmanifest. */
export const manifestPath = (lang: Lang) => `${routePath('home', lang)}manifest.webmanifest`;

/** A custom property's value in a stylesheet: `--color-accent: #0b5d6b;` → #0b5d6b. */
export function cssCustomProperty(css: string, name: string): string | undefined {
  const m = new RegExp(`${name.replace(/-/g, '\\-')}\\s*:\\s*([^;}]+)[;}]`).exec(css);
  return m?.[1]?.trim();
}

/** The colours a browser paints around the site (theme) and behind its start (background), from global.css. */
export function siteColours(css: string): { theme: string; background: string } {
  return {
    theme: cssCustomProperty(css, '--color-accent') ?? '#000000',
    background: cssCustomProperty(css, '--color-bg') ?? '#ffffff',
  };
}

/** A web app manifest for one language (https://www.w3.org/TR/appmanifest/). */
export function webManifest(
  settings: { name: string; description: Record<Lang, string> },
  lang: Lang,
  colours: { theme: string; background: string },
) {
  const home = routePath('home', lang);
  return {
    id: home,
    name: settings.name,
    // Launchers show about 12 characters under an icon.
    short_name: settings.name.length <= 12 ? settings.name : settings.name.split(/\s+/)[0]!.slice(0, 12),
    description: settings.description[lang],
    lang,
    dir: 'ltr',
    start_url: home,
    scope: home,
    display: 'minimal-ui',
    theme_color: colours.theme,
    background_color: colours.background,
    icons: [
      { src: FAVICON_SVG, sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ...ICONS.filter((i) => i.size >= 192).map((i) => ({
        src: i.path,
        sizes: `${i.size}x${i.size}`,
        type: 'image/png',
        purpose: i.purpose,
      })),
    ],
  };
}
