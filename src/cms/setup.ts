import type { Taxonomies } from '../schemas/index.ts';
import type { Lang } from '../i18n/locale.ts';
import { productionBackend, proxyUrl, type CmsEnv } from '../lib/cms-env.ts';
import { cmsConfig, type CmsLayout } from './config.ts';
import type { CmsConfig } from './decap.ts';

export const LOCAL_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'];

/** What the admin page needs: the config per UI language, the local override, the taxonomies. */
export interface AdminSetup {
  configs: Record<Lang, CmsConfig>;
  /** Replaces backend and publish mode when the page is opened on this machine (decap-server). */
  local: Pick<CmsConfig, 'backend' | 'publish_mode'>;
  taxonomies: Taxonomies;
}

/** `layout` says which collections live elsewhere (the wiki in its own repository); see src/cms/layout.ts. */
export function adminSetup(env: CmsEnv, tax: Taxonomies, layout: CmsLayout = {}): AdminSetup {
  const backend = productionBackend(env);
  const siteUrl = env.SITE_URL || env.URL || undefined;
  const config = (lang: Lang) =>
    cmsConfig({
      tax,
      lang,
      backend,
      publishMode: 'editorial_workflow',
      contentPath: env.CMS_CONTENT_PATH || 'content',
      siteUrl,
      layout,
    });
  return {
    configs: { da: config('da'), en: config('en') },
    // The branch matters only with MODE=git: decap-server commits to it.
    local: {
      backend: { name: 'proxy', proxy_url: proxyUrl(env), branch: env.CMS_BRANCH || 'main' },
      // npm start --workflow: drafts, review and publishing, as in production.
      publish_mode: env.CMS_LOCAL_WORKFLOW === '1' ? 'editorial_workflow' : 'simple',
    },
    taxonomies: tax,
  };
}
