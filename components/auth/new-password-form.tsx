'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';
import { FormAlert } from '@/components/ui/alerts';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/forms/use-action-form';
import type { ActionState } from '@/lib/forms/action-state';
import { NewPasswordSchema, PASSWORD_MIN_LENGTH, VALIDATION_PARAMS } from '@/lib/auth/schema';

/** Sets a password through an invitation or reset link; `action` has the token bound. */
export function NewPasswordForm({ action, email, submitLabel }: { action: (s: ActionState, f: FormData) => Promise<ActionState>; email: string; submitLabel: string }) {
  const t = useTranslations('auth');
  const tc = useTranslations('common');
  const { state, pending, formRef, formAction, onSubmit, field } = useActionForm(NewPasswordSchema, action, { params: VALIDATION_PARAMS });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      {state.message ? <FormAlert>{state.message}</FormAlert> : null}
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field
        label={t('newPassword')}
        type="password"
        autoComplete="new-password"
        required
        requiredLabel={tc('required')}
        hint={t('passwordHint', { min: PASSWORD_MIN_LENGTH })}
        {...field('password')}
        defaultValue={undefined}
      />
      <Field label={t('confirmPassword')} type="password" autoComplete="new-password" required requiredLabel={tc('required')} {...field('confirmPassword')} defaultValue={undefined} />
      <SubmitButton pending={pending} className="btn--block">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
