import type { ReactNode } from 'react';

/** A GET search form (works without JavaScript): label, field, button, and extras. */
export function SearchBox({
  id,
  label,
  submitLabel,
  defaultValue,
  placeholder,
  action,
  compact,
  hidden = {},
  after,
}: {
  id: string;
  label: string;
  submitLabel: string;
  defaultValue: string;
  placeholder?: string;
  action?: string;
  compact?: boolean;
  hidden?: Record<string, string>;
  after?: ReactNode;
}) {
  return (
    <form method="get" action={action} role="search" className={`search-form${compact ? ' search-form--compact' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="search-form__row">
        <input id={id} name="q" type="search" defaultValue={defaultValue} placeholder={placeholder} maxLength={100} />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" className="btn btn--secondary">
          {submitLabel}
        </button>
        {after}
      </div>
    </form>
  );
}
