import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { BulkBar } from '@/components/contacts/bulk-bar';
import { BulkSummaryPanel } from '@/components/contacts/bulk-summary';
import { BULK_FORM_ID, SelectPage, SelectRow } from '@/components/contacts/select-page';
import { EmailText } from '@/components/ui/email-text';
import { Flash } from '@/components/ui/flash';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { requireAdmin } from '@/lib/auth/session';
import { bulkSummary, REVIEW_PAGE_SIZE, reviewContacts } from '@/lib/contacts/queries';
import { REVIEW_DAYS, REVIEW_KINDS, ReviewQuery } from '@/lib/contacts/schema';
import { daysSince } from '@/lib/forms/dates';
import { loadPage } from '@/lib/forms/paging';
import { parseQuery, type SearchParams } from '@/lib/forms/query';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('review'))('title') };
}

/** "Revisão de acessos": who never signed in since invited N days ago, and who has not signed in for N days. */
export default async function ReviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireAdmin();
  const params = await searchParams;
  const { days, show, page: requested } = parseQuery(ReviewQuery, params);
  const [result, summary] = await Promise.all([
    loadPage(requested, REVIEW_PAGE_SIZE, (page) => reviewContacts(ctx.companyId, { days: Number(days), kind: show, page })),
    typeof params.batch === 'string' ? bulkSummary(ctx.companyId, ctx.contactId, params.batch) : null,
  ]);
  const [t, tc, format] = await Promise.all([getTranslations('review'), getTranslations('contacts'), getFormatter()]);
  const when = (d: Date) => format.dateTime(new Date(d), { dateStyle: 'short', timeStyle: 'short' });
  const href = (over: Record<string, string>) => `/contacts/review?${new URLSearchParams({ days, show, ...over }).toString()}`;
  const n = (x: number) => format.number(x);
  const from = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1;
  const to = Math.min(result.total, result.page * result.pageSize);

  return (
    <>
      <p className="breadcrumb">
        <Link href="/contacts">{tc('title')}</Link>
      </p>
      <PageHeader title={t('title')} lead={t('intro')} />
      <Flash notice={params.notice} />
      {summary ? <BulkSummaryPanel summary={summary} /> : null}
      <nav aria-label={t('filtersLabel')} className="review-filters">
        <div className="review-filters__group">
          <span className="review-filters__label">{t('days')}</span>
          <span className="tabs">
            {REVIEW_DAYS.map((d) => (
              <Link
                key={d}
                href={href({ days: d })}
                className={`tabs__tab${d === days ? ' tabs__tab--active' : ''}`}
                aria-current={d === days ? 'page' : undefined}
              >
                {t('daysOption', { days: d })}
              </Link>
            ))}
          </span>
        </div>
        <div className="review-filters__group">
          <span className="review-filters__label">{t('kind')}</span>
          <span className="tabs">
            {REVIEW_KINDS.map((k) => (
              <Link
                key={k}
                href={href({ show: k })}
                className={`tabs__tab${k === show ? ' tabs__tab--active' : ''}`}
                aria-current={k === show ? 'page' : undefined}
              >
                {t(`kind_${k}`)}
              </Link>
            ))}
          </span>
        </div>
      </nav>
      <p className="toolbar__count">{tc('count', { from: n(from), to: n(to), total: n(result.total) })}</p>
      {result.rows.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('empty', { days })}</p>
        </div>
      ) : (
        <>
          <BulkBar hidden={{ from: 'review', days, show }} pageIds={result.rows.map((r) => r.id)} total={result.total} pageSize={result.pageSize} />
          <div className="table-wrap">
            <table className="table table--stack table--dense">
              <thead>
                <tr>
                  <th scope="col" className="table__select">
                    <SelectPage label={tc('selectPage')} form={BULK_FORM_ID} />
                  </th>
                  <th scope="col">{tc('name')}</th>
                  <th scope="col">{tc('email')}</th>
                  <th scope="col">{t('situation')}</th>
                  <th scope="col">{t('lastAccess')}</th>
                  <th scope="col">{t('invitedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((c) => (
                  <tr key={c.id}>
                    <td className="table__select">
                      <SelectRow id={c.id} label={tc('select', { name: c.name })} form={BULK_FORM_ID} />
                    </td>
                    <th scope="row" className="table__primary">
                      <a href={`/contacts/${c.id}/edit`}>{c.name}</a>
                      {c.isAdmin ? (
                        <>
                          {' '}
                          <span className="badge badge--admin">{tc('admin')}</span>
                        </>
                      ) : null}
                    </th>
                    <td className="table__email" data-label={tc('email')}>
                      <EmailText email={c.email} />
                    </td>
                    <td data-label={t('situation')}>
                      {c.lastAccessAt ? (
                        t('reasonInactive', { days: n(daysSince(c.lastAccessAt)) })
                      ) : (
                        <span className="badge badge--pending">{t('reasonNever')}</span>
                      )}
                    </td>
                    <td className="nowrap" data-label={t('lastAccess')}>
                      {c.lastAccessAt ? when(c.lastAccessAt) : <span className="muted">{t('never')}</span>}
                    </td>
                    <td className="nowrap" data-label={t('invitedAt')}>
                      {when(c.createdAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination basePath="/contacts/review" query={{ days, show }} page={result.page} pageSize={result.pageSize} total={result.total} />
        </>
      )}
    </>
  );
}
