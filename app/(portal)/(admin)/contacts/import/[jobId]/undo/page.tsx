import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { NotFoundContent } from '@/components/layout/access-pages';
import { ConfirmForm } from '@/components/ui/confirm-form';
import { requireAdmin } from '@/lib/auth/session';
import { undoImportAction } from '@/lib/contacts/actions';
import { getImportJob } from '@/lib/contacts/import/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contactImport'))('undo') };
}

/** "Desfazer importação": asks first (the action refuses what can no longer be undone, with the reason). */
export default async function UndoImportPage({ params }: { params: Promise<{ jobId: string }> }) {
  const ctx = await requireAdmin();
  const { jobId } = await params;
  const job = await getImportJob(ctx.companyId, jobId);
  if (!job || job.status !== 'done') return <NotFoundContent />;
  const [t, tc] = await Promise.all([getTranslations('contactImport'), getTranslations('contacts')]);
  return (
    <>
      <header className="page-header page-header--stacked">
        <p className="breadcrumb">
          <Link href="/contacts">{tc('title')}</Link> <span aria-hidden="true">›</span> <Link href={`/contacts/import/${job.id}`}>{t('title')}</Link>
        </p>
        <h1>{t('undo')}</h1>
        <p className="lead">{job.fileName}</p>
      </header>
      <div className="panel panel--narrow">
        <ConfirmForm
          action={undoImportAction}
          hidden={{ jobId: job.id }}
          question={t('undoQuestion')}
          yesLabel={t('undoYes')}
          noLabel={t('undoNo')}
          noHref={`/contacts/import/${job.id}`}
          danger
        >
          <p className="muted">{t('undoExplain')}</p>
        </ConfirmForm>
      </div>
    </>
  );
}
