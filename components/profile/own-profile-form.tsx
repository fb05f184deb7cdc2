'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';
import { PhoneFields } from '@/components/contacts/phone-fields';
import { SelectField } from '@/components/ui/choice-fields';
import { FormAlert } from '@/components/ui/alerts';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/forms/use-action-form';
import { updateOwnProfileAction } from '@/lib/auth/actions';
import { OwnProfileSchema } from '@/lib/contacts/schema';
import { LOCALES } from '@/lib/i18n/config';

type Values = { name: string; areaCode: string; phone: string; locale: string; version: string };

/** "Seus dados": the person's own name, phone (with their country's rules) and language. */
export function OwnProfileForm({ initialValues, br }: { initialValues: Values; br: boolean }) {
  const t = useTranslations('contactForm');
  const tp = useTranslations('profile');
  const tl = useTranslations('locale');
  const tc = useTranslations('common');
  const { state, pending, formRef, formAction, onSubmit, field } = useActionForm(OwnProfileSchema, updateOwnProfileAction, {
    initialValues: initialValues as never,
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      {state.message ? <FormAlert>{state.message}</FormAlert> : null}
      <input type="hidden" name="version" value={initialValues.version} />
      <Field label={t('name')} required autoComplete="name" maxLength={150} {...field('name')} />
      <PhoneFields field={field} br={br} />
      <SelectField label={tp('language')} options={LOCALES.map((l) => ({ value: l, label: tl(l) }))} {...field('locale')} />
      <SubmitButton pending={pending} pendingLabel={tc('saving')}>
        {tp('saveData')}
      </SubmitButton>
    </form>
  );
}
