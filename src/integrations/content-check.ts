import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { openParseCache } from '../lib/content/parse-cache.ts';
import { contentDir, mediaDir } from '../lib/content/paths.ts';
import { checkMediaFolder } from '../lib/media.ts';
import { validateContent } from '../lib/content/validate.ts';
import { issueLine, UNSAFE_CODES } from '../lib/content/issues.ts';

/**
 * Runs the same validator as `npm run check` (and its media check) before Astro loads content,
 * so a build fails with every problem listed (file, field, fix) rather than the first one
 * Astro meets.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'mikronet:content-check',
    hooks: {
      'astro:config:setup': async ({ command, logger, config }) => {
        if (command !== 'build' && command !== 'dev') return;
        // Files parsed by an earlier build with this cache folder are not parsed again.
        const cache = openParseCache(path.join(fileURLToPath(config.cacheDir), 'mikronet-parsed.bin'));
        // The media folder is published as it is (public/media/): a disguised file or an SVG
        // with script in it must not reach the site.
        const issues = [...validateContent(contentDir(), { cache }).issues, ...(await checkMediaFolder(mediaDir()))];
        if (issues.length === 0) return;
        // While editing, problems are shown but do not stop the dev server, unless a file is
        // unsafe to give to Astro's loader (a link out of the folder, a huge or non-YAML file).
        if (command === 'dev' && !issues.some((i) => UNSAFE_CODES.has(i.code))) {
          for (const issue of issues) logger.warn(issueLine(issue));
          return;
        }
        for (const issue of issues) logger.error(issueLine(issue));
        throw new Error(
          `${issues.length} content problem(s) stop the build; fix them and build again (npm run check lists them) — ` +
            `${issues.length} indholdsproblem(er) stopper bygningen`,
        );
      },
    },
  };
}
