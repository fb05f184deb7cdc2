'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { cookies, headers } from 'next/headers';
import { redirect, RedirectType } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { z } from 'zod';
import { db } from '@/db/client';
import { contactAction, contactButton } from '@/lib/forms/action';
import { fieldErrorKeys, formValues, type ActionState } from '@/lib/forms/action-state';
import { withFlash } from '@/lib/forms/flash';
import { translateFieldErrors } from '@/lib/forms/translate';
import { LOCALE_COOKIE, toLocale } from '@/lib/i18n/config';
import { kickMailDelivery } from '@/lib/mail/worker';
import { updateOwnProfile } from '@/lib/contacts/mutations';
import { OWN_PROFILE_FIELDS, OwnProfileSchema } from '@/lib/contacts/schema';
import { OWN_PROFILE_CONFLICT_FIELDS, ownProfileConflictValues } from '@/lib/contacts/edit-conflict';
import { changeOwnPassword, setPasswordWithToken } from './accounts';
import { clientAddress, throttleSource } from './client-address';
import { signIn, signOut } from './config';
import { requestPasswordReset } from './reset-requests';
import { endAccountSessions, endOwnSession, endSessionByToken } from './sessions';
import { safeCallbackPath } from './safe-redirect';
import { ChangePasswordSchema, ForgotPasswordSchema, NewPasswordSchema, SignInSchema, VALIDATION_PARAMS } from './schema';
import { rememberCompany } from './context';
import { COMPANY_COOKIE, currentSessionToken } from './session';
import { log } from '@/lib/log';

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
      if (err.code === 'unavailable') return { status: 'error', message: (await getTranslations('common'))('genericError'), values };
      return { status: 'error', message: locked ? t('locked', { minutes: Number(locked[1]) }) : t('invalidCredentials'), values };
    }
    if (err instanceof AuthError) {
      log().error({ err }, 'auth.sign_in_failed');
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
  // A request whose source this server did not stamp (it arrived while the server started) is
  // dropped: it could name any source, and so dodge the source's limit.
  const address = clientAddress(await headers());
  if (address) await requestPasswordReset(db, parsed.data.email, { source: throttleSource(address) });
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

// What a signed-in person does to their own account: contact-level actions (lib/forms/action.ts).

export const changePasswordAction = contactAction({
  schema: ChangePasswordSchema,
  form: { secrets: ['currentPassword', 'password', 'confirmPassword'] },
  invalid: (fieldErrors) => ({ fieldErrors }),
  params: VALIDATION_PARAMS,
  run: (ctx, input) => changeOwnPassword(db, ctx.accountId, ctx.sessionId, input.currentPassword, input.password),
  refused: (r) => ({ fieldErrors: { [r.field]: r.reason === 'wrong' ? 'currentPasswordWrong' : 'passwordSameAsCurrent' } }),
  // This session stays; every other one ended with the change.
  done: () => ({ to: '/profile', flash: 'password-changed', revalidate: '/profile', replace: true }),
});

/** "Encerrar" on "Sessões ativas": one of the person's own sessions, never this one. */
export const endSessionAction = contactButton({
  schema: z.object({ sessionId: z.uuid() }),
  form: { fields: ['sessionId'] },
  run: async (ctx, input) => ({ ok: input.sessionId !== ctx.sessionId && (await endOwnSession(db, ctx.accountId, input.sessionId)) }),
  refused: () => ({ to: '/profile#sessions', flash: 'session-not-found', revalidate: '/profile', replace: true }),
  done: () => ({ to: '/profile#sessions', flash: 'session-ended-one', revalidate: '/profile', replace: true }),
});

/** "Encerrar as outras sessões": every session of the person but this one. */
export const endOtherSessionsAction = contactButton({
  schema: z.object({}),
  run: async (ctx) => {
    await endAccountSessions(db, ctx.accountId, ctx.sessionId);
    return { ok: true as const };
  },
  refused: () => ({ to: '/profile#sessions' }),
  done: () => ({ to: '/profile#sessions', flash: 'sessions-ended-others', revalidate: '/profile', replace: true }),
});

export const switchCompanyAction = contactButton({
  schema: z.object({ companyId: z.string().max(64) }),
  form: { fields: ['companyId'] },
  run: async (ctx, input) => {
    // Only a company the person belongs to; anything else is ignored.
    const membership = ctx.memberships.find((m) => m.companyId === input.companyId);
    if (membership) {
      (await cookies()).set(COMPANY_COOKIE, membership.companyId, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 * 60 * 24 * 365 });
      // Remembered on the account too: the next sign-in, in any browser, opens this company.
      await rememberCompany(db, ctx.accountId, membership.companyId);
    }
    return { ok: true as const, isAdmin: membership?.isAdmin ?? false };
  },
  refused: () => ({ to: '/' }),
  done: (r) => ({ to: r.isAdmin ? '/contacts' : '/' }),
});

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = toLocale(String(formData.get('locale') ?? ''));
  (await cookies()).set(LOCALE_COOKIE, locale, { sameSite: 'lax', path: '/', maxAge: 60 * 60 * 24 * 365 });
  redirect(safeCallbackPath(formData.get('returnTo')));
}

/** "Meu perfil" → "Seus dados": the person's own name, phone and language. */
export const updateOwnProfileAction = contactAction({
  schema: OwnProfileSchema,
  form: { fields: [...OWN_PROFILE_FIELDS, ...OWN_PROFILE_CONFLICT_FIELDS] },
  invalid: (fieldErrors) => ({ fieldErrors }),
  run: async (ctx, input) => {
    const result = await updateOwnProfile(ctx, input);
    if (result.ok) (await cookies()).set(LOCALE_COOKIE, input.locale, { sameSite: 'lax', path: '/', maxAge: 60 * 60 * 24 * 365 });
    return result;
  },
  // The administrator changed the name or the phone meanwhile: those fields are reloaded with
  // their values, and the table shows what the person had typed, to type again if they wish.
  refused: (r, input) =>
    'stored' in r
      ? { message: 'profile.stale', values: ownProfileConflictValues(r, input) }
      : r.fieldErrors
        ? { fieldErrors: r.fieldErrors }
        : { message: 'common.genericError' },
  done: () => ({ to: '/profile', flash: 'saved', revalidate: '/profile', replace: true, layout: true }),
});
