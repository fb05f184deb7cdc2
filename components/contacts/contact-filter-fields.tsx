'use client';

import Link from 'next/link';
import { DismissableDetails } from '@/components/ui/dismissable-details';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/choice-fields';

export type FilterSelect = { name: string; label: string; value: string; options: { value: string; label: string }[] };

export type ContactFilterFieldsProps = {
  texts: { form: string; search: string; searchPlaceholder: string; perms: string; permsHint: string; permsSummary: string; submit: string; clear: string };
  q: string;
  /** Perfil, Consultoria, Convite, Último acesso. */
  selects: FilterSelect[];
  perms: { value: string; label: string; checked: boolean }[];
  size: FilterSelect;
  hidden: Record<string, string>;
  clearHref: string | null;
};

/**
 * The markup of the contacts' search and filters (contact-filters.tsx fills it). A client
 * component for the page's weight only: it renders the same form on the server, and the page's
 * payload then carries its labels and values instead of its whole markup a second time
 * (decision 018). It has no state; the form works without JavaScript.
 */
export function ContactFilterFields({ texts, q, selects, perms, size, hidden, clearHref }: ContactFilterFieldsProps) {
  const select = (s: FilterSelect) => <SelectField key={s.name} name={s.name} label={s.label} defaultValue={s.value} options={s.options} />;
  return (
    <form method="get" action="/contacts" role="search" className="filters filters--contacts" aria-label={texts.form}>
      <Field id="contacts-q" name="q" label={texts.search} type="search" defaultValue={q} maxLength={100} placeholder={texts.searchPlaceholder} />
      {selects.map(select)}
      <fieldset className="field filters__perms">
        <legend className="field__label">{texts.perms}</legend>
        <DismissableDetails className="dropdown">
          <summary className="dropdown__summary">{texts.permsSummary}</summary>
          <div className="dropdown__panel">
            <p className="field__hint dropdown__hint">{texts.permsHint}</p>
            {perms.map((p) => (
              <label key={p.value} className="checkbox">
                <input type="checkbox" name="perm" value={p.value} defaultChecked={p.checked} />
                <span>{p.label}</span>
              </label>
            ))}
          </div>
        </DismissableDetails>
      </fieldset>
      {select(size)}
      <div className="filters__actions">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" className="btn btn--secondary">
          {texts.submit}
        </button>
        {clearHref ? (
          <Link href={clearHref} className="btn btn--link">
            {texts.clear}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
