'use client';

import { useTranslations } from 'next-intl';
import { FormHead } from '@/components/forms/form-head';
import { useActionForm } from '@/components/forms/use-action-form';
import { FormActions } from '@/components/ui/form-actions';
import { CheckboxField, RadioGroup, SelectField } from '@/components/ui/choice-fields';
import { ContactPicker, type PickedPerson } from '@/components/ui/contact-picker';
import { Field } from '@/components/ui/field';
import { GROUP_TYPES } from '@/db/schema/group-types';
import { createGroupAction, updateGroupAction } from '@/lib/groups/actions';
import { GroupSchema, UpdateGroupSchema } from '@/lib/groups/schema';

type Values = Partial<Record<'name' | 'responsibleId' | 'type' | 'inDisuse' | 'restricted' | 'mailbox' | 'id' | 'version', string>>;

type Responsible = {
  /** Who the select offers without JavaScript: the search's results (or the first by name), the current one first. */
  people: PickedPerson[];
  more: boolean;
  current: PickedPerson | null;
  /** The search typed without JavaScript, and the page it reloads (the form's values travel with it). */
  q: string;
  searchPath: string;
};

export function GroupForm({ mode, initialValues, responsible }: { mode: 'create' | 'edit'; initialValues: Values; responsible: Responsible }) {
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
      <ContactPicker
        name="responsibleId"
        label={t('responsible')}
        hint={t('responsibleHint')}
        error={field('responsibleId').error}
        clearable
        initial={responsible.current}
        source="/contacts/picker"
        fallback={
          <div className="picker-fallback">
            <SelectField
              label={t('responsible')}
              hint={responsible.more ? t('responsibleMore', { shown: responsible.people.length }) : undefined}
              options={[{ value: '', label: t('noResponsible') }, ...responsible.people.map((p) => ({ value: p.id, label: `${p.name} — ${p.email}` }))]}
              {...field('responsibleId')}
            />
            <div className="field">
              <label htmlFor="field-responsibleQ" className="field__label">
                {t('responsibleSearch')}
              </label>
              <div className="search-form__row">
                <input id="field-responsibleQ" name="responsibleQ" type="search" className="field__input" maxLength={100} defaultValue={responsible.q} />
                {/* Reloads this page with the form's values and the people found (GET: nothing is saved). */}
                <button type="submit" formAction={responsible.searchPath} formMethod="get" formNoValidate className="btn btn--secondary">
                  {t('searchSubmit')}
                </button>
              </div>
              <p className="field__hint">{t('responsibleSearchHint')}</p>
            </div>
          </div>
        }
      />
      <RadioGroup label={t('type')} required options={GROUP_TYPES.map((type) => ({ value: type, label: t(type) }))} {...field('type')} />
      <CheckboxField label={t('inDisuse')} hint={t('inDisuseHint')} {...field('inDisuse')} />
      <CheckboxField label={t('restricted')} hint={t('restrictedHint')} {...field('restricted')} />
      <Field label={t('mailbox')} hint={t('mailboxHint')} type="email" maxLength={254} autoComplete="off" {...field('mailbox')} />
      <FormActions pending={pending} submitLabel={t('submit')} cancelHref="/groups" cancelLabel={t('cancel')} />
    </form>
  );
}
