import type { Ref, TextareaHTMLAttributes } from 'react';
import { FieldShell, fieldIds } from './field-shell';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'> & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  inputRef?: Ref<HTMLTextAreaElement>;
};

export function TextareaField({ name, label, hint, error, required, inputRef, ...rest }: Props) {
  const id = `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <textarea
        id={id}
        name={name}
        ref={inputRef}
        className="field__input field__textarea"
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldIds(id, hint, error).describedBy}
        {...rest}
      />
    </FieldShell>
  );
}
