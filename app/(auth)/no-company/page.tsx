import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { currentSession } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('errors'))('noCompanyTitle') };
}

export default async function NoCompanyPage() {
  const session = await currentSession();
  if (session.status === 'signed-out') redirect('/login');
  if (session.status === 'ok') redirect('/');
  const t = await getTranslations('errors');
  return (
    <>
      <h1>{t('noCompanyTitle')}</h1>
      <p>{session.companySignIn ? t('noCompanySignInRequired') : t('noCompanyText')}</p>
      <SignOutButton className="btn btn--secondary" />
    </>
  );
}
