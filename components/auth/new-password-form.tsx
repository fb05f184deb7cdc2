'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/alerts';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/forms/use-action-form';
import { acceptInvitationAction, resetPasswordAction } from '@/lib/auth/actions';
import { NewPasswordSchema, PASSWORD_MIN_LENGTH, VALIDATION_PARAMS } from '@/lib/auth/schema';

/** Sets a password through an invitation or reset link. */
export function NewPasswordForm({ purpose, token, email, submitLabel }: { purpose: 'invite' | 'reset'; token: string; email: string; submitLabel: string }) {
  const action = purpose === 'invite' ? acceptInvitationAction : resetPasswordAction;
  const t = useTranslations('auth');
  const { state, pending, formRef, formAction, onSubmit, field } = useActionForm(NewPasswordSchema, action, { params: VALIDATION_PARAMS });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      {state.message ? <FormAlert>{state.message}</FormAlert> : null}
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field
        label={t('newPassword')}
        type="password"
        autoComplete="new-password"
        required

        hint={t('passwordHint', { min: PASSWORD_MIN_LENGTH })}
        {...field('password')}
        defaultValue={undefined}
      />
      <Field label={t('confirmPassword')} type="password" autoComplete="new-password" required {...field('confirmPassword')} defaultValue={undefined} />
      <SubmitButton pending={pending} className="btn--block">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
