import { createTranslator } from 'use-intl/core';
import { catalogs, DEFAULT_LOCALE, TIME_ZONE, type Locale } from './config';

// One translator per namespace and locale: each keeps its parsed messages, so rendering
// 50,000 invitation e-mails parses the template once, not 50,000 times.
const translators = new Map<string, unknown>();

/** A translator outside a request (e-mails, command line, tests). */
export function translator<N extends keyof (typeof catalogs)['pt-BR']>(namespace: N, locale: Locale = DEFAULT_LOCALE) {
  const key = `${locale}:${namespace}`;
  let t = translators.get(key) as ReturnType<typeof createTranslator<(typeof catalogs)['pt-BR'], N>> | undefined;
  if (!t) {
    t = createTranslator({ locale, messages: catalogs[locale], namespace, timeZone: TIME_ZONE });
    translators.set(key, t);
  }
  return t;
}
