'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormAlert } from '@/components/ui/alerts';
import { RadioGroup } from '@/components/ui/choice-fields';
import { Field } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { addDomainAction } from '@/lib/domains/actions';
import { DomainSchema } from '@/lib/domains/schema';

export function AddDomainForm() {
  const t = useTranslations('domains');
  const tc = useTranslations('common');
  const { state, pending, formRef, formAction, onSubmit, field } = useActionForm(DomainSchema, addDomainAction, { initialValues: { policy: 'approval' } });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form form--wide" aria-labelledby="add-domain-title">
      <h2 id="add-domain-title" className="section-title">
        {t('addTitle')}
      </h2>
      {state.message ? <FormAlert>{state.message}</FormAlert> : null}
      <Field
        label={t('domain')}
        hint={t('domainHint')}
        required
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={253}
        placeholder="empresa.com.br"
        {...field('domain')}
      />
      <RadioGroup
        label={t('policy')}
        hint={`${t('approval')}: ${t('approvalHint')} ${t('auto')}: ${t('autoHint')}`}
        required
        options={[
          { value: 'approval', label: t('approval') },
          { value: 'auto', label: t('auto') },
        ]}
        {...field('policy')}
      />
      <div className="form__actions">
        <SubmitButton pending={pending} pendingLabel={tc('saving')}>
          {t('add')}
        </SubmitButton>
      </div>
    </form>
  );
}
