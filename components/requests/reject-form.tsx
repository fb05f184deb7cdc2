'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormAlert } from '@/components/ui/alerts';
import { TextareaField } from '@/components/ui/textarea-field';
import { rejectRequestAction } from '@/lib/requests/actions';
import { REASON_MAX, RejectRequestSchema } from '@/lib/requests/schema';

/** "Recusar": a confirmation with an optional reason, which the requester is sent. */
export function RejectRequestForm({ id, question }: { id: string; question: string }) {
  const t = useTranslations('requests');
  const { state, pending, formRef, formAction, onSubmit, field } = useActionForm(RejectRequestSchema, rejectRequestAction, {
    initialValues: { id },
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="confirm form">
      {state.message ? <FormAlert>{state.message}</FormAlert> : null}
      <p className="confirm__question" id="confirm-question">
        {question}
      </p>
      <input type="hidden" name="id" value={id} />
      <TextareaField label={t('rejectReason')} hint={t('rejectReasonHint')} rows={4} maxLength={REASON_MAX} {...field('reason')} />
      <div className="form__actions">
        <button type="submit" className="btn btn--danger" aria-disabled={pending || undefined} aria-describedby="confirm-question">
          {t('rejectYes')}
        </button>
        <Link href="/requests" className="btn btn--secondary">
          {t('no')}
        </Link>
      </div>
    </form>
  );
}
