import ptBR from './messages/pt-BR.json';
import en from './messages/en.json';

export const LOCALES = ['pt-BR', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'pt-BR';
export const LOCALE_COOKIE = 'locale';
export const TIME_ZONE = 'America/Sao_Paulo';

export const catalogs: Record<Locale, typeof ptBR> = { 'pt-BR': ptBR, en };

export function toLocale(value: string | undefined | null): Locale {
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : DEFAULT_LOCALE;
}
