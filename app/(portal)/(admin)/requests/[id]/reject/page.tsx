import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import { NotFoundContent } from '@/components/layout/access-pages';
import { RejectRequestForm } from '@/components/requests/reject-form';
import { PageHeader } from '@/components/ui/page-header';
import { isUuid } from '@/db/sql-helpers';
import { requireAdmin } from '@/lib/auth/session';
import { pendingRequest } from '@/lib/requests/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('requests'))('rejectTitle') };
}

export default async function RejectRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireAdmin();
  const { id } = await params;
  const request = isUuid(id) ? await pendingRequest(ctx.companyId, id) : null;
  if (!request) return <NotFoundContent />;
  const t = await getTranslations('requests');
  return (
    <>
      <PageHeader title={t('rejectTitle')} />
      <div className="panel panel--narrow">
        <RejectRequestForm id={request.id} question={t('rejectQuestion', { name: request.name, email: request.email })} />
      </div>
    </>
  );
}
