import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import { NotFoundContent } from '@/components/layout/access-pages';
import { ConfirmForm } from '@/components/ui/confirm-form';
import { PageHeader } from '@/components/ui/page-header';
import { isUuid } from '@/db/sql-helpers';
import { requireAdmin } from '@/lib/auth/session';
import { removeDomainAction } from '@/lib/domains/actions';
import { findDomain } from '@/lib/domains/mutations';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('domains'))('removeTitle') };
}

export default async function RemoveDomainPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireAdmin();
  const { id } = await params;
  const domain = isUuid(id) ? await findDomain(ctx.companyId, id) : null;
  if (!domain) return <NotFoundContent />;
  const t = await getTranslations('domains');
  return (
    <>
      <PageHeader title={t('removeTitle')} />
      <div className="panel panel--narrow">
        <ConfirmForm
          action={removeDomainAction}
          hidden={{ id: domain.id }}
          question={t('removeQuestion', { domain: domain.domain, auto: domain.policy === 'auto' ? 'yes' : 'no' })}
          yesLabel={t('removeYes')}
          noLabel={t('no')}
          noHref="/settings/domains"
          danger
        />
      </div>
    </>
  );
}
