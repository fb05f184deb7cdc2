'use client';

import { useEffect } from 'react';
import { useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';
import { PhoneFields } from '@/components/contacts/phone-fields';
import { ConflictTable, orderRows, useShowUnit } from '@/components/contacts/edit-conflict';
import { SelectField } from '@/components/ui/choice-fields';
import { FormAlert } from '@/components/ui/alerts';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/forms/use-action-form';
import { updateOwnProfileAction } from '@/lib/auth/actions';
import { OWN_PROFILE_UNITS, OWN_PROFILE_VALUE_FIELDS, UNIT_FIELDS, listedUnits, mineField, originalField } from '@/lib/contacts/edit-conflict';
import { OwnProfileSchema } from '@/lib/contacts/schema';
import { LOCALES } from '@/lib/i18n/config';

type Values = { name: string; areaCode: string; phone: string; locale: string; version: string };

/**
 * "Seus dados": the person's own name, phone (with their country's rules) and language. When
 * the administrator changed the name or the phone meanwhile, the save is refused: the table
 * says what they changed, those fields show their values again, and the person types again
 * what they want (lib/contacts/edit-conflict.ts).
 */
export function OwnProfileForm({ initialValues, country }: { initialValues: Values; country: string }) {
  const t = useTranslations('contactForm');
  const tp = useTranslations('profile');
  const tl = useTranslations('locale');
  const tc = useTranslations('common');
  const { state, pending, formRef, formAction, onSubmit, field, setValue } = useActionForm(OwnProfileSchema, updateOwnProfileAction, {
    initialValues: initialValues as never,
  });
  const values: Record<string, string | undefined> = { ...initialValues, ...state.values };
  const show = useShowUnit([]);
  const choose = listedUnits(values.conflicts, OWN_PROFILE_UNITS);
  const informed = listedUnits(values.informed, OWN_PROFILE_UNITS);
  const original = {
    country,
    name: values.orig_name ?? initialValues.name,
    areaCode: values.orig_areaCode ?? initialValues.areaCode,
    phone: values.orig_phone ?? initialValues.phone,
  };
  const typed = { country, name: values.mine_name, areaCode: values.mine_areaCode, phone: values.mine_phone };
  const rows = orderRows([
    ...choose.map((unit) => ({ unit, theirs: show(unit, original), yours: show(unit, typed) })),
    ...informed.map((unit) => ({ unit, theirs: show(unit, original), yours: t('conflictUntouched', { value: show(unit, typed) }) })),
  ]);

  // With JavaScript the fields stay as typed after an answer: those the administrator changed show their values again.
  useEffect(() => {
    for (const unit of [...listedUnits(state.values?.conflicts), ...listedUnits(state.values?.informed)]) {
      for (const f of UNIT_FIELDS[unit]) setValue(f as 'name', state.values?.[f] ?? '');
    }
  }, [state, setValue]);

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      {state.message ? <FormAlert>{state.message}</FormAlert> : null}
      <ConflictTable rows={rows} by="admin" compact />
      <input type="hidden" name="version" value={values.version} />
      {OWN_PROFILE_VALUE_FIELDS.map((f) => (
        <input key={f} type="hidden" name={originalField(f)} value={original[f] ?? ''} />
      ))}
      {OWN_PROFILE_VALUE_FIELDS.map((f) => (
        <input key={f} type="hidden" name={mineField(f)} value={typed[f] ?? ''} />
      ))}
      <input type="hidden" name="conflicts" value={choose.join(',')} />
      <input type="hidden" name="informed" value={informed.join(',')} />
      <Field label={t('name')} required autoComplete="name" maxLength={150} {...field('name')} />
      <PhoneFields field={field} br={country === 'BR'} />
      <SelectField label={tp('language')} options={LOCALES.map((l) => ({ value: l, label: tl(l) }))} {...field('locale')} />
      <SubmitButton pending={pending} pendingLabel={tc('saving')}>
        {tp('saveData')}
      </SubmitButton>
    </form>
  );
}
