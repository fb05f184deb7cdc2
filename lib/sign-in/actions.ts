'use server';

import { cookies, headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { redirect, RedirectType } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { db } from '@/db/client';
import { clientAddress, throttleSource } from '@/lib/auth/client-address';
import { ForgotPasswordSchema } from '@/lib/auth/schema';
import { requireAdmin } from '@/lib/auth/session';
import { recordFailure, type ThrottleLimit } from '@/lib/auth/throttle';
import { readForm } from '@/lib/forms/action';
import { withFlash } from '@/lib/forms/flash';
import { fieldErrorKeys, formValues, type ActionState } from '@/lib/forms/action-state';
import { translateFieldErrors } from '@/lib/forms/translate';
import { ATTEMPT_COOKIE, ATTEMPT_TTL_MS, CALLBACK_PATH, startCompanySignIn } from './flow';
import { SignInSettingsSchema } from './schema';
import { saveSignInSettings, testSignInSettings } from './settings';

/**
 * Company sign-ins started from one source (each stores an attempt for ten minutes): generous,
 * since a whole office behind one address signs in this way in the morning.
 */
const START_LIMIT: ThrottleLimit = { max: 300, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** "Entrar com a conta da empresa": to the provider of the company owning the e-mail's domain. */
export async function startCompanySignInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ['email']);
  const parsed = ForgotPasswordSchema.safeParse({ email: formData.get('email') ?? '' });
  if (!parsed.success) return { status: 'error', fieldErrors: await translateFieldErrors(fieldErrorKeys(parsed.error)), values };
  const t = await getTranslations('companySignIn');
  const address = clientAddress(await headers());
  if (!address) return { status: 'error', message: (await getTranslations('common'))('genericError'), values };
  const counted = await recordFailure(db, `sso:${throttleSource(address)}`, new Date(), START_LIMIT);
  if (counted.failures > START_LIMIT.max) return { status: 'error', message: t('problems.tooMany'), values };
  const started = await startCompanySignIn(db, parsed.data.email);
  if (!started.ok) return { status: 'error', message: t(`problems.${started.problem}`), values };
  // Sent back with the provider's answer (a top-level navigation: SameSite=Lax carries it).
  (await cookies()).set(ATTEMPT_COOKIE, started.browserKey, {
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.APP_URL?.startsWith('https:') ?? false,
    path: CALLBACK_PATH,
    maxAge: ATTEMPT_TTL_MS / 1000,
  });
  redirect(started.url);
}

/**
 * "Login da empresa": "Salvar" (intent=save) or "Testar configuração" (intent=test, which reads
 * the provider's discovery document with what the form holds and saves nothing).
 */
export async function signInSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const ctx = await requireAdmin();
  const { input, values } = readForm(formData, { fields: ['issuer', 'clientId'], secrets: ['clientSecret'], arrays: ['domains'], checkboxes: ['required'] });
  const echo = { ...values, domains: (input.domains as string[]).join(',') };
  const parsed = SignInSettingsSchema.safeParse(input);
  const tc = await getTranslations('common');
  if (!parsed.success)
    return { status: 'error', message: tc('fixErrors'), fieldErrors: await translateFieldErrors(fieldErrorKeys(parsed.error)), values: echo };
  const t = await getTranslations('signInSettings');
  if (formData.get('intent') === 'test') {
    const tested = await testSignInSettings(ctx, parsed.data);
    return tested.ok ? { status: 'ok', message: t('testOk'), values: echo } : { status: 'error', message: t(`problems.${tested.problem}`), values: echo };
  }
  const saved = await saveSignInSettings(ctx, parsed.data);
  if (!saved.ok) return { status: 'error', message: tc('fixErrors'), fieldErrors: await translateFieldErrors(saved.fieldErrors ?? {}), values: echo };
  revalidatePath('/settings/sign-in');
  redirect(withFlash('/settings/sign-in', 'saved'), RedirectType.replace);
}
