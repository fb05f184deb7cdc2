'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SelectField } from '@/components/ui/choice-fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { idleState } from '@/lib/forms/action-state';
import { forwardTicketAction } from '@/lib/tickets/actions';

export function ForwardForm({ ticketId, groups, current }: { ticketId: string; groups: { id: string; name: string }[]; current: string | null }) {
  const t = useTranslations('groups');
  const [state, formAction, pending] = useActionState(forwardTicketAction, idleState);
  return (
    <form action={formAction} className="form">
      <input type="hidden" name="ticketId" value={ticketId} />
      <SelectField
        name="groupId"
        label={t('forwardTitle')}
        defaultValue={current ?? ''}
        error={state.fieldErrors?.groupId}
        options={[{ value: '', label: t('choose') }, ...groups.map((g) => ({ value: g.id, label: g.name }))]}
        after={
          <SubmitButton pending={pending} variant="secondary">
            {t('forwardSubmit')}
          </SubmitButton>
        }
      />
    </form>
  );
}
