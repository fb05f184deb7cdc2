'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/alerts';
import { ContactPicker } from '@/components/ui/contact-picker';
import { FormActions } from '@/components/ui/form-actions';
import { transferTicketsAction } from '@/lib/contacts/actions';
import { idleState } from '@/lib/forms/action-state';

type Target = { id: string; name: string; email: string };

export function TransferTicketsForm({ contactId, targets }: { contactId: string; targets: Target[] }) {
  const t = useTranslations('transferTickets');
  const [state, formAction, pending] = useActionState(transferTicketsAction, idleState);
  const error = state.fieldErrors?.targetId;
  return (
    <form action={formAction} className="form">
      {state.message ? <FormAlert>{state.message}</FormAlert> : null}
      <input type="hidden" name="id" value={contactId} />
      <ContactPicker
        name="targetId"
        label={t('target')}
        required
        error={error}
        hint={t('targetHintPicker')}
        source={`/contacts/picker?except=${contactId}`}
        initial={null}
        fallback={
          <div className={`field${error ? ' field--invalid' : ''}`}>
            <label htmlFor="field-targetId" className="field__label">
              {t('target')}
              <span className="field__required" aria-hidden="true">
                {' '}
                *
              </span>
            </label>
            <select
              id="field-targetId"
              name="targetId"
              className="field__input"
              aria-required="true"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'field-targetId-hint field-targetId-error' : 'field-targetId-hint'}
              defaultValue={state.values?.targetId ?? ''}
            >
              <option value="">{t('targetPlaceholder')}</option>
              {targets.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} — {c.email}
                </option>
              ))}
            </select>
            <p id="field-targetId-hint" className="field__hint">
              {t('targetHint')}
            </p>
            {error ? (
              <p id="field-targetId-error" className="field__error">
                {error}
              </p>
            ) : null}
          </div>
        }
      />
      <FormActions pending={pending} submitLabel={t('submit')} cancelHref="/contacts" cancelLabel={t('cancel')} />
    </form>
  );
}
