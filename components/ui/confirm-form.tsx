'use client';

import Link from 'next/link';
import { useActionState, type ReactNode } from 'react';
import { idleState, type ActionState } from '@/lib/forms/action-state';
import { FormAlert } from './alerts';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  question: string;
  children?: ReactNode;
  yesLabel: string;
  noLabel: string;
  noHref: string;
  danger?: boolean;
};

/** A confirmation that works as a page without JavaScript and inside a dialog with it. */
export function ConfirmForm({ action, hidden, question, children, yesLabel, noLabel, noHref, danger }: Props) {
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <form action={formAction} className="confirm">
      {state.message ? <FormAlert>{state.message}</FormAlert> : null}
      <p className="confirm__question" id="confirm-question">
        {question}
      </p>
      {children}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="form__actions">
        <button
          type="submit"
          className={`btn ${danger ? 'btn--danger' : 'btn--primary'}`}
          aria-disabled={pending || undefined}
          aria-describedby="confirm-question"
        >
          {yesLabel}
        </button>
        <Link href={noHref} className="btn btn--secondary">
          {noLabel}
        </Link>
      </div>
    </form>
  );
}
