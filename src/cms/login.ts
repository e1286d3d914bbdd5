import { createElement as h, useState, type FormEvent, type ReactNode } from 'react';
import { bi, type Bilingual } from '../schemas/meta.ts';
import type { Lang } from '../i18n/locale.ts';
import { requestRecovery } from './identity.ts';

/**
 * The login of the production CMS (Decap's git-gateway backend, Netlify Identity), in the editor's
 * language and with "Glemt adgangskode?". Decap's own form for it has English placeholders
 * ("Email", "Password") written into its code and no way to reset a password, and Decap offers no
 * setting for either; its backend asks for the form with `authComponent()`, so the admin script
 * gives each git-gateway backend Decap makes this one instead. It logs in with the backend's own
 * Identity client (GoTrue, as Decap's form does), and a reset goes through Identity's `/recover`,
 * whose e-mail links back to /admin/#recovery_token=… (src/cms/identity.ts).
 */

export const LOGIN_TEXTS = {
  title: bi('Log ind som redaktør', 'Editor login'),
  email: bi('E-mailadresse', 'E-mail address'),
  password: bi('Adgangskode', 'Password'),
  login: bi('Log ind', 'Log in'),
  loggingIn: bi('Logger ind …', 'Logging in…'),
  forgot: bi('Glemt adgangskode?', 'Forgot password?'),
  recoverIntro: bi(
    'Skriv din e-mailadresse, så sender vi dig et link, hvor du kan vælge en ny adgangskode.',
    'Write your e-mail address and we will send you a link where you can choose a new password.',
  ),
  send: bi('Send link', 'Send link'),
  sent: bi(
    'Vi har sendt et link til %{email}. Åbn det fra e-mailen for at vælge en ny adgangskode (se også i spam).',
    'We have sent a link to %{email}. Open it from the e-mail to choose a new password (check spam too).',
  ),
  back: bi('Tilbage til log ind', 'Back to login'),
  missing: bi('Skriv både e-mailadresse og adgangskode.', 'Write both your e-mail address and your password.'),
  missingEmail: bi('Skriv din e-mailadresse.', 'Write your e-mail address.'),
  wrong: bi(
    'E-mailadressen eller adgangskoden passer ikke. Prøv igen, eller vælg "Glemt adgangskode?".',
    'The e-mail address or the password is not right. Try again, or choose "Forgot password?".',
  ),
  failed: bi('Det lykkedes ikke: %{details}', 'That did not work: %{details}'),
} satisfies Record<string, Bilingual>;

/** What Decap's git-gateway backend offers the form (its Identity client and Identity's address). */
export interface IdentityBackend {
  apiUrl?: string;
  getAuthClient(): Promise<{ login?: (email: string, password: string, remember: boolean) => Promise<unknown> }>;
}

/** The props Decap gives a backend's login form (only what this one uses). */
export interface LoginProps {
  onLogin(user: unknown): void;
  inProgress?: boolean;
  error?: ReactNode;
}

/** GoTrue's error for a wrong e-mail or password (HTTP 400, `invalid_grant`), in the editor's words. */
export function loginError(err: unknown, lang: Lang): string {
  const e = (err ?? {}) as { status?: number; json?: { error?: string; error_description?: string }; message?: string };
  if (e.status === 400 || e.json?.error === 'invalid_grant') return LOGIN_TEXTS.wrong[lang];
  const details = e.json?.error_description ?? e.message ?? String(err);
  return LOGIN_TEXTS.failed[lang].replace('%{details}', details);
}

const pageStyle = {
  maxWidth: '22rem',
  margin: '12vh auto',
  padding: '0 1rem',
  font: '16px/1.5 system-ui, sans-serif',
  color: '#1e2532',
} as const;
const fieldStyle = {
  display: 'block',
  width: '100%',
  boxSizing: 'border-box',
  padding: '0.6rem',
  margin: '0.25rem 0 1rem',
  font: 'inherit',
  border: '1px solid #8a94a6',
  borderRadius: '4px',
} as const;
const buttonStyle = {
  font: 'inherit',
  padding: '0.5rem 1.5rem',
  border: 0,
  borderRadius: '4px',
  background: '#3a69c7',
  color: '#fff',
  cursor: 'pointer',
} as const;
const linkStyle = {
  font: 'inherit',
  background: 'none',
  border: 0,
  padding: 0,
  color: '#2a56b0',
  textDecoration: 'underline',
  cursor: 'pointer',
} as const;

