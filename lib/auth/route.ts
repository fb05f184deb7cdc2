import 'server-only';
import type { ContactContext } from './context';
import { currentSession } from './session';

/**
 * A POST from a page of this site only: the browser's Origin (or, failing that, its
 * Sec-Fetch-Site) must name this host. Server actions get this check from Next; route
 * handlers that change data call it themselves.
 */
export function isSameOrigin(request: Request): boolean {
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  const origin = request.headers.get('origin');
  if (origin && origin !== 'null') {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return request.headers.get('sec-fetch-site') === 'same-origin';
}

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location } });

/** The administrator behind a route handler's request, or the response to send instead. */
export async function adminForRoute(): Promise<{ ok: true; ctx: ContactContext } | { ok: false; response: Response }> {
  const session = await currentSession();
  if (session.status === 'signed-out') return { ok: false, response: seeOther('/login') };
  if (session.status === 'no-company') return { ok: false, response: seeOther('/no-company') };
  if (!session.context.isAdmin) return { ok: false, response: new Response('Acesso restrito.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } }) };
  return { ok: true, ctx: session.context };
}

export { seeOther };
