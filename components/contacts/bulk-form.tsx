'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { FormAlert } from '@/components/ui/alerts';
import { PERMISSION_KEYS } from '@/db/schema/permission-keys';
import { bulkContactsAction } from '@/lib/contacts/actions';
import type { BulkKind } from '@/lib/contacts/lifecycle';
import { idleState } from '@/lib/forms/action-state';

/** The texts of the form, translated on the server (the "bulk" catalog is not sent with every page). */
export type BulkLabels = {
  question: string;
  explain: string;
  legend: string;
  keep: string;
  turnOn: string;
  turnOff: string;
  noGroups: string;
  group: string;
  groupChoose: string;
  confirm: string;
  cancel: string;
};

type Props = { kind: BulkKind; ids: string[]; from: 'list' | 'review'; backHref: string; groups: { id: string; name: string }[]; labels: BulkLabels };

/**
 * The confirmation of an action over many contacts: what it does, the choices it needs
 * (permissions to turn on or off, the group), and "Confirmar". A refusal keeps the choices.
 */
export function BulkForm({ kind, ids, from, backHref, groups, labels: t }: Props) {
  const tp = useTranslations('permissions');
  const [state, formAction, pending] = useActionState(bulkContactsAction, idleState);
  const alertRef = useRef<HTMLDivElement>(null);
  const values = state.values ?? {};
  const groupError = state.fieldErrors?.groupId;
  useEffect(() => {
    if (state.status === 'error') alertRef.current?.focus();
  }, [state]);
  return (
    <form action={formAction} className="confirm">
      <div ref={alertRef} tabIndex={-1}>
        {state.message ? <FormAlert>{state.message}</FormAlert> : null}
      </div>
      <p className="confirm__question" id="bulk-question">
        {t.question}
      </p>
      <p className="muted">{t.explain}</p>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="ids" value={ids.join(',')} />
      <input type="hidden" name="from" value={from} />
      {kind === 'permissions' ? (
        <fieldset className="permission-choices" aria-describedby="bulk-question">
          <legend className="visually-hidden">{t.legend}</legend>
          {PERMISSION_KEYS.map((key) => {
            const field = `perm_${key}`;
            const current = values[field] ?? 'keep';
            return (
              <div key={key} className="permission-choice" role="radiogroup" aria-labelledby={`${field}-label`}>
                <span id={`${field}-label`}>{tp(key)}</span>
                <span className="permission-choice__options">
                  {(['keep', 'on', 'off'] as const).map((choice) => (
                    <label key={choice}>
                      <input type="radio" name={field} value={choice} defaultChecked={current === choice} />
                      {choice === 'keep' ? t.keep : choice === 'on' ? t.turnOn : t.turnOff}
                    </label>
                  ))}
                </span>
              </div>
            );
          })}
        </fieldset>
      ) : null}
      {kind === 'group' ? (
        groups.length === 0 ? (
          <p className="alert alert--info">{t.noGroups}</p>
        ) : (
          <div className={`field${groupError ? ' field--invalid' : ''}`}>
            <label htmlFor="bulk-group" className="field__label">
              {t.group} <span aria-hidden="true">*</span>
            </label>
            <select
              id="bulk-group"
              name="groupId"
              defaultValue={values.groupId ?? ''}
              aria-invalid={groupError ? true : undefined}
              aria-describedby={groupError ? 'bulk-group-error' : undefined}
              required
            >
              <option value="">{t.groupChoose}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
            {groupError ? (
              <p id="bulk-group-error" className="field__error">
                {groupError}
              </p>
            ) : null}
          </div>
        )
      ) : null}
      <div className="form__actions">
        <button
          type="submit"
          className={`btn ${kind === 'remove' || kind === 'deactivate' ? 'btn--danger' : 'btn--primary'}`}
          aria-disabled={pending || undefined}
          aria-describedby="bulk-question"
          disabled={kind === 'group' && groups.length === 0}
        >
          {t.confirm}
        </button>
        <Link href={backHref} className="btn btn--secondary">
          {t.cancel}
        </Link>
      </div>
    </form>
  );
}
