'use client';

import { useTranslations } from 'next-intl';
import { FormHead } from '@/components/forms/form-head';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormActions } from '@/components/ui/form-actions';
import { CheckboxField, RadioGroup, SelectField } from '@/components/ui/choice-fields';
import { Field } from '@/components/ui/field';
import { GROUP_TYPES } from '@/db/schema/group-types';
import { createGroupAction, updateGroupAction } from '@/lib/groups/actions';
import { GroupSchema, UpdateGroupSchema } from '@/lib/groups/schema';

type Values = Partial<Record<'name' | 'responsibleId' | 'type' | 'inDisuse' | 'restricted' | 'mailbox' | 'id' | 'version', string>>;

export function GroupForm({ mode, initialValues, people }: { mode: 'create' | 'edit'; initialValues: Values; people: { id: string; name: string }[] }) {
  const t = useTranslations('groups');
  const { state, pending, formRef, formAction, onSubmit, field } = useActionForm(
    (mode === 'create' ? GroupSchema : UpdateGroupSchema) as typeof GroupSchema,
    mode === 'create' ? createGroupAction : updateGroupAction,
    { initialValues: initialValues as never },
  );
  const values = { ...initialValues, ...state.values };
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form form--wide">
      <FormHead message={state.message} edit={mode === 'edit' ? { id: values.id, version: values.version } : undefined} />
      <Field label={t('name')} required maxLength={120} autoComplete="off" {...field('name')} />
      <SelectField
        label={t('responsible')}
        options={[{ value: '', label: t('noResponsible') }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
        {...field('responsibleId')}
      />
      <RadioGroup label={t('type')} required options={GROUP_TYPES.map((type) => ({ value: type, label: t(type) }))} {...field('type')} />
      <CheckboxField label={t('inDisuse')} hint={t('inDisuseHint')} {...field('inDisuse')} />
      <CheckboxField label={t('restricted')} hint={t('restrictedHint')} {...field('restricted')} />
      <Field label={t('mailbox')} hint={t('mailboxHint')} type="email" maxLength={254} autoComplete="off" {...field('mailbox')} />
      <FormActions pending={pending} submitLabel={t('submit')} cancelHref="/groups" cancelLabel={t('cancel')} />
    </form>
  );
}
