'use client';

import { useEffect, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { FormHead } from '@/components/forms/form-head';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormActions } from '@/components/ui/form-actions';
import { RadioGroup, SelectField } from '@/components/ui/choice-fields';
import { Field } from '@/components/ui/field';
import { PhoneFields } from './phone-fields';
import { ConflictChoice, ConflictNote, ConflictTable, orderRows, useShowUnit } from './edit-conflict';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { Country } from '@/lib/br/countries';
import { createContactAction, updateContactAction } from '@/lib/contacts/actions';
import { CreateContactSchema, UpdateContactSchema } from '@/lib/contacts/schema';
import {
  CONTACT_VALUE_FIELDS,
  UNIT_FIELDS,
  listedUnits,
  originalField,
  valuesUnder,
  wasField,
  type ContactValues,
  type EditUnit,
} from '@/lib/contacts/edit-conflict';

type Values = Partial<
  Record<'country' | 'name' | 'document' | 'areaCode' | 'phone' | 'email' | 'emailConfirmation' | 'consultancy' | 'id' | 'version', string>
>;

// The country names come from the server: the browser's Intl data may name or sort them
// differently from Node's, which would break hydration.
export function ContactForm({ mode, initialValues, countries }: { mode: 'create' | 'edit'; initialValues: Values; countries: Country[] }) {
  const t = useTranslations('contactForm');
  const hydrated = useHydrated();
  const schema = mode === 'create' ? CreateContactSchema : UpdateContactSchema;
  const action = mode === 'create' ? createContactAction : updateContactAction;
  const { state, pending, formRef, formAction, onSubmit, field, watch, setValue } = useActionForm(schema as typeof CreateContactSchema, action, {
    initialValues: initialValues as never,
  });
  const values: Record<string, string | undefined> = { ...initialValues, ...state.values };
  const country = (hydrated ? watch('country') : undefined) ?? values.country ?? 'BR';
  const br = country === 'BR';
  const conflict = useEditConflict({ values, initialValues, submitted: state.values ?? {}, fieldErrors: state.fieldErrors ?? {}, countries });

  // With JavaScript the fields stay as typed after an answer: a field only the other
  // administrator changed must show their value now (without JavaScript the page renders it).
  useEffect(() => {
    for (const unit of listedUnits(state.values?.informed)) {
      for (const f of UNIT_FIELDS[unit]) setValue(f as 'name', state.values?.[f] ?? '');
    }
  }, [state, setValue]);

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form form--wide">
      <FormHead message={state.message} edit={mode === 'edit' ? { id: values.id, version: values.version } : undefined} />
      {mode === 'edit' ? conflict.head : null}

      <ContactFields
        field={field}
        br={br}
        hydrated={hydrated}
        countries={countries}
        confirmEmail={mode === 'create'}
        after={mode === 'edit' ? conflict.after : undefined}
      />

      <FormActions pending={pending} submitLabel={mode === 'create' ? t('submitCreate') : t('submitEdit')} cancelHref="/contacts" cancelLabel={t('cancel')} />
    </form>
  );
}

type FieldProps = ReturnType<ReturnType<typeof useActionForm<Record<string, string>>>['field']>;

/**
 * The fields of "Adicionar usuário" (PRODUCT.md §2.1): also those of "Quero me cadastrar".
 * Without JavaScript, "Atualizar campos" re-renders them for another country.
 */
