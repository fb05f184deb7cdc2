'use client';

import { useTranslations } from 'next-intl';
import { FormAlert } from '@/components/ui/alerts';

/**
 * The top of an editing form: the form-level message, the required-fields note, and, when
 * editing, the record's id and the version the edit started from (optimistic concurrency).
 */
export function FormHead({ message, edit }: { message?: string; edit?: { id?: string; version?: string } }) {
  const tc = useTranslations('common');
  return (
    <>
      {message ? <FormAlert>{message}</FormAlert> : null}
      <p className="muted">{tc('requiredFieldsNote')}</p>
      {edit ? (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={edit.version} />
        </>
      ) : null}
    </>
  );
}
