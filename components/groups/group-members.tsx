'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/alerts';
import { ContactPicker } from '@/components/ui/contact-picker';
import { Field } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { SubmitButton } from '@/components/ui/submit-button';
import { addGroupEmailAction, addGroupMembersAction } from '@/lib/groups/actions';
import { idleState } from '@/lib/forms/action-state';

type Person = { id: string; name: string; email: string };

/**
 * Several contacts at once, linked together. With JavaScript: a picker that finds anyone of
 * the company as one types, each person chosen listed until "Vincular selecionados". Without
 * it: the page's search, and the results' checkboxes.
 */
export function AddMembersForm({ groupId, candidates }: { groupId: string; candidates: Person[] }) {
  const t = useTranslations('groups');
  const hydrated = useHydrated();
  const [state, formAction, pending] = useActionState(addGroupMembersAction, idleState);
  if (!hydrated && candidates.length === 0) return <p className="muted">{t('candidatesEmpty')}</p>;
  return (
    <form action={formAction}>
      {state.message ? <FormAlert>{state.message}</FormAlert> : null}
      {state.fieldErrors?.contactIds ? <FormAlert>{state.fieldErrors.contactIds}</FormAlert> : null}
      <input type="hidden" name="groupId" value={groupId} />
      <ContactPicker
        multiple
        name="contactIds"
        label={t('membersPicker')}
        hint={t('membersPickerHint')}
        source={`/contacts/picker?group=${groupId}`}
        fallback={
          <fieldset className="fieldset">
            <legend className="visually-hidden">{t('addMembers')}</legend>
            <ul className="candidates">
              {candidates.map((c) => (
                <li key={c.id}>
                  <label>
                    <input type="checkbox" name="contactIds" value={c.id} />
                    <span>
                      {c.name} <span className="muted">· {c.email}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        }
      />
      <SubmitButton pending={pending} variant="secondary">
        {t('linkSelected')}
      </SubmitButton>
    </form>
  );
}

export function AddEmailForm({ groupId }: { groupId: string }) {
  const t = useTranslations('groups');
  const [state, formAction, pending] = useActionState(addGroupEmailAction, idleState);
  return (
    <form action={formAction} className="form">
      <input type="hidden" name="groupId" value={groupId} />
      <Field name="email" label={t('email')} type="email" required maxLength={254} defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <div className="form__actions">
        <SubmitButton pending={pending} variant="secondary">
          {t('addEmail')}
        </SubmitButton>
      </div>
    </form>
  );
}
