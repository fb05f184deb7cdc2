'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { FormAlert } from '@/components/ui/alerts';
import { TextareaField } from '@/components/ui/textarea-field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { idleState } from '@/lib/forms/action-state';
import { bulkDecisionAction } from '@/lib/requests/actions';
import { REASON_MAX } from '@/lib/requests/schema';

export const BULK_FORM_ID = 'requests-bulk';

/**
 * "Aprovar selecionadas" / "Recusar selecionadas" over the requests listed as children. The
 * rows' checkboxes belong to this form through their `form` attribute, so each row keeps its
 * own "Aprovar" form (forms cannot nest). A rejection asks first, on the same page, with an
 * optional reason; without JavaScript the question is the server's answer to the first post.
 */
export function BulkDecision({ children }: { children: ReactNode }) {
  const t = useTranslations('requests');
  const hydrated = useHydrated();
  const [state, formAction, pending] = useActionState(bulkDecisionAction, idleState);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const confirming = state.values?.decision === 'reject' && Boolean(state.values.ids);

  useEffect(() => {
    if (confirming) questionRef.current?.focus();
  }, [confirming, state]);

  if (confirming) {
    const ids = state.values!.ids!;
    const count = ids.split(',').length;
    return (
      <form action={formAction} className="panel panel--narrow confirm">
        {state.message ? <FormAlert>{state.message}</FormAlert> : null}
        <p className="confirm__question" id="bulk-reject-question" ref={questionRef} tabIndex={-1}>
          {t('rejectManyQuestion', { count })}
        </p>
        <input type="hidden" name="ids" value={ids} />
        <TextareaField
          name="reason"
          label={t('rejectReason')}
          hint={t('rejectReasonHint')}
          rows={3}
          maxLength={REASON_MAX}
          defaultValue={state.values?.reason ?? ''}
        />
        <div className="form__actions">
          <button
            type="submit"
            name="decision"
            value="confirmReject"
            className="btn btn--danger"
            aria-disabled={pending || undefined}
            aria-describedby="bulk-reject-question"
          >
            {t('rejectYes')}
          </button>
          <Link href="/requests" className="btn btn--secondary">
            {t('no')}
          </Link>
        </div>
      </form>
    );
  }

  const selectAll = (checked: boolean) => {
    for (const box of document.querySelectorAll<HTMLInputElement>(`input[name="ids"][form="${BULK_FORM_ID}"]`)) box.checked = checked;
  };

  return (
    <>
      <form id={BULK_FORM_ID} action={formAction} className="bulk-bar">
        {state.status === 'error' && state.message ? <FormAlert>{state.message}</FormAlert> : null}
        {hydrated ? (
          <label className="bulk-bar__all">
            <input type="checkbox" onChange={(e) => selectAll(e.currentTarget.checked)} />
            {t('selectAll')}
          </label>
        ) : null}
        <div className="bulk-bar__buttons">
          <button type="submit" name="decision" value="approve" className="btn btn--primary" aria-disabled={pending || undefined}>
            {t('approveSelected')}
          </button>
          <button type="submit" name="decision" value="reject" className="btn btn--danger-outline" aria-disabled={pending || undefined}>
            {t('rejectSelected')}
          </button>
        </div>
      </form>
      {children}
    </>
  );
}
