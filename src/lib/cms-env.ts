/**
 * The CMS's build-time settings from the environment: which git backend it commits through, and
 * where the local backend listens. Read by the admin page's config (src/cms/setup.ts) and by its
 * Content-Security-Policy (src/lib/csp.ts), so both name the same servers.
 */

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
  /** `1`: the local admin page uses the editorial workflow (set by `npm start --workflow`). */
  CMS_LOCAL_WORKFLOW?: string;
  /** The content folder relative to the repository root (default `content`). */
  CMS_CONTENT_PATH?: string;
  SITE_URL?: string;
  URL?: string;
}

/** A backend as Decap's config names it (`backend:`); the CMS's types check it fits Decap's. */
export type BackendSetting =
  | { name: 'git-gateway'; branch: string }
  | { name: 'github'; repo: string; branch: string; base_url?: string; auth_endpoint?: string }
  | { name: 'proxy'; proxy_url: string; branch?: string };

export const DEFAULT_PROXY_URL = 'http://127.0.0.1:8081/api/v1';

/** The backend of the published admin page; a wrong setting stops the build with what to set. */
export function productionBackend(env: CmsEnv): BackendSetting {
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
  throw new Error(
    `CMS_BACKEND must be git-gateway or github, not "${name}" — CMS_BACKEND skal være git-gateway eller github`,
  );
}

/** The local backend's API, used when the admin page is opened on this machine. */
export function proxyUrl(env: CmsEnv): string {
  return env.CMS_PROXY_URL || DEFAULT_PROXY_URL;
}
