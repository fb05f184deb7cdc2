import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { db } from '@/db/client';
import { setLogIdentity } from '@/lib/log';
import { resolveSession, type ContactContext, type ResolvedSession } from './context';
import { handOver, SESSION_HANDOVER_HEADER, takeHandedOver } from './handover';
import { requestIsSecure, sessionTokenFromCookies } from './session-cookie';

export { SESSION_HANDOVER_HEADER };

export const COMPANY_COOKIE = 'company';

/** The session token the request's cookie carries, if any. */
export async function currentSessionToken(): Promise<string | null> {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return sessionTokenFromCookies(jar.getAll(), requestIsSecure(head.get('x-forwarded-proto')));
}

/** For the proxy: the request's session, and the reference under which the page will find it. */
export async function sessionForProxy(
  cookieList: { name: string; value: string }[],
  forwardedProto: string | null,
): Promise<{ session: ResolvedSession; ref: string | null }> {
  const token = await sessionTokenFromCookies(cookieList, requestIsSecure(forwardedProto));
  const preferred = cookieList.find((c) => c.name === COMPANY_COOKIE)?.value;
  const session = await resolveSession(db, token, preferred);
  if (!token || session.status === 'signed-out') return { session, ref: null };
  return { session, ref: handOver(token, preferred, session) };
}

/** Who is asking, read once per request from the cookie and then from the database. */
export const currentSession = cache(async () => {
  const token = await currentSessionToken();
  const [jar, head] = await Promise.all([cookies(), headers()]);
  const preferred = jar.get(COMPANY_COOKIE)?.value;
  const session = (token && takeHandedOver(head.get(SESSION_HANDOVER_HEADER), token, preferred)) || (await resolveSession(db, token, preferred));
  if (session.status === 'ok') setLogIdentity({ companyId: session.context.companyId, accountId: session.context.accountId });
  else if (session.status === 'no-company') setLogIdentity({ accountId: session.accountId });
  return session;
});

/** First line of every page and action for signed-in people. */
export async function requireContact(): Promise<ContactContext> {
  const session = await currentSession();
  if (session.status === 'signed-out') redirect('/login');
  if (session.status === 'no-company') redirect('/no-company');
  return session.context;
}

/** First line of every administration page and action. */
export async function requireAdmin(): Promise<ContactContext> {
  const context = await requireContact();
  if (!context.isAdmin) forbidden();
  return context;
}
