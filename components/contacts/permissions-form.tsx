'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/alerts';
import { FormActions } from '@/components/ui/form-actions';
import { PERMISSION_KEYS, type PermissionKey } from '@/db/schema/permission-keys';
import { savePermissionsAction } from '@/lib/contacts/actions';
import { idleState } from '@/lib/forms/action-state';

export function PermissionsForm({ contactId, granted }: { contactId: string; granted: PermissionKey[] }) {
  const t = useTranslations('permissions');
  const tf = useTranslations('contactForm');
  const [state, formAction, pending] = useActionState(savePermissionsAction, idleState);
  return (
    <form action={formAction} className="form form--wide">
      {state.message ? <FormAlert>{state.message}</FormAlert> : null}
      <input type="hidden" name="id" value={contactId} />
      <fieldset className="fieldset">
        <legend className="visually-hidden">{t('title')}</legend>
        <ul className="switch-list">
          {PERMISSION_KEYS.map((key) => (
            <li key={key} className="switch-list__item">
              <input
                type="checkbox"
                role="switch"
                id={`perm-${key}`}
                name="permissions"
                value={key}
                defaultChecked={granted.includes(key)}
                aria-describedby={`perm-${key}-help`}
                className="switch"
              />
              <div>
                <label htmlFor={`perm-${key}`} className="switch-list__label">
                  {t(key)}
                </label>
                <p id={`perm-${key}-help`} className="field__hint">
                  {t(`${key}_help`)}
                </p>
              </div>
            </li>
          ))}
        </ul>
      </fieldset>
      <FormActions pending={pending} submitLabel={t('submit')} cancelHref="/contacts" cancelLabel={tf('cancel')} />
    </form>
  );
}
