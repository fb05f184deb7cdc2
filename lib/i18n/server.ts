import 'server-only';
import { getLocale, type getFormatter as nextIntlGetFormatter, type getTranslations as nextIntlGetTranslations } from 'next-intl/server';
import { createFormatter } from 'use-intl/core';
import { TIME_ZONE, toLocale, type Locale } from './config';
import { cachedTranslator } from './translator';

// The server's translators and formatter, one per language and namespace for the whole process.
// next-intl's own make new ones on every request, so that every message with a value ("Página
// {page} de {pages}") was parsed again, and its number and plural rules built again, on every
// page served. A translator holds no state of a request: the same one serves them all
// (docs/decisions/018). The language is still the request's (next-intl's getLocale).

const formatters = new Map<Locale, ReturnType<typeof createFormatter>>();

/** next-intl's getTranslations, with the process's translators (those of the e-mails too: lib/i18n/translator.ts). */
export const getTranslations = (async (arg?: string | { namespace?: string; locale?: string }) => {
  const namespace = typeof arg === 'string' ? arg : arg?.namespace;
  return cachedTranslator(toLocale(typeof arg === 'object' && arg.locale ? arg.locale : await getLocale()), namespace);
}) as typeof nextIntlGetTranslations;

/** next-intl's getFormatter, with one formatter (and its Intl objects) per language for the process. */
export const getFormatter = (async (arg?: { locale?: string }) => {
  const locale = toLocale(arg?.locale ?? (await getLocale()));
  let format = formatters.get(locale);
  if (!format) {
    format = createFormatter({ locale, timeZone: TIME_ZONE });
    formatters.set(locale, format);
  }
  return format;
}) as typeof nextIntlGetFormatter;
