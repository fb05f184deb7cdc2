import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { PageHeader } from '@/components/ui/page-header';
import { Flash } from '@/components/ui/flash';
import { Notice } from '@/components/ui/alerts';
import { Pagination } from '@/components/ui/pagination';
import { requireContact } from '@/lib/auth/session';
import { listTickets, TICKETS_PAGE_SIZE } from '@/lib/tickets/queries';
import { TICKET_STATUSES, TicketListQuery } from '@/lib/tickets/schema';
import { canOpenTickets } from '@/lib/tickets/visibility';
import { loadPage } from '@/lib/forms/paging';
import { parseQuery, type SearchParams } from '@/lib/forms/query';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tickets'))('title') };
}

type Props = { searchParams: Promise<SearchParams> };

export default async function TicketsPage({ searchParams }: Props) {
  const ctx = await requireContact();
  const params = await searchParams;
  const { status: statusParam, page: requested } = parseQuery(TicketListQuery, params);
  const status = statusParam === 'all' ? undefined : statusParam;
  const [t, format, result] = await Promise.all([
    getTranslations('tickets'),
    getFormatter(),
    loadPage(requested, TICKETS_PAGE_SIZE, (page) => listTickets(ctx.companyId, ctx, { status, page })),
  ]);
  const canOpen = canOpenTickets(ctx);
  const from = result.total === 0 ? 0 : (result.page - 1) * TICKETS_PAGE_SIZE + 1;
  const to = Math.min(result.total, result.page * TICKETS_PAGE_SIZE);
  return (
    <>
      <PageHeader
        title={t('title')}
        lead={ctx.isAdmin ? t('introAdmin', { company: ctx.companyName }) : t('introContact')}
        actions={
          canOpen ? (
            <Link href="/tickets/new" className="btn btn--primary">
              {t('new')}
            </Link>
          ) : null
        }
      />
      <Flash notice={params.notice} />
      {result.restricted ? (
        <Notice>{t('restricted')}</Notice>
      ) : (
        <>
          <div className="toolbar">
            <form method="get" className="search-form">
              <label htmlFor="tickets-status">{t('filter')}</label>
              <div className="search-form__row">
                <select id="tickets-status" name="status" defaultValue={statusParam}>
                  <option value="active">{t('filterActive')}</option>
                  {TICKET_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(s)}
                    </option>
                  ))}
                  <option value="all">{t('filterAll')}</option>
                </select>
                <button type="submit" className="btn btn--secondary">
                  {t('filterSubmit')}
                </button>
              </div>
            </form>
            <p className="toolbar__count">{t('count', { from: format.number(from), to: format.number(to), total: format.number(result.total) })}</p>
          </div>
          {result.rows.length === 0 ? (
            <div className="empty-state">
              <p className="empty-state__title">{t('empty')}</p>
              {canOpen ? <p>{t('emptyCanOpen')}</p> : null}
            </div>
          ) : (
            <>
              <div className="table-wrap">
                <table className="table table--stack">
                  <thead>
                    <tr>
                      <th scope="col">{t('number')}</th>
                      <th scope="col">{t('subject')}</th>
                      <th scope="col">{t('category')}</th>
                      <th scope="col">{t('status')}</th>
                      <th scope="col">{t('requester')}</th>
                      <th scope="col">{t('group')}</th>
                      <th scope="col">{t('createdAt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.rows.map((r) => (
                      <tr key={r.id}>
                        <td data-label={t('number')} className="nowrap">
                          #{r.number}
                        </td>
                        <th scope="row" className="table__primary">
                          <Link href={`/tickets/${r.id}`}>{r.subject}</Link>
                        </th>
                        <td data-label={t('category')}>{t(r.category)}</td>
                        <td data-label={t('status')}>
                          <span className={`badge badge--ticket-${r.status}`}>{t(r.status)}</span>
                        </td>
                        <td data-label={t('requester')}>{r.requesterName}</td>
                        <td data-label={t('group')}>{r.groupName ?? <span className="muted">{t('noGroup')}</span>}</td>
                        <td data-label={t('createdAt')} className="nowrap">
                          {format.dateTime(r.createdAt, { dateStyle: 'short', timeStyle: 'short' })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination basePath="/tickets" query={{ status: statusParam }} page={result.page} pageSize={TICKETS_PAGE_SIZE} total={result.total} />
            </>
          )}
        </>
      )}
    </>
  );
}
