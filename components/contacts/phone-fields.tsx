'use client';

import type { ComponentProps } from 'react';
import { useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';

type Registered = Omit<ComponentProps<typeof Field>, 'label'>;

/** "DDD" and "Telefone" side by side, labelled and hinted for Brazil or for another country. */
export function PhoneFields({ field, br }: { field: (name: 'areaCode' | 'phone') => Registered; br: boolean }) {
  const t = useTranslations('contactForm');
  return (
    <div className="field-row">
      <Field
        label={br ? t('areaCode') : t('areaCodeForeign')}
        hint={br ? t('areaCodeHint') : t('areaCodeForeignHint')}
        required={br}
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        className="field__input field__input--short"
        {...field('areaCode')}
      />
      <Field
        label={t('phone')}
        hint={br ? t('phoneHint') : t('phoneForeignHint')}
        required
        inputMode="tel"
        autoComplete="off"
        maxLength={20}
        {...field('phone')}
      />
    </div>
  );
}
