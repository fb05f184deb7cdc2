import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { ConfirmSignupForm } from '@/components/requests/confirm-signup-form';
import { findSignupLink } from '@/lib/requests/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signup'))('confirmTitle') };
}

export default async function ConfirmSignupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, ta] = await Promise.all([getTranslations('signup'), getTranslations('auth')]);
  const found = await findSignupLink(token);
  if (!found) {
    return (
      <>
        <h1>{t('confirmTitle')}</h1>
        <div className="alert alert--error" role="alert">
          {t('linkInvalid')}
        </div>
        <p>{t('linkInvalidHelp')}</p>
        <p className="form__links">
          <Link href="/signup">{t('newRequest')}</Link> · <Link href="/login">{ta('backToSignIn')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t('confirmTitle')}</h1>
      <p className="lead">{t('confirmIntro', { name: found.name, company: found.companyName, email: found.email })}</p>
      <ConfirmSignupForm token={token} />
    </>
  );
}
