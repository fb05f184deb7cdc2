import { createTranslator } from 'use-intl/core';
import { catalogs, DEFAULT_LOCALE, TIME_ZONE, type Locale } from './config';

/** A translator outside a request (e-mails, command line, tests). */
export function translator<N extends keyof (typeof catalogs)['pt-BR']>(namespace: N, locale: Locale = DEFAULT_LOCALE) {
  return createTranslator({ locale, messages: catalogs[locale], namespace, timeZone: TIME_ZONE });
}
