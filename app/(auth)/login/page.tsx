import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Flash } from '@/components/ui/flash';
import { currentSession } from '@/lib/auth/session';
import { safeCallbackPath } from '@/lib/auth/safe-redirect';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signInTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const session = await currentSession();
  if (session.status === 'ok') redirect('/');
  const t = await getTranslations('auth');
  const callbackUrl = typeof params.callbackUrl === 'string' ? safeCallbackPath(params.callbackUrl, '') : '';
  const email = typeof params.email === 'string' ? params.email.slice(0, 254) : '';
  return (
    <>
      <h1>{t('signInTitle')}</h1>
      <p className="lead">{t('signInIntro')}</p>
      <Flash notice={params.notice} />
      <SignInForm callbackUrl={callbackUrl || undefined} initialEmail={email} />
    </>
  );
}
