'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { SubmitButton } from './submit-button';

/** The submit button and the way back, at the foot of every form. */
export function FormActions({
  pending,
  submitLabel,
  cancelHref,
  cancelLabel,
}: {
  pending: boolean;
  submitLabel: string;
  cancelHref: string;
  cancelLabel: string;
}) {
  const tc = useTranslations('common');
  return (
    <div className="form__actions">
      <SubmitButton pending={pending} pendingLabel={tc('saving')}>
        {submitLabel}
      </SubmitButton>
      <Link href={cancelHref} className="btn btn--secondary">
        {cancelLabel}
      </Link>
    </div>
  );
}
