import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { LANGS, type Lang } from '../i18n/locale.ts';
import { useTranslations, type UIKey } from '../i18n/ui.ts';
import { languageName } from '../lib/labels.ts';
import { DIRECTORY_PAGE_SIZE, PAGE_SEGMENT, ROUTES } from '../site/routes.ts';
import type { Taxonomies } from '../schemas/index.ts';
import { openToLabels } from '../schemas/members.ts';
import { regionLabels } from '../schemas/settings.ts';

/**
 * The Hugo side of `npm run bench -- --compare hugo`: bench/hugo/ holds the fixed part of a
 * minimal Hugo site (config and layouts); this module writes the part that depends on the run
 * (where the synthetic content is, and the labels the pages show, taken from the same
 * dictionaries and taxonomies our site uses, so both sites print the same words).
 */

export const HUGO_SITE = path.resolve(import.meta.dirname, '../../bench/hugo');

/** The words the Hugo layouts print, per language, from src/i18n/ui.ts. */
const LABEL_KEYS = {
  title: 'members.title',
  back: 'members.back',
  type: 'type.member',
  trades: 'members.trades',
  services: 'members.services',
  contact: 'members.contact',
  municipality: 'members.municipality',
  region: 'members.region',
  opento: 'members.openTo',
  languages: 'members.languages',
  email: 'members.email',
  emailreveal: 'members.emailReveal',
  joined: 'members.joined',
} satisfies Record<string, UIKey>;

/** The member languages the synthetic content uses, and a few more, named as our pages name them. */
const LANGUAGE_CODES = ['da', 'en', 'de', 'sv', 'nb', 'fr', 'es', 'pl', 'uk', 'ar'];

function languageParams(lang: Lang, tax: Taxonomies) {
  const t = useTranslations(lang);
  return {
    labels: Object.fromEntries(Object.entries(LABEL_KEYS).map(([name, key]) => [name, t(key)])),
    // Maps, so a page looks a label up once instead of walking a list.
    trades: Object.fromEntries(tax.trades.map((tr) => [tr.id, tr[lang]])),
    places: Object.fromEntries(tax.municipalities.map((m) => [m.id, m.name])),
    regions: Object.fromEntries(
      tax.municipalities.map((m) => [m.id, regionLabels[m.region as keyof typeof regionLabels]?.[lang] ?? m.region]),
    ),
    opento: Object.fromEntries(Object.entries(openToLabels).map(([id, label]) => [id, label[lang]])),
    languagenames: Object.fromEntries(LANGUAGE_CODES.map((code) => [code, languageName(code, lang)])),
  };
}

/**
 * The run's Hugo config, given with bench/hugo/hugo.toml (`--config hugo.toml,<this file>`): the
 * content folder's members mounted once per language at the directory's path in that language
 * (/medlemmer/ and /en/members/), the directory's page size and page segment as ours, and the labels.
 */
export function hugoRunConfig(contentDir: string, tax: Taxonomies) {
  const dirPath = ROUTES.members.path as Record<Lang, string>;
  return {
    paginate: DIRECTORY_PAGE_SIZE,
    module: {
      mounts: LANGS.map((lang) => ({
        source: path.join(contentDir, 'members'),
        target: `content/${dirPath[lang]}`,
        lang,
      })),
    },
    languages: Object.fromEntries(
      LANGS.map((lang) => [lang, { paginatePath: PAGE_SEGMENT[lang], params: languageParams(lang, tax) }]),
    ),
  };
}

/** Hugo's version line, or undefined when there is no `hugo` on the PATH. */
export function hugoVersion(): string | undefined {
  const run = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return undefined;
  return run.stdout.trim();
}

/** The command line of one Hugo build into `outDir` with the run's config file. */
export function hugoBuildArgs(configFile: string, outDir: string, cacheDir: string): string[] {
  return [
    '--source',
    HUGO_SITE,
    '--config',
    `${path.join(HUGO_SITE, 'hugo.toml')},${configFile}`,
    '--destination',
    outDir,
    '--cacheDir',
    cacheDir,
    '--quiet',
  ];
}
