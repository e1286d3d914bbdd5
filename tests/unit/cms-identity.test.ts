import { describe, expect, it } from 'vitest';
import { completeIdentityLink, identityLink, requestRecovery } from '../../src/cms/identity.ts';
import { loginError } from '../../src/cms/login.ts';

type Call = { url: string; method: string; headers: Record<string, string>; body: unknown };

/** A stand-in for Netlify Identity's API that records what it was asked. */
function identityApi(responses: Record<string, { status?: number; json: unknown }>) {
  const calls: Call[] = [];
  const fetcher = async (url: string, init: { method: string; headers: Record<string, string>; body: string }) => {
    calls.push({ url, method: init.method, headers: init.headers, body: JSON.parse(init.body) });
    const r = responses[`${init.method} ${url}`] ?? { status: 404, json: { msg: 'not found' } };
    return { ok: (r.status ?? 200) < 400, status: r.status ?? 200, json: async () => r.json };
  };
  return { calls, fetcher };
}

describe('links from Netlify Identity e-mails', () => {
  it('recognises invitation, password reset and confirmation links on /admin/', () => {
    expect(identityLink('#invite_token=abc%2Bd')).toEqual({ kind: 'invite', token: 'abc+d' });
    expect(identityLink('#recovery_token=xyz')).toEqual({ kind: 'recovery', token: 'xyz' });
    expect(identityLink('#confirmation_token=q')).toEqual({ kind: 'confirmation', token: 'q' });
    expect(identityLink('#/invite_token=abc')).toEqual({ kind: 'invite', token: 'abc' });
    expect(identityLink('#/collections/members')).toBeUndefined();
  });

  it('accepts an invitation with the chosen password', async () => {
    const api = identityApi({ 'POST /.netlify/identity/verify': { json: { access_token: 't' } } });
    await completeIdentityLink({ kind: 'invite', token: 'abc' }, 'hemmelig1', undefined, api.fetcher);
    expect(api.calls).toEqual([
      {
        url: '/.netlify/identity/verify',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: { token: 'abc', type: 'signup', password: 'hemmelig1' },
      },
    ]);
  });

  it('resets a password: verify the token, then set the password as that user', async () => {
    const api = identityApi({
      'POST /.netlify/identity/verify': { json: { access_token: 'sesam' } },
      'PUT /.netlify/identity/user': { json: { email: 'a@b.dk' } },
    });
    await completeIdentityLink({ kind: 'recovery', token: 'r1' }, 'nyt-kodeord', undefined, api.fetcher);
    expect(api.calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ['POST', '/.netlify/identity/verify', { token: 'r1', type: 'recovery' }],
      ['PUT', '/.netlify/identity/user', { password: 'nyt-kodeord' }],
    ]);
    expect(api.calls[1].headers.authorization).toBe('Bearer sesam');
  });

  it("passes on Identity's own message when a link has expired", async () => {
    const api = identityApi({ 'POST /.netlify/identity/verify': { status: 422, json: { msg: 'Invalid token' } } });
    await expect(
      completeIdentityLink({ kind: 'invite', token: 'old' }, 'x'.repeat(8), undefined, api.fetcher),
    ).rejects.toThrow('Invalid token');
  });
});

describe('the login form (git-gateway)', () => {
  it('asks Identity to e-mail a password-reset link to the address given', async () => {
    const api = identityApi({ 'POST https://id.example/.netlify/identity/recover': { json: {} } });
    await requestRecovery('redaktor@example.dk', 'https://id.example/.netlify/identity', api.fetcher);
    expect(api.calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ['POST', 'https://id.example/.netlify/identity/recover', { email: 'redaktor@example.dk' }],
    ]);
  });

  it("reports Identity's refusal of a reset, such as an unknown address", async () => {
    const api = identityApi({});
    await expect(requestRecovery('ukendt@example.dk', undefined, api.fetcher)).rejects.toThrow('not found');
  });

  it('says a wrong e-mail or password in the editor’s words, and passes on anything else', () => {
    const wrong = { status: 400, json: { error: 'invalid_grant', error_description: 'No user found' } };
    expect(loginError(wrong, 'da')).toBe(
      'E-mailadressen eller adgangskoden passer ikke. Prøv igen, eller vælg "Glemt adgangskode?".',
    );
    expect(loginError(wrong, 'en')).toMatch(/^The e-mail address or the password is not right/);
    expect(loginError({ status: 500, json: { error_description: 'Service down' } }, 'da')).toBe(
      'Det lykkedes ikke: Service down',
    );
    expect(loginError(new Error('Failed to fetch'), 'en')).toBe('That did not work: Failed to fetch');
  });
});
