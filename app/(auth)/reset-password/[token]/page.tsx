import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import { InvalidLink } from '@/components/auth/invalid-link';
import { NewPasswordForm } from '@/components/auth/new-password-form';
import { findResetLink } from '@/lib/auth/links';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('resetTitle') };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('auth');
  const found = await findResetLink(token);
  if (!found) return <InvalidLink title={t('resetTitle')} />;
  return (
    <>
      <h1>{t('resetTitle')}</h1>
      <p className="lead">{t('resetIntro', { email: found.email })}</p>
      <NewPasswordForm purpose="reset" token={token} email={found.email} submitLabel={t('saveNewPassword')} />
    </>
  );
}
