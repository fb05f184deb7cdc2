import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
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

/** One of the review's filters: its label, then each value as a tab, the current one marked. */
function FilterTabs<V extends string>({
  label,
  values,
  current,
  href,
  text,
}: {
  label: string;
  values: readonly V[];
  current: V;
  href: (value: V) => string;
  text: (value: V) => string;
}) {
  return (
    <div className="review-filters__group">
      <span className="review-filters__label">{label}</span>
      <span className="tabs">
        {values.map((v) => (
          <Link key={v} href={href(v)} className={`tabs__tab${v === current ? ' tabs__tab--active' : ''}`} aria-current={v === current ? 'page' : undefined}>
            {text(v)}
          </Link>
        ))}
      </span>
    </div>
  );
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
        <FilterTabs label={t('days')} values={REVIEW_DAYS} current={days} href={(d) => href({ days: d })} text={(d) => t('daysOption', { days: d })} />
        <FilterTabs label={t('kind')} values={REVIEW_KINDS} current={show} href={(k) => href({ show: k })} text={(k) => t(`kind_${k}`)} />
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
