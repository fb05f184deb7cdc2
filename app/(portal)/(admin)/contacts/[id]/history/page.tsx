import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/layout/access-pages';
import { getTranslations } from '@/lib/i18n/server';
import { ContactHeader } from '@/components/contacts/contact-header';
import { loadContactPage } from '@/lib/contacts/loaders';
import { HistoryTable } from '@/components/history/history-table';
import { Pagination } from '@/components/ui/pagination';
import { AUDIT_PAGE_SIZE, listAuditEvents, referencedNames } from '@/lib/audit/queries';
import { PageQuery } from '@/lib/audit/schema';
import { loadPage } from '@/lib/forms/paging';
import { parseQuery, type SearchParams } from '@/lib/forms/query';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('history'))('title') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function ContactHistoryPage({ params, searchParams }: Props) {
  const { ctx, contact } = await loadContactPage(params);
  if (!contact) return <NotFoundContent />;
  const sp = await searchParams;
  const [t, result] = await Promise.all([
    getTranslations('history'),
    loadPage(parseQuery(PageQuery, sp).page, AUDIT_PAGE_SIZE, (page) => listAuditEvents(ctx.companyId, { subjectContactId: contact.id, page })),
  ]);
  return (
    <>
      <ContactHeader contact={contact} title={t('title')} section="history" />
      <p className="muted">{t('contactIntro')}</p>
      {result.rows.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('empty')}</p>
        </div>
      ) : (
        <>
          <HistoryTable rows={result.rows} names={await referencedNames(ctx.companyId, result.rows)} showTarget={false} />
          <Pagination basePath={`/contacts/${contact.id}/history`} query={{}} page={result.page} pageSize={AUDIT_PAGE_SIZE} total={result.total} />
        </>
      )}
    </>
  );
}
