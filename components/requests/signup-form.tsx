'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ContactFields } from '@/components/contacts/contact-form';
import { FormHead } from '@/components/forms/form-head';
import { useActionForm } from '@/components/forms/use-action-form';
import { StatusMessage } from '@/components/ui/alerts';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextareaField } from '@/components/ui/textarea-field';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { Country } from '@/lib/br/countries';
import { signupAction } from '@/lib/requests/actions';
import { REASON_MAX, SignupSchema } from '@/lib/requests/schema';

/** "Quero me cadastrar": the fields of "Adicionar usuário", the company's code and a reason. */
export function SignupForm({ countries }: { countries: Country[] }) {
  const t = useTranslations('signup');
  const ta = useTranslations('auth');
  const hydrated = useHydrated();
  const { state, pending, formRef, formAction, onSubmit, field, watch } = useActionForm(SignupSchema, signupAction, {
    initialValues: { country: 'BR', consultancy: 'no' },
  });
  if (state.status === 'ok') {
    return (
      <>
        <StatusMessage>{state.message}</StatusMessage>
        <p className="muted">{t('sentHelp')}</p>
        <p className="form__links">
          <Link href="/login">{ta('backToSignIn')}</Link>
        </p>
      </>
    );
  }
  const country = (hydrated ? watch('country') : undefined) ?? state.values?.country ?? 'BR';
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <FormHead message={state.message} />
      <Field
        label={t('companyCode')}
        hint={t('companyCodeHint')}
        required
        autoComplete="organization"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={32}
        {...field('companyCode')}
      />
      <ContactFields field={field as never} br={country === 'BR'} hydrated={hydrated} countries={countries} confirmEmail emailHint={t('emailHint')} />
      <TextareaField label={t('reason')} hint={t('reasonHint')} rows={3} maxLength={REASON_MAX} {...field('reason')} />
      <SubmitButton pending={pending} className="btn--block">
        {t('submit')}
      </SubmitButton>
      <p className="form__links">
        {t('haveAccess')} <Link href="/login">{ta('signIn')}</Link>
      </p>
    </form>
  );
}
