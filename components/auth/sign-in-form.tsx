'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/alerts';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/forms/use-action-form';
import { signInAction } from '@/lib/auth/actions';
import { SignInSchema, VALIDATION_PARAMS } from '@/lib/auth/schema';

export function SignInForm({ callbackUrl, initialEmail }: { callbackUrl?: string; initialEmail?: string }) {
  const t = useTranslations('auth');
  const { state, pending, formRef, formAction, onSubmit, field } = useActionForm(SignInSchema, signInAction, {
    params: VALIDATION_PARAMS,
    initialValues: { email: initialEmail ?? '' },
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      {state.message ? <FormAlert>{state.message}</FormAlert> : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field label={t('email')} type="email" autoComplete="username" required {...field('email')} />
      <Field label={t('password')} type="password" autoComplete="current-password" required {...field('password')} defaultValue={undefined} />
      <SubmitButton pending={pending} pendingLabel={t('signingIn')} className="btn--block">
        {t('signIn')}
      </SubmitButton>
      <p className="form__links">
        <Link href="/forgot-password">{t('forgotPassword')}</Link>
        <span aria-hidden="true"> · </span>
        <Link href="/signup">{t('wantToRegister')}</Link>
      </p>
      <p className="form__links">
        <Link href="/login/company" className="btn btn--secondary btn--block">
          {t('companySignIn')}
        </Link>
      </p>
    </form>
  );
}
