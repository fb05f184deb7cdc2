import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { SignupForm } from '@/components/requests/signup-form';
import { countries } from '@/lib/br/countries';
import type { Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signup'))('title') };
}

// Public: anyone may ask. The answer never says whether the company exists or the person is
// already a contact (lib/requests/submissions.ts).
export default async function SignupPage() {
  const [t, locale] = await Promise.all([getTranslations('signup'), getLocale()]);
  return (
    <div className="auth-card__wide">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <SignupForm countries={countries(locale as Locale)} />
    </div>
  );
}
