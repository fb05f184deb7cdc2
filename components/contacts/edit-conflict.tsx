'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { FieldError } from '@/components/ui/field-shell';
import type { Country } from '@/lib/br/countries';
import { EDIT_UNITS, showUnit, type ContactValues, type EditUnit } from '@/lib/contacts/edit-conflict';

// What another person saved while this one was editing (lib/contacts/edit-conflict.ts), shown
// the same way on "Editar perfil" and "Seus dados": a table above the fields (field, the value
// they saved, yours), and on "Editar perfil" the choice next to each field both changed.

export type ConflictRow = { unit: EditUnit; theirs: string; yours: string };

/** Shows a unit of a set of values as the pages do (country by name, CPF masked, phone with DDD, "Sim"/"Não"). */
export function useShowUnit(countries: readonly Country[]) {
  const t = useTranslations('contactForm');
  const names = new Map(countries.map((c) => [c.code, c.name]));
  const labels = { countryName: (code: string) => names.get(code) ?? code, yes: t('yes'), no: t('no'), empty: t('conflictEmpty') };
  return (unit: EditUnit, values: Partial<ContactValues>) => showUnit(unit, values, labels);
}

/** The rows in the order of the form's fields. */
export function orderRows(rows: ConflictRow[]): ConflictRow[] {
  return [...rows].sort((a, b) => EDIT_UNITS.indexOf(a.unit) - EDIT_UNITS.indexOf(b.unit));
}

/**
 * "Campo | Valor salvo por outro administrador | O seu valor", one row per field the other save
 * changed. `compact` (a narrow panel, as on "Meu perfil") shows each field with its two values
 * under it instead of in columns.
 */
export function ConflictTable({ rows, by, compact = false }: { rows: ConflictRow[]; by: 'otherAdmin' | 'admin'; compact?: boolean }) {
  const t = useTranslations('contactForm');
  if (rows.length === 0) return null;
  const titleId = 'edit-conflict-title';
  const theirsLabel = by === 'admin' ? t('conflictTheirsAdmin') : t('conflictTheirs');
  const title = (
    <p id={titleId} className="field__label">
      {by === 'admin' ? t('conflictCaptionAdmin') : t('conflictCaption')}
    </p>
  );
  if (compact) {
    return (
      <section className="alert alert--info" aria-labelledby={titleId}>
        {title}
        {rows.map((r) => (
          <dl key={r.unit} className="details">
            <div>
              <dt>{t('conflictField')}</dt>
              <dd>{t(`conflictFields.${r.unit}`)}</dd>
            </div>
            <div>
              <dt>{theirsLabel}</dt>
              <dd>{r.theirs}</dd>
            </div>
            <div>
              <dt>{t('conflictYours')}</dt>
              <dd>{r.yours}</dd>
            </div>
          </dl>
        ))}
      </section>
    );
  }
  return (
    <section className="alert alert--info" aria-labelledby={titleId}>
      {title}
      <div className="table-wrap">
        <table className="table table--stack" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{t('conflictField')}</th>
              <th scope="col">{theirsLabel}</th>
              <th scope="col">{t('conflictYours')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unit}>
                <th scope="row" className="table__primary">
                  {t(`conflictFields.${r.unit}`)}
                </th>
                <td data-label={theirsLabel}>{r.theirs}</td>
                <td data-label={t('conflictYours')}>{r.yours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * Next to a field both administrators changed: which value stays. Nothing is preselected;
 * "keep theirs" discards what is typed in the field, "use mine" saves it.
 */
export function ConflictChoice({ unit, theirs, yours, choice, error }: { unit: EditUnit; theirs: string; yours: string; choice?: string; error?: string }) {
  const t = useTranslations('contactForm');
  const name = `keep_${unit}`;
  const errorId = error ? `field-${name}-error` : undefined;
  return (
    <div className="alert alert--info">
      <fieldset className={`field fieldset${error ? ' field--invalid' : ''}`} aria-describedby={errorId}>
        <legend className="field__label">{t('conflictLegend', { field: t(`conflictFields.${unit}`) })}</legend>
        <div>
          <label className="radio">
            <input type="radio" name={name} value="theirs" defaultChecked={choice === 'theirs'} />
            {t('keepTheirs', { value: theirs })}
          </label>
        </div>
        <div>
          <label className="radio">
            <input type="radio" name={name} value="mine" defaultChecked={choice === 'mine'} />
            {t('keepMine', { value: yours })}
          </label>
        </div>
        <FieldError id={errorId}>{error}</FieldError>
      </fieldset>
    </div>
  );
}

/** Next to a field only the other administrator changed: their value is the one in the field now. */
export function ConflictNote({ was, theirs }: { was: string; theirs: string }): ReactNode {
  const t = useTranslations('contactForm');
  return <p className="alert alert--info">{t('conflictInformed', { was, theirs })}</p>;
}
