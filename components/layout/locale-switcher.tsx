import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { setLocaleAction } from '@/lib/auth/actions';
import { LOCALES } from '@/lib/i18n/config';

export async function LocaleSwitcher() {
  const [locale, t, tl, h] = await Promise.all([getLocale(), getTranslations('common'), getTranslations('locale'), headers()]);
  return (
    <form action={setLocaleAction} className="locale-switcher">
      <input type="hidden" name="returnTo" value={h.get('x-pathname') ?? '/'} />
      <label htmlFor="locale-select">{t('language')}</label>
      <select id="locale-select" name="locale" defaultValue={locale}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {tl(l)}
          </option>
        ))}
      </select>
      <button type="submit" className="btn btn--secondary btn--small">
        {t('change')}
      </button>
    </form>
  );
}
