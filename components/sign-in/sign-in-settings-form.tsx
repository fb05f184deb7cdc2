'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { FormAlert, StatusMessage } from '@/components/ui/alerts';
import { Field } from '@/components/ui/field';
import { FieldError } from '@/components/ui/field-shell';
import { idleState } from '@/lib/forms/action-state';
import { signInSettingsAction } from '@/lib/sign-in/actions';

type Props = {
  initial: { issuer: string; clientId: string; required: boolean; domains: string[] };
  secret: 'none' | 'stored' | 'unreadable';
  domains: Array<{ id: string; domain: string }>;
};

/** "Login da empresa". Checked on the server only (the secret never comes back to the page). */
export function SignInSettingsForm({ initial, secret, domains }: Props) {
  const t = useTranslations('signInSettings');
  const [state, formAction, pending] = useActionState(signInSettingsAction, idleState);
  const v = state.values;
  const chosen = new Set(v ? (v.domains ?? '').split(',').filter(Boolean) : initial.domains);
  const required = v ? v.required === 'on' : initial.required;
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="form form--wide" noValidate>
      {state.status === 'error' && state.message ? <FormAlert>{state.message}</FormAlert> : null}
      {state.status === 'ok' && state.message ? <StatusMessage>{state.message}</StatusMessage> : null}
      <Field
        name="issuer"
        label={t('issuer')}
        hint={t('issuerHint')}
        required
        type="url"
        autoComplete="off"
        spellCheck={false}
        maxLength={500}
        defaultValue={v?.issuer ?? initial.issuer}
        error={errors.issuer}
      />
      <Field
        name="clientId"
        label={t('clientId')}
        required
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        defaultValue={v?.clientId ?? initial.clientId}
        error={errors.clientId}
      />
      <Field
        name="clientSecret"
        label={t('clientSecret')}
        hint={
          secret === 'stored'
            ? `${t('clientSecretStored')} ${t('clientSecretHint')}`
            : secret === 'unreadable'
              ? t('clientSecretUnreadable')
              : t('clientSecretHint')
        }
        required={secret !== 'stored'}
        type="password"
        autoComplete="new-password"
        maxLength={2000}
        defaultValue=""
        error={errors.clientSecret}
      />
      <fieldset className={`field fieldset${errors.domains ? ' field--invalid' : ''}`} aria-describedby="domains-hint">
        <legend className="field__label">{t('domains')}</legend>
        <p className="field__hint" id="domains-hint">
          {domains.length ? t('domainsHint') : t('noDomains')}
        </p>
        {domains.map((d) => (
          <label key={d.id} className="checkbox">
            <input type="checkbox" name="domains" value={d.id} defaultChecked={chosen.has(d.id)} /> {d.domain}
          </label>
        ))}
        <FieldError id="domains-error">{errors.domains}</FieldError>
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" name="required" defaultChecked={required} aria-describedby="required-hint" /> {t('required')}
      </label>
      <p className="field__hint" id="required-hint">
        {t('requiredHint')}
      </p>
      <div className="form__actions">
        <button type="submit" name="intent" value="save" className="btn btn--primary" aria-disabled={pending || undefined}>
          {t('save')}
        </button>
        <button type="submit" name="intent" value="test" className="btn btn--secondary" aria-disabled={pending || undefined}>
          {t('test')}
        </button>
      </div>
    </form>
  );
}
