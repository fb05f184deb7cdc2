import { randomBytes } from 'node:crypto';
import type { ResolvedSession } from './context';

// The proxy reads the session of an administration page's request (for its HTTP status) and
// hands it to the page, in this process, under a random reference it puts on the forwarded
// request: the page does not ask the database again. The reference is worth nothing alone:
// the page takes the session only for the same cookie token and company choice, once, within
// a few seconds. The proxy removes any reference a client sends (proxy.ts).

export const SESSION_HANDOVER_HEADER = 'x-portaria-session-ref';
export const HANDOVER_MS = 10_000;

type Entry = { token: string; preferred: string | undefined; session: ResolvedSession; until: number };
type HandedOver = Map<string, Entry>;

// On the process, not the module: the proxy and the pages are bundled apart, each with its own copy of this module.
const KEY = Symbol.for('portaria.sessionHandover');
const handedOver: HandedOver = ((globalThis as { [KEY]?: HandedOver })[KEY] ??= new Map());

/** Keeps the session for the page of this request; returns the reference to put on it. */
export function handOver(token: string, preferred: string | undefined, session: ResolvedSession, now = Date.now()): string {
  // Entries a page never took (a render that failed, a request dropped) go after their time.
  if (handedOver.size > 1000) for (const [key, entry] of handedOver) if (entry.until <= now) handedOver.delete(key);
  const ref = randomBytes(16).toString('base64url');
  handedOver.set(ref, { token, preferred, session, until: now + HANDOVER_MS });
  return ref;
}

/** The session handed over under `ref`, once, if it was for this cookie token and company choice and is still fresh. */
export function takeHandedOver(ref: string | null | undefined, token: string, preferred: string | undefined, now = Date.now()): ResolvedSession | undefined {
  if (!ref) return undefined;
  const entry = handedOver.get(ref);
  if (!entry) return undefined;
  handedOver.delete(ref);
  return entry.token === token && entry.preferred === preferred && entry.until > now ? entry.session : undefined;
}
