'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormAlert } from '@/components/ui/alerts';
import { SubmitButton } from '@/components/ui/submit-button';
import { idleState } from '@/lib/forms/action-state';
import { confirmSignupAction } from '@/lib/requests/actions';

/** The confirmation link's page sends the request with a button: opening a link (a mail scanner does) changes nothing. */
export function ConfirmSignupForm({ token }: { token: string }) {
  const t = useTranslations('signup');
  const [state, formAction, pending] = useActionState(confirmSignupAction, idleState);
  return (
    <form action={formAction} className="form">
      {state.message ? (
        <>
          <FormAlert>{state.message}</FormAlert>
          <p>{t('linkInvalidHelp')}</p>
        </>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} className="btn--block">
        {t('confirmButton')}
      </SubmitButton>
    </form>
  );
}
