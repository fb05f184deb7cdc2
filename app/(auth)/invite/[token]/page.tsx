import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import { InvalidLink } from '@/components/auth/invalid-link';
import { NewPasswordForm } from '@/components/auth/new-password-form';
import { findInvitation } from '@/lib/auth/links';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('inviteTitle') };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('auth');
  const found = await findInvitation(token);
  if (!found) return <InvalidLink title={t('inviteTitle')} />;
  return (
    <>
      <h1>{t('inviteTitle')}</h1>
      <p className="lead">
        {found.companyName ? t('inviteIntro', { company: found.companyName, email: found.email }) : t('inviteIntroNoCompany', { email: found.email })}
      </p>
      <NewPasswordForm purpose="invite" token={token} email={found.email} submitLabel={t('createPassword')} />
    </>
  );
}
