import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('forgotTitle') };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('auth');
  return (
    <>
      <h1>{t('forgotTitle')}</h1>
      <p className="lead">{t('forgotIntro')}</p>
      <ForgotPasswordForm />
    </>
  );
}
