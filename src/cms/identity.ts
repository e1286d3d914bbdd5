import { bi } from '../schemas/meta.ts';
import type { Lang } from '../i18n/locale.ts';

/**
 * Netlify Identity's e-mails (invitation, password reset, address confirmation) link to
 * /admin/#invite_token=… and so on (see public/admin/emails/). Decap's built-in git-gateway
 * login only logs in; these finish the link against Identity's API (GoTrue), so no extra
 * widget has to be loaded.
 */

export type IdentityLinkKind = 'invite' | 'recovery' | 'confirmation';

export interface IdentityLink {
  kind: IdentityLinkKind;
  token: string;
}

export function identityLink(hash: string): IdentityLink | undefined {
  // Decap's router has already made "#invite_token=…" into "#/invite_token=…" by the time we look.
  const m = /^#\/?(invite|recovery|confirmation)_token=([^&]+)/.exec(hash);
  return m ? { kind: m[1] as IdentityLinkKind, token: decodeURIComponent(m[2]) } : undefined;
}

/** Whether finishing the link needs a new password from the person. */
export const needsPassword = (link: IdentityLink) => link.kind !== 'confirmation';

type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

async function call(
  fetcher: Fetch,
  url: string,
  method: string,
  body: unknown,
  token?: string,
): Promise<Record<string, unknown>> {
  const res = await fetcher(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = ((await res.json().catch(() => ({}))) ?? {}) as Record<string, unknown>;
  if (!res.ok) throw new Error(String(json.msg ?? json.error_description ?? json.error ?? `HTTP ${res.status}`));
  return json;
}

/** Accepts an invitation, resets a password or confirms an address. */
export async function completeIdentityLink(
  link: IdentityLink,
  password: string | undefined,
  identityUrl = '/.netlify/identity',
  fetcher: Fetch = fetch,
): Promise<void> {
  const verify = `${identityUrl}/verify`;
  if (link.kind === 'invite') {
    await call(fetcher, verify, 'POST', { token: link.token, type: 'signup', password });
  } else if (link.kind === 'confirmation') {
    await call(fetcher, verify, 'POST', { token: link.token, type: 'signup' });
  } else {
    const session = await call(fetcher, verify, 'POST', { token: link.token, type: 'recovery' });
    await call(fetcher, `${identityUrl}/user`, 'PUT', { password }, String(session.access_token ?? ''));
  }
}

/**
 * "Glemt adgangskode?": asks Identity to e-mail a password-reset link, which leads back to
 * /admin/#recovery_token=… (finished by identityPage).
 */
export async function requestRecovery(
  email: string,
  identityUrl = '/.netlify/identity',
  fetcher: Fetch = fetch,
): Promise<void> {
  await call(fetcher, `${identityUrl}/recover`, 'POST', { email });
}

export const identityTexts = {
  invite: bi(
    'Velkommen som redaktør. Vælg en adgangskode til din konto.',
    'Welcome as an editor. Choose a password for your account.',
  ),
  recovery: bi('Vælg en ny adgangskode.', 'Choose a new password.'),
  confirmation: bi('Din e-mailadresse bekræftes …', 'Confirming your e-mail address …'),
  password: bi('Adgangskode (mindst 8 tegn)', 'Password (at least 8 characters)'),
  save: bi('Gem adgangskode', 'Save password'),
  done: bi(
    'Færdig. Log ind med din e-mailadresse og adgangskoden.',
    'Done. Log in with your e-mail address and the password.',
  ),
  login: bi('Gå til login', 'Go to login'),
  failed: bi('Det lykkedes ikke', 'That did not work'),
};

/** A small page on /admin/ that finishes the link; resolves when the person may log in. */
export function identityPage(link: IdentityLink, lang: Lang, identityUrl?: string): Promise<void> {
  const t = (key: keyof typeof identityTexts) => identityTexts[key][lang];
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => {
    const e = document.createElement(tag);
    if (text) e.textContent = text;
    return e;
  };
  const main = el('main');
  main.style.cssText = 'max-width:26rem;margin:15vh auto;padding:0 1rem;font:1rem/1.5 system-ui,sans-serif';
  const status = el('p');
  status.setAttribute('role', 'status');
  main.append(el('p', t(link.kind)));
  document.body.append(main);

  return new Promise((resolve) => {
    // Also offered after a failure: an expired link should not lock anyone out of the login.
    const go = el('button', t('login'));
    go.addEventListener('click', () => {
      history.replaceState(null, '', location.pathname + location.search);
      main.remove();
      resolve();
    });
    const finished = () => {
      status.textContent = t('done');
      main.append(go);
    };
    const failed = (err: unknown) => {
      status.textContent = `${t('failed')}: ${err instanceof Error ? err.message : String(err)}`;
      main.append(go);
    };
    if (!needsPassword(link)) {
      main.append(status);
      completeIdentityLink(link, undefined, identityUrl).then(finished, failed);
      return;
    }
    const form = el('form');
    const label = el('label', t('password'));
    const input = el('input');
    Object.assign(input, {
      type: 'password',
      name: 'password',
      required: true,
      minLength: 8,
      autocomplete: 'new-password',
    });
    label.append(el('br'), input);
    const save = el('button', t('save'));
    save.type = 'submit';
    form.append(label, el('br'), save);
    main.append(form, status);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      save.disabled = true;
      completeIdentityLink(link, input.value, identityUrl).then(
        () => {
          form.remove();
          finished();
        },
        (err) => {
          save.disabled = false;
          failed(err);
        },
      );
    });
  });
}
