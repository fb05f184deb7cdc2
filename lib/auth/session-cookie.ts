import { decode as decodeJwt } from 'next-auth/jwt';

// The session token inside Auth.js's cookie, read without running Auth.js's session endpoint.
//
// Auth.js's `auth()` runs its whole session endpoint on every call: it builds a request, derives
// the cookie's key with HKDF, decrypts, runs the callbacks, then derives the key again and
// re-encrypts a fresh cookie that a page cannot even send (server components cannot set
// cookies). The cookie only carries the token of a session kept in the database (lib/auth/
// sessions.ts), which is what every request checks. Here Auth.js's own `decode`, with the same
// secrets and cookie name (its salt), and the outcome of a cookie value kept for a minute at
// most: the same cookie comes with every request of a visit, and a value decrypts to the same
// token every time.

/** Auth.js's cookie name, with the prefix it uses over HTTPS. */
const COOKIE = 'authjs.session-token';
const SECURE_COOKIE = `__Secure-${COOKIE}`;

/** Auth.js's secrets, as next-auth reads them from the environment: AUTH_SECRET, then AUTH_SECRET_1…3 (rotation). */
function secrets(): string[] {
  const env = process.env;
  return [env.AUTH_SECRET, env.AUTH_SECRET_1, env.AUTH_SECRET_2, env.AUTH_SECRET_3].filter((s): s is string => !!s);
}

/** Cookie values that decrypted: the session token, and until when the value is taken without decrypting again. */
type Decoded = { sid: string | null; expiresAt: number };
const decoded = new Map<string, Decoded>();
const DECODED_MAX = 5_000;

async function decode(value: string, salt: string, now: number): Promise<string | null> {
  const id = `${salt}\0${value}`;
  const hit = decoded.get(id);
  if (hit && hit.expiresAt > now) return hit.sid;
  if (hit) decoded.delete(id);
  let payload: { sid?: unknown; exp?: unknown } | null;
  try {
    payload = await decodeJwt({ token: value, secret: secrets(), salt });
  } catch {
    // Altered, expired, or of another secret: refused, and not remembered (only what decrypted is).
    return null;
  }
  const sid = typeof payload?.sid === 'string' ? payload.sid : null;
  if (!sid) return null;
  // Kept a minute at most, and no longer than the cookie holds.
  const expiresAt = Math.min(now + 60_000, typeof payload?.exp === 'number' ? payload.exp * 1000 : 0);
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  decoded.set(id, { sid, expiresAt });
  return sid;
}

/** The cookie's value under `name`, joined from Auth.js's chunks (`name.0`, `name.1`…) when it was split. */
function cookieValue(cookies: { name: string; value: string }[], name: string): string | null {
  const whole = cookies.find((c) => c.name === name);
  if (whole) return whole.value;
  const chunks = cookies
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((c) => c.value).join('') : null;
}

/**
 * The server-side session's token the request's cookie carries, or null. `secure`: the request
 * came over HTTPS, where Auth.js names its cookie `__Secure-…` (and reads no other).
 */
export async function sessionTokenFromCookies(cookies: { name: string; value: string }[], secure: boolean, now = Date.now()): Promise<string | null> {
  const name = secure ? SECURE_COOKIE : COOKIE;
  const value = cookieValue(cookies, name);
  if (!value) return null;
  return decode(value, name, now);
}

/** Whether Auth.js sees this request as HTTPS: AUTH_URL's scheme when set, else the forwarded protocol (https when absent), as next-auth decides. */
export function requestIsSecure(forwardedProto: string | null): boolean {
  const configured = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  if (configured) return configured.startsWith('https:');
  return (forwardedProto ?? 'https').replace(/:$/, '').split(',')[0]!.trim() === 'https';
}