export function ContactFields({
  field,
  br,
  hydrated,
  countries,
  confirmEmail,
  emailHint,
  after = {},
}: {
  field: (name: never) => FieldProps;
  br: boolean;
  hydrated: boolean;
  countries: Country[];
  confirmEmail: boolean;
  emailHint?: string;
  /** Shown under a field (or the phone's row): what another administrator changed there. */
  after?: Partial<Record<EditUnit, ReactNode>>;
}) {
  const t = useTranslations('contactForm');
  const f = field as (name: string) => FieldProps;
  return (
    <>
      <SelectField
        label={t('country')}
        required
        options={countries.map((c) => ({ value: c.code, label: c.name }))}
        hint={hydrated ? undefined : t('changeCountryHint')}
        after={
          hydrated ? null : (
            <button type="submit" name="intent" value="refresh" formNoValidate className="btn btn--secondary">
              {t('refreshFields')}
            </button>
          )
        }
        {...f('country')}
      />
      {after.country}

      <Field label={t('name')} required autoComplete="off" maxLength={150} {...f('name')} />
      {after.name}
      <Field
        label={br ? t('cpf') : t('document')}
        hint={br ? t('cpfHint') : t('documentHint')}
        required
        inputMode={br ? 'numeric' : undefined}
        autoComplete="off"
        maxLength={40}
        {...f('document')}
      />
      {after.document}
      <PhoneFields field={f} br={br} />
      {after.phone}
      <Field label={t('email')} hint={emailHint ?? t('emailHint')} type="email" required autoComplete="off" maxLength={254} {...f('email')} />
      {after.email}
      {confirmEmail ? <Field label={t('emailConfirmation')} type="email" required autoComplete="off" maxLength={254} {...f('emailConfirmation')} /> : null}

      <RadioGroup
        label={t('consultancy')}
        hint={t('consultancyHint')}
        options={[
          { value: 'yes', label: t('yes') },
          { value: 'no', label: t('no') },
        ]}
        {...f('consultancy')}
      />
      {after.consultancy}
    </>
  );
}

/**
 * "Editar perfil" over a version another administrator saved meanwhile: the hidden fields that
 * carry the version's values (orig_*) and the state of the comparison, the table of what they
 * changed, and, next to each field, the choice (both changed it) or a note (only they did).
 */
function useEditConflict({
  values,
  initialValues,
  submitted,
  fieldErrors,
  countries,
}: {
  values: Record<string, string | undefined>;
  initialValues: Values;
  submitted: Record<string, string>;
  fieldErrors: Record<string, string>;
  countries: Country[];
}) {
  const show = useShowUnit(countries);
  const t = useTranslations('contactForm');
  // Before any refusal the form's version is the one it was loaded with.
  const original = valuesUnder(values, 'orig_', initialValues as Partial<ContactValues>);
  const was = valuesUnder(values, 'was_');
  const choose = listedUnits(values.conflicts);
  const informed = listedUnits(values.informed);

  const rows = orderRows([
    ...choose.map((unit) => ({ unit, theirs: show(unit, original), yours: show(unit, valuesUnder(submitted, '')) })),
    ...informed.map((unit) => ({ unit, theirs: show(unit, original), yours: t('conflictUntouched', { value: show(unit, was) }) })),
  ]);
  const after: Partial<Record<EditUnit, ReactNode>> = {};
  for (const unit of choose) {
    after[unit] = (
      <ConflictChoice
        // A new refusal (a new version) starts with nothing chosen.
        key={`${unit}-${values.version}`}
        unit={unit}
        theirs={show(unit, original)}
        yours={show(unit, valuesUnder(submitted, ''))}
        choice={values[`keep_${unit}`]}
        error={fieldErrors[`keep_${unit}`]}
      />
    );
  }
  for (const unit of informed) after[unit] = <ConflictNote was={show(unit, was)} theirs={show(unit, original)} />;

  const head = (
    <>
      <ConflictTable rows={rows} by="otherAdmin" />
      {CONTACT_VALUE_FIELDS.map((f) => (
        <input key={f} type="hidden" name={originalField(f)} value={original[f] ?? ''} />
      ))}
      {CONTACT_VALUE_FIELDS.map((f) => (
        <input key={f} type="hidden" name={wasField(f)} value={was[f] ?? ''} />
      ))}
      <input type="hidden" name="conflicts" value={choose.join(',')} />
      <input type="hidden" name="informed" value={informed.join(',')} />
    </>
  );
  return { head, after };
}
