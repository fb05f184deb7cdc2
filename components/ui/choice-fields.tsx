import type { ChangeEventHandler, FocusEventHandler, ReactNode, Ref } from 'react';

type Common = {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  defaultValue?: string;
  onChange?: ChangeEventHandler<HTMLElement>;
  onBlur?: FocusEventHandler<HTMLElement>;
};

function Required({ on }: { on?: boolean }) {
  return on ? (
    <span className="field__required" aria-hidden="true">
      {' '}*
    </span>
  ) : null;
}

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
}: Common & { inputRef?: Ref<HTMLSelectElement>; options: { value: string; label: string }[]; after?: ReactNode }) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        <Required on={required} />
      </label>
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
          aria-describedby={describedBy}
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
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
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
}: Common & { inputRef?: Ref<HTMLInputElement>; options: { value: string; label: string }[] }) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`field fieldset${error ? ' field--invalid' : ''}`} aria-describedby={describedBy}>
      <legend className="field__label">
        {label}
        <Required on={required} />
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="radio-row">
        {options.map((o) => (
          <label key={o.value} className="radio">
            <input type="radio" name={name} value={o.value} ref={inputRef} onChange={onChange} onBlur={onBlur} defaultChecked={defaultValue === o.value} />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
