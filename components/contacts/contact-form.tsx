'use client';

import { useTranslations } from 'next-intl';
import { FormHead } from '@/components/forms/form-head';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormActions } from '@/components/ui/form-actions';
import { RadioGroup, SelectField } from '@/components/ui/choice-fields';
import { Field } from '@/components/ui/field';
import { PhoneFields } from './phone-fields';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { Country } from '@/lib/br/countries';
import { createContactAction, updateContactAction } from '@/lib/contacts/actions';
import { CreateContactSchema, UpdateContactSchema } from '@/lib/contacts/schema';

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
  const { state, pending, formRef, formAction, onSubmit, field, watch } = useActionForm(schema as typeof CreateContactSchema, action, {
    initialValues: initialValues as never,
  });
  const values = { ...initialValues, ...state.values };
  const country = (hydrated ? watch('country') : undefined) ?? values.country ?? 'BR';
  const br = country === 'BR';

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form form--wide">
      <FormHead message={state.message} edit={mode === 'edit' ? { id: values.id, version: values.version } : undefined} />

      <ContactFields field={field} br={br} hydrated={hydrated} countries={countries} confirmEmail={mode === 'create'} />

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
}: {
  field: (name: never) => FieldProps;
  br: boolean;
  hydrated: boolean;
  countries: Country[];
  confirmEmail: boolean;
  emailHint?: string;
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

      <Field label={t('name')} required autoComplete="off" maxLength={150} {...f('name')} />
      <Field
        label={br ? t('cpf') : t('document')}
        hint={br ? t('cpfHint') : t('documentHint')}
        required
        inputMode={br ? 'numeric' : undefined}
        autoComplete="off"
        maxLength={40}
        {...f('document')}
      />
      <PhoneFields field={f} br={br} />
      <Field label={t('email')} hint={emailHint ?? t('emailHint')} type="email" required autoComplete="off" maxLength={254} {...f('email')} />
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
    </>
  );
}
