import { createTranslator } from 'use-intl/core';
import { catalogs, DEFAULT_LOCALE, TIME_ZONE, type Locale } from './config';

// One translator per namespace and locale for the whole process: each keeps its parsed
// messages, so rendering 50,000 invitation e-mails parses the template once, not 50,000 times,
// and a page's messages are not parsed again on every request (lib/i18n/server.ts).
const translators = new Map<string, unknown>();

/** The process's translator of `namespace` (the whole catalogue when absent) in `locale`. */
export function cachedTranslator(locale: Locale, namespace?: string): unknown {
  const key = `${locale}:${namespace ?? ''}`;
  let t = translators.get(key);
  if (!t) {
    t = createTranslator({ locale, messages: catalogs[locale], namespace: namespace as never, timeZone: TIME_ZONE });
    translators.set(key, t);
  }
  return t;
}

/** A translator outside a request (e-mails, command line, tests). */
export function translator<N extends keyof (typeof catalogs)['pt-BR']>(namespace: N, locale: Locale = DEFAULT_LOCALE) {
  return cachedTranslator(locale, namespace) as ReturnType<typeof createTranslator<(typeof catalogs)['pt-BR'], N>>;
}
