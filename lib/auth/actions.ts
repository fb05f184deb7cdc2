'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { redirect, RedirectType } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { db } from '@/db/client';
import { isUuid } from '@/db/sql-helpers';
import { fieldErrorKeys, formValues, type ActionState } from '@/lib/forms/action-state';
import { withFlash } from '@/lib/forms/flash';
import { translateFieldErrors } from '@/lib/forms/translate';
import { LOCALE_COOKIE, toLocale } from '@/lib/i18n/config';
import { kickMailDelivery } from '@/lib/mail/worker';
import { changeOwnPassword, setPasswordWithToken } from './accounts';
import { clientAddress } from './client-address';
import { signIn, signOut } from './config';
import { requestPasswordReset } from './reset-requests';
import { endAccountSessions, endOwnSession, endSessionByToken } from './sessions';
import { safeCallbackPath } from './safe-redirect';
import { ChangePasswordSchema, ForgotPasswordSchema, NewPasswordSchema, SignInSchema, VALIDATION_PARAMS } from './schema';
import { COMPANY_COOKIE, currentSessionToken, requireContact } from './session';

const translateErrors = (errors: Record<string, string>) => translateFieldErrors(errors, VALIDATION_PARAMS);

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ['email']);
  const parsed = SignInSchema.safeParse({ email: formData.get('email') ?? '', password: formData.get('password') ?? '' });
  if (!parsed.success) return { status: 'error', fieldErrors: await translateErrors(fieldErrorKeys(parsed.error)), values };
  const t = await getTranslations('auth');
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallbackPath(formData.get('callbackUrl')),
    });
  } catch (err) {
    if (err instanceof CredentialsSignin) {
      const locked = /^locked:(\d+)$/.exec(err.code ?? '');
      return { status: 'error', message: locked ? t('locked', { minutes: Number(locked[1]) }) : t('invalidCredentials'), values };
    }
    if (err instanceof AuthError) {
      console.error('[auth] sign-in failed', err);
      return { status: 'error', message: (await getTranslations('common'))('genericError'), values };
    }
    throw err; // the redirect after a successful sign-in
  }
  return { status: 'ok' };
}

export async function signOutAction(): Promise<void> {
  // The session ends on the server: a copy of the cookie is refused from now on.
  const token = await currentSessionToken();
  if (token) await endSessionByToken(db, token);
  (await cookies()).delete(COMPANY_COOKIE);
  await signOut({ redirectTo: withFlash('/login', 'signed-out') });
}

export async function forgotPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ['email']);
  const parsed = ForgotPasswordSchema.safeParse({ email: formData.get('email') ?? '' });
  if (!parsed.success) return { status: 'error', fieldErrors: await translateErrors(fieldErrorKeys(parsed.error)), values };
  // Only queued here: the same work, answer and time whether or not the address exists.
  await requestPasswordReset(db, parsed.data.email, { source: clientAddress(await headers()) });
  kickMailDelivery();
  return { status: 'ok', message: (await getTranslations('auth'))('forgotSent') };
}

// The token comes back as a hidden field of the form; it is checked here again, never trusted
// from the page that showed the form.
async function setPasswordFromLink(purpose: 'invite' | 'reset', formData: FormData): Promise<ActionState> {
  const token = String(formData.get('token') ?? '');
  const parsed = NewPasswordSchema.safeParse({ password: formData.get('password') ?? '', confirmPassword: formData.get('confirmPassword') ?? '' });
  if (!parsed.success) return { status: 'error', fieldErrors: await translateErrors(fieldErrorKeys(parsed.error)) };
  const result = await setPasswordWithToken(db, token, purpose, parsed.data.password);
  if (!result.ok) return { status: 'error', message: (await getTranslations('auth'))('linkInvalid') };
  const path = `/login?email=${encodeURIComponent(result.email)}`;
  redirect(withFlash(path, purpose === 'invite' ? 'password-created' : 'password-reset'), RedirectType.replace);
}

export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return setPasswordFromLink('reset', formData);
}

export async function acceptInvitationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return setPasswordFromLink('invite', formData);
}

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ctx = await requireContact();
  const parsed = ChangePasswordSchema.safeParse({
    currentPassword: formData.get('currentPassword') ?? '',
    password: formData.get('password') ?? '',
    confirmPassword: formData.get('confirmPassword') ?? '',
  });
  if (!parsed.success) return { status: 'error', fieldErrors: await translateErrors(fieldErrorKeys(parsed.error)) };
  const result = await changeOwnPassword(db, ctx.accountId, ctx.sessionId, parsed.data.currentPassword, parsed.data.password);
  if (!result.ok) {
    const key = result.reason === 'wrong' ? 'currentPasswordWrong' : 'passwordSameAsCurrent';
    return { status: 'error', fieldErrors: await translateErrors({ [result.field]: key }) };
  }
  // This session stays; every other one ended with the change.
  revalidatePath('/profile');
  redirect(withFlash('/profile', 'password-changed'), RedirectType.replace);
}

/** "Encerrar" on "Sessões ativas": one of the person's own sessions. */
export async function endSessionAction(formData: FormData): Promise<void> {
  const ctx = await requireContact();
  const id = String(formData.get('sessionId') ?? '');
  const ended = isUuid(id) && id !== ctx.sessionId ? await endOwnSession(db, ctx.accountId, id) : false;
  revalidatePath('/profile');
  redirect(withFlash('/profile#sessions', ended ? 'session-ended-one' : 'session-not-found'), RedirectType.replace);
}

/** "Encerrar as outras sessões": every session of the person but this one. */
export async function endOtherSessionsAction(): Promise<void> {
  const ctx = await requireContact();
  await endAccountSessions(db, ctx.accountId, ctx.sessionId);
  revalidatePath('/profile');
  redirect(withFlash('/profile#sessions', 'sessions-ended-others'), RedirectType.replace);
}

export async function switchCompanyAction(formData: FormData): Promise<void> {
  const ctx = await requireContact();
  const wanted = formData.get('companyId');
  // Only a company the person belongs to; anything else is ignored.
  const membership = ctx.memberships.find((m) => m.companyId === wanted);
  if (membership) {
    (await cookies()).set(COMPANY_COOKIE, membership.companyId, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 * 60 * 24 * 365 });
  }
  redirect(membership?.isAdmin ? '/contacts' : '/', RedirectType.push);
}

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = toLocale(String(formData.get('locale') ?? ''));
  (await cookies()).set(LOCALE_COOKIE, locale, { sameSite: 'lax', path: '/', maxAge: 60 * 60 * 24 * 365 });
  redirect(safeCallbackPath(formData.get('returnTo')));
}
