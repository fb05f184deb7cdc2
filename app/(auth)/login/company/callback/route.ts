import { cookies } from 'next/headers';
import type { NextRequest } from 'next/server';
import { db } from '@/db/client';
import { signIn } from '@/lib/auth/config';
import { seeOther } from '@/lib/auth/route';
import { COMPANY_COOKIE } from '@/lib/auth/session';
import { ATTEMPT_COOKIE, CALLBACK_PATH, finishCompanySignIn } from '@/lib/sign-in/flow';

// Where the company's provider sends the person back (the redirect URI registered there).
// Every refusal goes to a page that explains it; a contact is signed in to that company.
export async function GET(request: NextRequest) {
  const jar = await cookies();
  const result = await finishCompanySignIn(db, request.nextUrl.search, jar.get(ATTEMPT_COOKIE)?.value);
  jar.delete({ name: ATTEMPT_COOKIE, path: CALLBACK_PATH });
  if (!result.ok) return seeOther(`/login/company?problem=${result.problem}`);
  if (result.outcome !== 'signedIn') return seeOther(`/login/company?done=${result.outcome}`);
  jar.set(COMPANY_COOKIE, result.companyId, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 * 60 * 24 * 365 });
  // Auth.js turns the single-use ticket into a session (and throws the redirect to the portal).
  await signIn('company-sign-in', { ticket: result.ticket, redirectTo: '/' });
  return seeOther('/');
}
