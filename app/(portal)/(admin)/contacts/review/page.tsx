import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { BulkBar } from '@/components/contacts/bulk-bar';
import { BulkSummaryPanel } from '@/components/contacts/bulk-summary';
import { ReviewRows, type ReviewItem } from '@/components/contacts/review-rows';
import { Flash } from '@/components/ui/flash';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { requireAdmin } from '@/lib/auth/session';
import { bulkSummary, REVIEW_PAGE_SIZE, reviewContacts } from '@/lib/contacts/queries';
import { REVIEW_DAYS, REVIEW_KINDS, ReviewQuery } from '@/lib/contacts/schema';
import { dateTimeFormat, daysSince } from '@/lib/forms/dates';
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
  const [t, tc, format, locale] = await Promise.all([getTranslations('review'), getTranslations('contacts'), getFormatter(), getLocale()]);
  const when = dateTimeFormat(locale);
  const href = (over: Record<string, string>) => `/contacts/review?${new URLSearchParams({ days, show, ...over }).toString()}`;
  const n = (x: number) => format.number(x);
  const items: ReviewItem[] = result.rows.map((c) => ({
    id: c.id,
    name: c.name,
    email: c.email,
    isAdmin: c.isAdmin,
    idleText: c.lastAccessAt ? t('reasonInactive', { days: n(daysSince(c.lastAccessAt)) }) : null,
    lastAccessText: c.lastAccessAt ? when.format(new Date(c.lastAccessAt)) : null,
    invitedText: when.format(new Date(c.createdAt)),
  }));
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
                    <span className="visually-hidden">{tc('selectColumn')}</span>
                  </th>
                  <th scope="col">{tc('name')}</th>
                  <th scope="col">{tc('email')}</th>
                  <th scope="col">{t('situation')}</th>
                  <th scope="col">{t('lastAccess')}</th>
                  <th scope="col">{t('invitedAt')}</th>
                </tr>
              </thead>
              <ReviewRows
                items={items}
                labels={{ situation: t('situation'), lastAccess: t('lastAccess'), invitedAt: t('invitedAt'), never: t('never'), reasonNever: t('reasonNever') }}
              />
            </table>
          </div>
          <Pagination basePath="/contacts/review" query={{ days, show }} page={result.page} pageSize={result.pageSize} total={result.total} />
        </>
      )}
    </>
  );
}
