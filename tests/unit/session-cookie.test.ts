import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encode } from 'next-auth/jwt';
import { handOver, HANDOVER_MS, takeHandedOver } from '@/lib/auth/handover';
import { requestIsSecure, sessionTokenFromCookies } from '@/lib/auth/session-cookie';
import type { ResolvedSession } from '@/lib/auth/context';

const SECRET = 'unit-secret-unit-secret-unit-secret-1234';
const NAME = 'authjs.session-token';
const SECURE = `__Secure-${NAME}`;

/** A cookie value exactly as Auth.js writes it at sign-in (the same encode, salt = the cookie's name). */
const cookieOf = (sid: string, opts: { salt?: string; secret?: string; maxAge?: number } = {}) =>
  encode({ token: { sub: 'account', sid }, secret: opts.secret ?? SECRET, salt: opts.salt ?? NAME, maxAge: opts.maxAge ?? 3600 });

describe("the session token inside Auth.js's cookie", () => {
  let saved: NodeJS.ProcessEnv;
  beforeEach(() => {
    saved = { ...process.env };
    process.env.AUTH_SECRET = SECRET;
    delete process.env.AUTH_URL;
    delete process.env.NEXTAUTH_URL;
  });
  afterEach(() => {
    process.env = saved;
  });

  it("reads the token Auth.js's own encode put in the cookie, from the cache the second time", async () => {
    const value = await cookieOf('sid-1');
    expect(await sessionTokenFromCookies([{ name: NAME, value }], false)).toBe('sid-1');
    expect(await sessionTokenFromCookies([{ name: NAME, value }], false)).toBe('sid-1');
  });

  it('refuses an altered cookie, one of another secret, one past its expiry, and none at all', async () => {
    const value = await cookieOf('sid-2');
    const altered = value.slice(0, -4) + (value.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await sessionTokenFromCookies([{ name: NAME, value: altered }], false)).toBeNull();
    expect(
      await sessionTokenFromCookies([{ name: NAME, value: await cookieOf('sid-3', { secret: 'another-secret-another-secret-another-12' }) }], false),
    ).toBeNull();
    expect(await sessionTokenFromCookies([{ name: NAME, value: await cookieOf('sid-4', { maxAge: -60 }) }], false)).toBeNull();
    expect(await sessionTokenFromCookies([{ name: 'other', value }], false)).toBeNull();
    expect(await sessionTokenFromCookies([], false)).toBeNull();
  });

  it('over HTTPS only the __Secure- cookie counts, with its own name as the salt, as Auth.js reads it', async () => {
    const plain = await cookieOf('sid-6');
    const secure = await cookieOf('sid-7', { salt: SECURE });
    expect(await sessionTokenFromCookies([{ name: NAME, value: plain }], true)).toBeNull();
    expect(await sessionTokenFromCookies([{ name: SECURE, value: secure }], true)).toBe('sid-7');
    // The secure cookie's value under the plain name does not decrypt (another salt).
    expect(await sessionTokenFromCookies([{ name: NAME, value: secure }], false)).toBeNull();
  });

  it("joins a cookie Auth.js split in chunks, in the chunks' order", async () => {
    const value = await cookieOf('sid-8');
    const half = Math.floor(value.length / 2);
    const chunks = [
      { name: `${NAME}.1`, value: value.slice(half) },
      { name: `${NAME}.0`, value: value.slice(0, half) },
    ];
    expect(await sessionTokenFromCookies(chunks, false)).toBe('sid-8');
  });

  it('takes the rotated secrets too (AUTH_SECRET_1…)', async () => {
    const old = 'older-secret-older-secret-older-secret-12';
    const value = await cookieOf('sid-9', { secret: old });
    expect(await sessionTokenFromCookies([{ name: NAME, value }], false)).toBeNull();
    process.env.AUTH_SECRET_1 = old;
    expect(await sessionTokenFromCookies([{ name: NAME, value }], false)).toBe('sid-9');
  });

  it('decides HTTPS as next-auth does: AUTH_URL first, then the forwarded protocol, https when absent', () => {
    expect(requestIsSecure('http')).toBe(false);
    expect(requestIsSecure('https')).toBe(true);
    expect(requestIsSecure(null)).toBe(true);
    process.env.AUTH_URL = 'http://portal.internal:3000';
    expect(requestIsSecure('https')).toBe(false);
  });
});

describe('the session handed from the proxy to the page', () => {
  const session: ResolvedSession = { status: 'signed-out' };

  it('is taken once, for the same token and company choice, while fresh', () => {
    const ref = handOver('token-a', 'company-1', session);
    expect(takeHandedOver(ref, 'token-a', 'company-1')).toBe(session);
    expect(takeHandedOver(ref, 'token-a', 'company-1')).toBeUndefined();
  });

  it('is refused for another cookie token, another company choice, a stale or unknown reference', () => {
    expect(takeHandedOver(handOver('token-b', undefined, session), 'token-c', undefined)).toBeUndefined();
    expect(takeHandedOver(handOver('token-b', 'company-1', session), 'token-b', 'company-2')).toBeUndefined();
    const now = Date.now();
    expect(takeHandedOver(handOver('token-b', undefined, session, now), 'token-b', undefined, now + HANDOVER_MS + 1)).toBeUndefined();
    expect(takeHandedOver('made-up', 'token-b', undefined)).toBeUndefined();
    expect(takeHandedOver(null, 'token-b', undefined)).toBeUndefined();
  });
});
