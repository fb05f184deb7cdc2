import type { ChangeEventHandler, FocusEventHandler, ReactNode, Ref } from 'react';
import { FieldError, FieldHint, FieldShell, RequiredMark, fieldIds } from './field-shell';

type Common = {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  defaultValue?: string;
  onChange?: ChangeEventHandler<HTMLElement>;
  onBlur?: FocusEventHandler<HTMLElement>;
  options: { value: string; label: string }[];
};

/** A labelled select with hint and error tied to it; `after` sits beside the select. */
export function SelectField({
  name,
  label,
  error,
  hint,
  required,
  defaultValue,
  onChange,
  onBlur,
  inputRef,
  options,
  after,
}: Common & { inputRef?: Ref<HTMLSelectElement>; after?: ReactNode }) {
  const id = `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <div className="field__inline">
        <select
          id={id}
          name={name}
          ref={inputRef}
          onChange={onChange}
          onBlur={onBlur}
          defaultValue={defaultValue}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={fieldIds(id, hint, error).describedBy}
          className="field__input"
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {after}
      </div>
    </FieldShell>
  );
}

/** Radio buttons in a fieldset whose legend is the question. */
export function RadioGroup({
  name,
  label,
  error,
  hint,
  required,
  defaultValue,
  onChange,
  onBlur,
  inputRef,
  options,
}: Common & { inputRef?: Ref<HTMLInputElement> }) {
  const { hintId, errorId, describedBy } = fieldIds(`field-${name}`, hint, error);
  return (
    <fieldset className={`field fieldset${error ? ' field--invalid' : ''}`} aria-describedby={describedBy}>
      <legend className="field__label">
        {label}
        <RequiredMark on={required} />
      </legend>
      <FieldHint id={hintId}>{hint}</FieldHint>
      <div className="radio-row">
        {options.map((o) => (
          <label key={o.value} className="radio">
            <input type="radio" name={name} value={o.value} ref={inputRef} onChange={onChange} onBlur={onBlur} defaultChecked={defaultValue === o.value} />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError id={errorId}>{error}</FieldError>
    </fieldset>
  );
}

/** A single checkbox with its label beside it and a hint under it. */
export function CheckboxField({
  name,
  label,
  hint,
  defaultValue,
  onChange,
  onBlur,
  inputRef,
}: Omit<Common, 'options' | 'required' | 'error'> & { inputRef?: Ref<HTMLInputElement> }) {
  const id = `field-${name}`;
  const { hintId } = fieldIds(id, hint);
  return (
    <div className="field field--checkbox">
      <label htmlFor={id} className="checkbox">
        <input
          type="checkbox"
          id={id}
          name={name}
          value="on"
          ref={inputRef}
          onChange={onChange}
          onBlur={onBlur}
          defaultChecked={defaultValue === 'on' || defaultValue === 'true'}
          aria-describedby={hintId}
        />
        <span className="field__label">{label}</span>
      </label>
      <FieldHint id={hintId}>{hint}</FieldHint>
    </div>
  );
}
