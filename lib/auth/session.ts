import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { db } from '@/db/client';
import { auth } from './config';
import { setLogIdentity } from '@/lib/log';
import { resolveSession, type ContactContext } from './context';

export const COMPANY_COOKIE = 'company';

/** The session token the request's cookie carries, if any. */
export async function currentSessionToken(): Promise<string | null> {
  const session = await auth();
  return session?.sid ?? null;
}

/** Who is asking, read once per request from the cookie and then from the database. */
export const currentSession = cache(async () => {
  const token = await currentSessionToken();
  const preferred = (await cookies()).get(COMPANY_COOKIE)?.value;
  const session = await resolveSession(db, token, preferred);
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
