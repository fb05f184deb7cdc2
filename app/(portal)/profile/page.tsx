import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { ChangePasswordForm } from '@/components/profile/change-password-form';
import { SessionsPanel } from '@/components/profile/sessions-panel';
import { ownSessions } from '@/lib/auth/queries';
import { Flash } from '@/components/ui/flash';
import { requireContact } from '@/lib/auth/session';
import { companyAdminName, getContact } from '@/lib/contacts/queries';
import { formatDocument } from '@/lib/contacts/format';
import { OwnProfileForm } from '@/components/profile/own-profile-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('profile'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProfilePage({ searchParams }: Props) {
  const ctx = await requireContact();
  const params = await searchParams;
  const [t, tf, locale, own, sessions, admin] = await Promise.all([
    getTranslations('profile'),
    getTranslations('contacts'),
    getLocale(),
    getContact(ctx.companyId, ctx.contactId),
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
          <h2 id="profile-details">{t('yourData')}</h2>
          <dl className="details">
            <div>
              <dt>{t('email')}</dt>
              <dd>{ctx.email}</dd>
            </div>
            {own?.document ? (
              <div>
                <dt>{tf('document')}</dt>
                <dd>{formatDocument(own.country, own.document)}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('company')}</dt>
              <dd>{ctx.companyName}</dd>
            </div>
            <div>
              <dt>{t('role')}</dt>
              <dd>{ctx.isAdmin ? t('roleAdmin') : t('roleContact')}</dd>
            </div>
          </dl>
          <p className="muted">{t('yourDataIntro')}</p>
          {own ? (
            <OwnProfileForm
              country={own.country}
              initialValues={{ name: own.name, areaCode: own.areaCode ?? '', phone: own.phone ?? '', locale, version: String(own.version) }}
            />
          ) : null}
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
