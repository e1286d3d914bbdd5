import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import sirv from 'sirv';
import type { Plugin } from 'vite';
import { ADMIN_ASSETS_DIR, copyAdminBundle, ensureAdminBundle, type AdminBundle } from '../tools/admin-bundle.ts';

/** What the admin page imports to learn the URL of the prebuilt script. */
export const ADMIN_SCRIPT_MODULE = 'virtual:mikronet/admin-script';
const RESOLVED = `\0${ADMIN_SCRIPT_MODULE}`;

/**
 * The CMS admin script, out of Astro's own client build: built by src/tools/admin-bundle.ts (or
 * taken from its cache) before the pages render, copied into `<outDir>/admin/assets/` after the
 * build, and served from the cache by the dev server. The admin page gets the script's URL from
 * the virtual module `virtual:mikronet/admin-script`.
 */
export function adminBundle(): AstroIntegration {
  let root = process.cwd();
  let command: string = 'build';
  let logger: AstroIntegrationLogger | undefined;
  let building: Promise<AdminBundle> | undefined;
  let latest: AdminBundle | undefined;
  const ensure = () => {
    const started = performance.now();
    building ??= ensureAdminBundle({ root, log: (line) => logger?.info(line) }).then(
      (bundle) => {
        const ms = (performance.now() - started).toFixed(0);
        if (!bundle.built) logger?.info(`admin bundle ${bundle.script} from the cache (${ms} ms)`);
        return (latest = bundle);
      },
      (error: unknown) => {
        building = undefined;
        throw error;
      },
    );
    return building;
  };

  const scriptModule: Plugin = {
    name: 'mikronet:admin-script',
    resolveId: (id) => (id === ADMIN_SCRIPT_MODULE ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      // In dev, every load checks the inputs again: an edited CMS file rebuilds the bundle.
      if (command === 'dev') building = undefined;
      const bundle = await ensure();
      for (const file of bundle.modules) this.addWatchFile(path.resolve(root, file));
      return `export default ${JSON.stringify(bundle.script)};`;
    },
  };

  return {
    name: 'mikronet:admin-bundle',
    hooks: {
      'astro:config:setup': async ({ config, command: cmd, updateConfig, logger: log }) => {
        root = fileURLToPath(config.root);
        command = cmd;
        logger = log;
        updateConfig({ vite: { plugins: [scriptModule] } });
        // First thing in a build, before the content is loaded: a bundle that has to be built
        // then (a child process of about 1 GiB) does not add its memory to the content build's.
        if (cmd === 'build') await ensure();
      },
      'astro:server:setup': ({ server }) => {
        // Started now so /admin/ is ready sooner; a failure is reported when the page asks again.
        ensure().catch((error: unknown) => logger?.error(String(error)));
        const serve = new Map<string, ReturnType<typeof sirv>>();
        server.middlewares.use(`/${ADMIN_ASSETS_DIR}`, (req, res, next) => {
          if (!latest) return next();
          const { dir } = latest;
          if (!serve.has(dir)) serve.set(dir, sirv(path.join(dir, 'assets'), { dev: true, etag: true }));
          serve.get(dir)!(req, res, next);
        });
      },
      'astro:build:done': async ({ dir }) => {
        copyAdminBundle(await ensure(), fileURLToPath(dir));
      },
    },
  };
}
