import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import { SignInSettingsForm } from '@/components/sign-in/sign-in-settings-form';
import { Flash } from '@/components/ui/flash';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/session';
import type { SearchParams } from '@/lib/forms/query';
import { redirectUri } from '@/lib/sign-in/flow';
import { loadSignInSettings, signInDomains } from '@/lib/sign-in/settings';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signInSettings'))('title') };
}

export default async function SignInSettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireAdmin();
  const [params, settings, domains, t] = await Promise.all([
    searchParams,
    loadSignInSettings(ctx.companyId),
    signInDomains(ctx.companyId),
    getTranslations('signInSettings'),
  ]);
  return (
    <>
      <PageHeader title={t('title')} lead={t('intro', { company: ctx.companyName })} />
      <Flash notice={params.notice} />
      <div className="panel section">
        <p className="field__label">{t('redirectUri')}</p>
        <p>
          <code className="copyable">{redirectUri()}</code>
        </p>
        <p className="field__hint">{t('redirectUriHint')}</p>
      </div>
      <section className="panel section">
        <SignInSettingsForm
          initial={{
            issuer: settings?.issuer ?? '',
            clientId: settings?.clientId ?? '',
            required: settings?.required ?? false,
            domains: domains.filter((d) => d.signIn).map((d) => d.id),
          }}
          secret={!settings ? 'none' : settings.secretReadable ? 'stored' : 'unreadable'}
          domains={domains.map((d) => ({ id: d.id, domain: d.domain }))}
        />
      </section>
    </>
  );
}
