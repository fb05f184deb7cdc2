'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormAlert } from '@/components/ui/alerts';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { ForgotPasswordSchema, VALIDATION_PARAMS } from '@/lib/auth/schema';
import { startCompanySignInAction } from '@/lib/sign-in/actions';

export function CompanySignInForm({ problem }: { problem?: string }) {
  const t = useTranslations('companySignIn');
  const ta = useTranslations('auth');
  const { state, pending, formRef, formAction, onSubmit, field } = useActionForm(ForgotPasswordSchema, startCompanySignInAction, { params: VALIDATION_PARAMS });
  const message = state.message ?? (state.status === 'idle' ? problem : undefined);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      {message ? <FormAlert>{message}</FormAlert> : null}
      <Field label={ta('email')} type="email" autoComplete="username" required {...field('email')} />
      <SubmitButton pending={pending} className="btn--block">
        {t('submit')}
      </SubmitButton>
      <p className="form__links">
        <Link href="/login">{t('usePassword')}</Link>
      </p>
    </form>
  );
}
