'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/alerts';
import { SubmitButton } from '@/components/ui/submit-button';
import { idleState } from '@/lib/forms/action-state';
import { setTicketStatusAction } from '@/lib/tickets/actions';
import { TICKET_STATUSES, type TicketStatus } from '@/lib/tickets/schema';

export function TicketStatusForm({ id, status }: { id: string; status: TicketStatus }) {
  const t = useTranslations('tickets');
  const [state, formAction, pending] = useActionState(setTicketStatusAction, idleState);
  return (
    <form action={formAction} className="form">
      {state.message ? <FormAlert>{state.message}</FormAlert> : null}
      <input type="hidden" name="id" value={id} />
      <div className="field">
        <label htmlFor="ticket-status" className="field__label">
          {t('changeStatus')}
        </label>
        <div className="field__inline">
          <select id="ticket-status" name="status" defaultValue={status} className="field__input">
            {TICKET_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(s)}
              </option>
            ))}
          </select>
          <SubmitButton pending={pending} variant="secondary">
            {t('saveStatus')}
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}
