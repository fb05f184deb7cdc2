'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/alerts';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/forms/use-action-form';
import { changePasswordAction } from '@/lib/auth/actions';
import { ChangePasswordSchema, PASSWORD_MIN_LENGTH, VALIDATION_PARAMS } from '@/lib/auth/schema';

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations('auth');
  const tp = useTranslations('profile');
  const tc = useTranslations('common');
  const { state, pending, formRef, formAction, onSubmit, field } = useActionForm(ChangePasswordSchema, changePasswordAction, { params: VALIDATION_PARAMS });
  const noEcho = { defaultValue: undefined };
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      {state.message ? <FormAlert>{state.message}</FormAlert> : null}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label={tp('currentPassword')} type="password" autoComplete="current-password" required {...field('currentPassword')} {...noEcho} />
      <Field
        label={t('newPassword')}
        type="password"
        autoComplete="new-password"
        required

        hint={t('passwordHint', { min: PASSWORD_MIN_LENGTH })}
        {...field('password')}
        {...noEcho}
      />
      <Field label={t('confirmPassword')} type="password" autoComplete="new-password" required {...field('confirmPassword')} {...noEcho} />
      <SubmitButton pending={pending} pendingLabel={tc('saving')}>
        {tp('submit')}
      </SubmitButton>
    </form>
  );
}
