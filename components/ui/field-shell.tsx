import type { ReactNode } from 'react';

/** The ids a field's hint and error get, and the aria-describedby that ties them to it. */
export function fieldIds(id: string, hint?: string, error?: string) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

export function RequiredMark({ on }: { on?: boolean }) {
  return on ? (
    <span className="field__required" aria-hidden="true">
      {' '}
      *
    </span>
  ) : null;
}

export function FieldHint({ id, children }: { id?: string; children?: ReactNode }) {
  return children ? (
    <p id={id} className="field__hint">
      {children}
    </p>
  ) : null;
}

export function FieldError({ id, children }: { id?: string; children?: ReactNode }) {
  return children ? (
    <p id={id} className="field__error">
      {children}
    </p>
  ) : null;
}

/**
 * Label above the control, hint and error under it (one layout for every kind of field).
 * A required field shows * (hidden from screen readers; the control says aria-required).
 */
export function FieldShell({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: ReactNode;
}) {
  const { hintId, errorId } = fieldIds(id, hint, error);
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        <RequiredMark on={required} />
      </label>
      {children}
      <FieldHint id={hintId}>{hint}</FieldHint>
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}