/** The login form for one backend, in one language. */
export function loginForm(backend: IdentityBackend, lang: Lang) {
  const t = (key: keyof typeof LOGIN_TEXTS) => LOGIN_TEXTS[key][lang];
  return function IdentityLogin({ onLogin, inProgress, error }: LoginProps) {
    const [view, setView] = useState<'login' | 'recover' | 'sent'>('login');
    const [email, setEmail] = useState('');
    const [password, setPassword] = useState('');
    const [busy, setBusy] = useState(false);
    const [problem, setProblem] = useState<string>();

    const input = (label: string, type: string, value: string, set: (v: string) => void, autoComplete: string) =>
      h(
        'label',
        { style: { display: 'block' } },
        label,
        h('input', {
          type,
          name: type === 'password' ? 'password' : 'email',
          value,
          autoComplete,
          required: true,
          style: fieldStyle,
          onChange: (e: { target: { value: string } }) => set(e.target.value),
        }),
      );
    const switchTo = (next: typeof view) => () => {
      setProblem(undefined);
      setView(next);
    };

    const login = async (e: FormEvent) => {
      e.preventDefault();
      if (!email || !password) return setProblem(t('missing'));
      setBusy(true);
      setProblem(undefined);
      try {
        const client = await backend.getAuthClient();
        if (!client.login) throw new Error('no login');
        onLogin(await client.login(email, password, true));
      } catch (err) {
        setProblem(loginError(err, lang));
        setBusy(false);
      }
    };
    const recover = async (e: FormEvent) => {
      e.preventDefault();
      if (!email) return setProblem(t('missingEmail'));
      setBusy(true);
      setProblem(undefined);
      try {
        await requestRecovery(email, backend.apiUrl);
        setView('sent');
      } catch (err) {
        setProblem(t('failed').replace('%{details}', err instanceof Error ? err.message : String(err)));
      } finally {
        setBusy(false);
      }
    };

    const shown = problem ?? (view === 'login' && error ? error : undefined);
    const alert = shown ? h('p', { role: 'alert', style: { color: '#a4001d' } }, shown) : null;
    let body: ReactNode;
    if (view === 'login') {
      body = h(
        'form',
        { onSubmit: login, noValidate: true },
        alert,
        input(t('email'), 'email', email, setEmail, 'username'),
        input(t('password'), 'password', password, setPassword, 'current-password'),
        h(
          'p',
          { style: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '1rem' } },
          h('button', { type: 'button', style: linkStyle, onClick: switchTo('recover') }, t('forgot')),
          h(
            'button',
            { type: 'submit', style: buttonStyle, disabled: busy || inProgress },
            busy || inProgress ? t('loggingIn') : t('login'),
          ),
        ),
      );
    } else if (view === 'recover') {
      body = h(
        'form',
        { onSubmit: recover, noValidate: true },
        h('p', null, t('recoverIntro')),
        alert,
        input(t('email'), 'email', email, setEmail, 'username'),
        h(
          'p',
          { style: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '1rem' } },
          h('button', { type: 'button', style: linkStyle, onClick: switchTo('login') }, t('back')),
          h('button', { type: 'submit', style: buttonStyle, disabled: busy }, t('send')),
        ),
      );
    } else {
      body = h(
        'div',
        null,
        h('p', { role: 'status' }, t('sent').replace('%{email}', email)),
        h('button', { type: 'button', style: linkStyle, onClick: switchTo('login') }, t('back')),
      );
    }
    return h('main', { style: pageStyle }, h('h1', { style: { fontSize: '1.5rem' } }, t('title')), body);
  };
}

/** decap-cms-app's CMS, as far as this module uses it: its registry of backends. */
export interface BackendRegistry {
  getBackend(name: string): { init: (...args: never[]) => unknown } | undefined;
}

/**
 * Every git-gateway backend Decap makes from now on asks for our login form. Decap's registry
 * refuses a second backend of the same name, so the registered maker is wrapped in place; a
 * backend set to Identity's PKCE login (`auth_type: pkce`) keeps Decap's, which has no form.
 */
export function replaceIdentityLogin(cms: BackendRegistry, lang: Lang): void {
  const gateway = cms.getBackend('git-gateway');
  if (!gateway) throw new Error('Decap has no git-gateway backend');
  const make = gateway.init;
  gateway.init = (...args: never[]) => {
    const backend = make(...args) as IdentityBackend & { authType?: string; authComponent(): unknown };
    if (backend.authType !== 'pkce') {
      const form = loginForm(backend, lang);
      backend.authComponent = () => form;
    }
    return backend;
  };
}
