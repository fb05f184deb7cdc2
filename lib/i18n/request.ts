import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { catalogs, LOCALE_COOKIE, TIME_ZONE, toLocale } from './config';

// No locale in the URL: the choice is a cookie, pt-BR when absent (docs/decisions/003).
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: catalogs[locale], timeZone: TIME_ZONE };
});
