import type { InputHTMLAttributes, Ref } from 'react';
import { FieldShell, fieldIds } from './field-shell';

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name'> & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
};

/** A text-like input with its label, hint and error, all tied together for screen readers. */
export function Field({ name, label, hint, error, required, inputRef, id, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  return (
    <FieldShell id={inputId} label={label} hint={hint} error={error} required={required}>
      <input
        id={inputId}
        name={name}
        ref={inputRef}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldIds(inputId, hint, error).describedBy}
        aria-required={required ? true : undefined}
        {...input}
      />
    </FieldShell>
  );
}
