'use client';

import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormAlert } from '@/components/ui/alerts';
import { FormActions } from '@/components/ui/form-actions';
import { RadioGroup } from '@/components/ui/choice-fields';
import { Field } from '@/components/ui/field';
import { TextareaField } from '@/components/ui/textarea-field';
import { createTicketAction } from '@/lib/tickets/actions';
import { NewTicketSchema } from '@/lib/tickets/schema';

export function TicketForm() {
  const t = useTranslations('tickets');
  const { state, pending, formRef, formAction, onSubmit, field } = useActionForm(NewTicketSchema, createTicketAction, {
    initialValues: { category: 'support' },
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form form--wide">
      {state.message ? <FormAlert>{state.message}</FormAlert> : null}
      <Field label={t('subject')} required maxLength={200} {...field('subject')} />
      <RadioGroup
        label={t('category')}
        required
        options={[
          { value: 'support', label: t('support') },
          { value: 'bpo', label: t('bpo') },
        ]}
        {...field('category')}
      />
      <TextareaField label={t('description')} required rows={8} maxLength={5000} {...field('description')} />
      <FormActions pending={pending} submitLabel={t('submit')} cancelHref="/tickets" cancelLabel={t('cancel')} />
    </form>
  );
}
