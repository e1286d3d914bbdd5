import type { Taxonomies } from '../schemas/index.ts';
import { cmsConfig, type CmsLayout, type DecapBackend, type DecapConfig } from './config.ts';
import type { CmsLang } from './fields.ts';

/** Build-time settings for the CMS (environment variables; see README, "Redigering / Editing"). */
export interface CmsEnv {
  /** `git-gateway` (Netlify Identity, the default) or `github`. */
  CMS_BACKEND?: string;
  /** `owner/name` of the GitHub repository (github backend). */
  CMS_REPO?: string;
  /** Branch the CMS commits to (default `main`). */
  CMS_BRANCH?: string;
  /** OAuth server for the github backend when the site is not on Netlify. */
  CMS_AUTH_URL?: string;
  CMS_AUTH_ENDPOINT?: string;
  /** decap-server's API, used when the admin page is opened on localhost. */
  CMS_PROXY_URL?: string;
  /** The content folder relative to the repository root (default `content`). */
  CMS_CONTENT_PATH?: string;
  SITE_URL?: string;
  URL?: string;
}

export const DEFAULT_PROXY_URL = 'http://127.0.0.1:8081/api/v1';
export const LOCAL_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'];

export function productionBackend(env: CmsEnv): DecapBackend {
  const branch = env.CMS_BRANCH || 'main';
  const name = env.CMS_BACKEND || 'git-gateway';
  if (name === 'git-gateway') return { name, branch };
  if (name === 'github') {
    if (!env.CMS_REPO || !/^[\w.-]+\/[\w.-]+$/.test(env.CMS_REPO)) {
      throw new Error(
        'CMS_BACKEND=github needs CMS_REPO=owner/name (the GitHub repository the CMS commits to) — CMS_BACKEND=github kræver CMS_REPO=ejer/navn',
      );
    }
    return {
      name,
      repo: env.CMS_REPO,
      branch,
      ...(env.CMS_AUTH_URL ? { base_url: env.CMS_AUTH_URL } : {}),
      ...(env.CMS_AUTH_ENDPOINT ? { auth_endpoint: env.CMS_AUTH_ENDPOINT } : {}),
    };
  }
  throw new Error(`CMS_BACKEND must be git-gateway or github, not "${name}" — CMS_BACKEND skal være git-gateway eller github`);
}

export function proxyUrl(env: CmsEnv): string {
  return env.CMS_PROXY_URL || DEFAULT_PROXY_URL;
}

/** What the admin page needs: the config per UI language, the local override, the taxonomies. */
export interface AdminSetup {
  configs: Record<CmsLang, DecapConfig>;
  /** Replaces backend and publish mode when the page is opened on this machine (decap-server). */
  local: Pick<DecapConfig, 'backend' | 'publish_mode'>;
  taxonomies: Taxonomies;
}

/** `layout` says which collections live elsewhere (the wiki in its own repository); see src/cms/layout.ts. */
export function adminSetup(env: CmsEnv, tax: Taxonomies, layout: CmsLayout = {}): AdminSetup {
  const backend = productionBackend(env);
  const siteUrl = env.SITE_URL || env.URL || undefined;
  const config = (lang: CmsLang) =>
    cmsConfig({ tax, lang, backend, publishMode: 'editorial_workflow', contentPath: env.CMS_CONTENT_PATH || 'content', siteUrl, layout });
  return {
    configs: { da: config('da'), en: config('en') },
    // The branch matters only with MODE=git: decap-server commits to it.
    local: { backend: { name: 'proxy', proxy_url: proxyUrl(env), branch: env.CMS_BRANCH || 'main' }, publish_mode: 'simple' },
    taxonomies: tax,
  };
}
