import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { BulkDecision } from '@/components/requests/bulk-decision';
import { DecisionSummaryPanel } from '@/components/requests/decision-summary';
import { RequestList, type RequestItem } from '@/components/requests/request-list';
import { Flash } from '@/components/ui/flash';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { requireAdmin } from '@/lib/auth/session';
import { formatDocument, formatPhone } from '@/lib/contacts/format';
import { loadPage } from '@/lib/forms/paging';
import { parseQuery, type SearchParams } from '@/lib/forms/query';
import { decisionSummary, REQUESTS_PAGE_SIZE, requestsPage } from '@/lib/requests/queries';
import { REQUEST_VIEWS, RequestListQuery } from '@/lib/requests/schema';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('requests'))('title') };
}

type Props = { searchParams: Promise<SearchParams> };

const TAB_LABEL = { pending: 'pending', approved: 'approvedTab', rejected: 'rejectedTab' } as const;

export default async function RequestsPage({ searchParams }: Props) {
  const ctx = await requireAdmin();
  const params = await searchParams;
  const { status, page: requested, batch } = parseQuery(RequestListQuery, params);
  const [result, summary, t, format] = await Promise.all([
    loadPage(requested, REQUESTS_PAGE_SIZE, (page) => requestsPage(ctx.companyId, status, page)),
    batch ? decisionSummary(ctx.companyId, ctx.contactId, batch) : null,
    getTranslations('requests'),
    getFormatter(),
  ]);
  const { rows, total, page, hasDomains } = result;
  const from = total === 0 ? 0 : (page - 1) * REQUESTS_PAGE_SIZE + 1;
  const to = Math.min(total, page * REQUESTS_PAGE_SIZE);
  const n = (x: number) => format.number(x);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'short', timeStyle: 'short' }) : null);
  const items: RequestItem[] = rows.map((r) => ({
    id: r.id,
    pending: r.status === 'pending',
    name: r.name,
    email: r.email,
    isCpf: r.country === 'BR',
    document: formatDocument(r.country, r.document) ?? '',
    phone: formatPhone(r.country, r.areaCode, r.phone) ?? '',
    consultancy: r.consultancy,
    requestedAt: when(r.confirmedAt) ?? '',
    decidedAt: r.status === 'pending' ? null : when(r.decidedAt),
    decidedBy: r.decidedByEmail,
    reason: r.reason,
    decisionReason: r.status === 'rejected' ? r.decisionReason : null,
    // "Fora dos domínios da empresa" only means something once the company lists a domain.
    domainFlag: r.inCompanyDomain ? 'in' : hasDomains ? 'out' : null,
    alreadyContact: r.alreadyContact,
    autoApproved: r.autoApproved,
  }));
  const list = <RequestList items={items} />;

  return (
    <>
      <PageHeader title={t('title')} lead={t('intro', { company: ctx.companyName })} />
      <Flash notice={params.notice} />
      {summary ? <DecisionSummaryPanel summary={summary} /> : null}
      <nav className="tabs" aria-label={t('tabs')}>
        {REQUEST_VIEWS.map((view) => (
          <Link
            key={view}
            href={view === 'pending' ? '/requests' : `/requests?status=${view}`}
            className={`tabs__tab${view === status ? ' tabs__tab--active' : ''}`}
            aria-current={view === status ? 'page' : undefined}
          >
            {t(TAB_LABEL[view])}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{status === 'pending' ? t('emptyPending') : t('emptyDecided')}</p>
          {status === 'pending' ? (
            <p>{t('emptyPendingHelp', { code: ctx.memberships.find((m) => m.companyId === ctx.companyId)?.companyCode ?? '' })}</p>
          ) : null}
        </div>
      ) : (
        <>
          <p className="toolbar__count">{t('count', { from: n(from), to: n(to), total: n(total) })}</p>
          {status === 'pending' ? <BulkDecision>{list}</BulkDecision> : list}
          <Pagination basePath="/requests" query={status === 'pending' ? {} : { status }} page={page} pageSize={REQUESTS_PAGE_SIZE} total={total} />
        </>
      )}
    </>
  );
}
