import { describe, expect, it } from 'vitest';
import { completeIdentityLink, identityLink } from '../../src/cms/identity.ts';

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
