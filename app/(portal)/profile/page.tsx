import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/profile/change-password-form';
import { SessionsPanel } from '@/components/profile/sessions-panel';
import { ownSessions } from '@/lib/auth/queries';
import { Flash } from '@/components/ui/flash';
import { requireContact } from '@/lib/auth/session';
import { companyAdminName } from '@/lib/contacts/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('profile'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProfilePage({ searchParams }: Props) {
  const ctx = await requireContact();
  const params = await searchParams;
  const [t, sessions, admin] = await Promise.all([
    getTranslations('profile'),
    ownSessions(ctx.accountId),
    // After "Transferir administração": the message names who administers the company now.
    params.notice === 'admin-transferred' ? companyAdminName(ctx.companyId) : null,
  ]);
  return (
    <>
      <header className="page-header">
        <h1>{t('title')}</h1>
      </header>
      {params.notice === 'admin-transferred' && !admin ? null : <Flash notice={params.notice} values={admin ? { name: admin } : undefined} />}
      <div className="panels">
        <section className="panel" aria-labelledby="profile-details">
          <h2 id="profile-details">{t('details')}</h2>
          <dl className="details">
            <div>
              <dt>{t('name')}</dt>
              <dd>{ctx.contactName}</dd>
            </div>
            <div>
              <dt>{t('email')}</dt>
              <dd>{ctx.email}</dd>
            </div>
            <div>
              <dt>{t('company')}</dt>
              <dd>{ctx.companyName}</dd>
            </div>
            <div>
              <dt>{t('role')}</dt>
              <dd>{ctx.isAdmin ? t('roleAdmin') : t('roleContact')}</dd>
            </div>
          </dl>
        </section>
        <section className="panel" aria-labelledby="profile-password">
          <h2 id="profile-password">{t('changePassword')}</h2>
          <p className="muted">{t('changePasswordIntro')}</p>
          <ChangePasswordForm email={ctx.email} />
        </section>
        <SessionsPanel sessions={sessions} currentId={ctx.sessionId} />
      </div>
    </>
  );
}
