import 'server-only';
import { getTranslations } from '@/lib/i18n/server';
import { requestFromOwnSite } from '@/lib/http/origin';
import type { ContactContext } from './context';
import { currentSession } from './session';

/**
 * A POST from a page of this site only, by the rule proxy.ts applies to every POST
 * (lib/http/origin.ts): the browser's Origin must be APP_URL's origin (or, without APP_URL,
 * the Host asked for), or with no Origin its Sec-Fetch-Site must say same-origin; never
 * X-Forwarded-Host. Checked again here so the route stays safe if the proxy's matcher changes.
 */
export function isSameOrigin(request: Request): boolean {
  return requestFromOwnSite(request.headers);
}

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location } });

/** A short plain-text answer of a route handler, in the person's language ("errors.<key>"). */
export async function textResponse(status: number, key: 'forbiddenTitle' | 'crossSite' | 'importNotFound'): Promise<Response> {
  const t = await getTranslations('errors');
  return new Response(t(key), { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** The administrator behind a route handler's request, or the response to send instead. */
export async function adminForRoute(): Promise<{ ok: true; ctx: ContactContext } | { ok: false; response: Response }> {
  const session = await currentSession();
  if (session.status === 'signed-out') return { ok: false, response: seeOther('/login') };
  if (session.status === 'no-company') return { ok: false, response: seeOther('/no-company') };
  if (!session.context.isAdmin) return { ok: false, response: await textResponse(403, 'forbiddenTitle') };
  return { ok: true, ctx: session.context };
}

export { seeOther };
