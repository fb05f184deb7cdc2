'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';
import { StatusMessage } from '@/components/ui/alerts';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/forms/use-action-form';
import { forgotPasswordAction } from '@/lib/auth/actions';
import { ForgotPasswordSchema, VALIDATION_PARAMS } from '@/lib/auth/schema';

export function ForgotPasswordForm() {
  const t = useTranslations('auth');
  const { state, pending, formRef, formAction, onSubmit, field } = useActionForm(ForgotPasswordSchema, forgotPasswordAction, {
    params: VALIDATION_PARAMS,
  });
  if (state.status === 'ok') {
    return (
      <>
        <StatusMessage>{state.message}</StatusMessage>
        <p className="form__links">
          <Link href="/login">{t('backToSignIn')}</Link>
        </p>
      </>
    );
  }
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <Field label={t('email')} type="email" autoComplete="email" required {...field('email')} />
      <SubmitButton pending={pending} className="btn--block">
        {t('sendLink')}
      </SubmitButton>
      <p className="form__links">
        <Link href="/login">{t('backToSignIn')}</Link>
      </p>
    </form>
  );
}
