import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { BulkBar } from '@/components/contacts/bulk-bar';
import { BulkSummaryPanel } from '@/components/contacts/bulk-summary';
import { ContactsTable } from '@/components/contacts/contacts-table';
import { PageHeader } from '@/components/ui/page-header';
import { Flash } from '@/components/ui/flash';
import { Pagination } from '@/components/ui/pagination';
import { ContactFilterForm } from '@/components/contacts/contact-filters';
import { requireAdmin } from '@/lib/auth/session';
import { bulkSummary, listContacts } from '@/lib/contacts/queries';
import { CONTACT_VIEWS, ContactListQuery, filterParams, filtersOf, hasFilters } from '@/lib/contacts/schema';
import { loadPage } from '@/lib/forms/paging';
import { parseQuery, type SearchParams } from '@/lib/forms/query';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contacts'))('title') };
}

type Props = { searchParams: Promise<SearchParams> };

export default async function ContactsPage({ searchParams }: Props) {
  const ctx = await requireAdmin();
  const params = await searchParams;
  const parsed = parseQuery(ContactListQuery, params);
  const { q, sort, dir, page: requested, status: view, size } = parsed;
  const filters = filtersOf(parsed);
  const pageSize = Number(size);
  const [result, summary] = await Promise.all([
    loadPage(requested, pageSize, (page) => listContacts(ctx.companyId, { q, sort, dir, page, pageSize, status: view, filters })),
    typeof params.batch === 'string' ? bulkSummary(ctx.companyId, ctx.contactId, params.batch) : null,
  ]);
  const [t, ta, format] = await Promise.all([getTranslations('contacts'), getTranslations('contactActions'), getFormatter()]);
  // What the list's links keep: search, filters, order, page size and view.
  const kept = (v: string, withSearch = true): Record<string, string> => ({
    ...(withSearch && q ? { q } : {}),
    ...(withSearch ? filterParams(filters) : {}),
    sort,
    dir,
    ...(size === '25' ? {} : { size }),
    ...(v === 'active' ? {} : { status: v }),
  });
  const query = kept(view);
  const selectable = view !== 'removed';
  const viewHref = (v: string) => `/contacts?${new URLSearchParams(kept(v)).toString()}`;
  const narrowed = Boolean(q) || hasFilters(filters);
  const from = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1;
  const to = Math.min(result.total, result.page * result.pageSize);
  const n = (x: number) => format.number(x);

  return (
    <>
      <PageHeader
        title={t('title')}
        lead={t('intro', { company: ctx.companyName })}
        actions={
          <>
            <Link href="/contacts/review" className="btn btn--secondary">
              {ta('review')}
            </Link>
            <a href="/contacts/export" className="btn btn--secondary" download>
              {ta('export')}
            </a>
            <Link href="/contacts/import" className="btn btn--secondary">
              {ta('import')}
            </Link>
            <Link href="/contacts/new" className="btn btn--primary">
              {ta('add')}
            </Link>
          </>
        }
      />
      <Flash notice={params.notice} />
      {summary ? <BulkSummaryPanel summary={summary} /> : null}
      <nav aria-label={t('viewsLabel')} className="tabs">
        {CONTACT_VIEWS.map((v) => (
          <Link key={v} href={viewHref(v)} className={`tabs__tab${view === v ? ' tabs__tab--active' : ''}`} aria-current={view === v ? 'page' : undefined}>
            {t(`view_${v}`)}
          </Link>
        ))}
      </nav>
      {view !== 'active' ? <p className="field__hint view-hint">{t(view === 'removed' ? 'removedHint' : 'deactivatedHint')}</p> : null}
      <ContactFilterForm
        q={q}
        filters={filters}
        size={size}
        hidden={{ sort, dir, ...(view === 'active' ? {} : { status: view }) }}
        clearHref={narrowed ? `/contacts?${new URLSearchParams(kept(view, false)).toString()}` : null}
      />
      <div className="toolbar">
        {/* Empty when nothing is found: the empty state below says so ("0–0 de 0" says nothing). */}
        <p className="toolbar__count" aria-live="polite">
          {result.total === 0 ? null : result.moreThanTotal ? (
            t('countMore', { from: n(from), to: n(to), total: n(result.total) })
          ) : (
            <>
              <span aria-hidden="true">{t('count', { from: n(from), to: n(to), total: n(result.total) })}</span>
              <span className="visually-hidden">{t('countLabel', { from: n(from), to: n(to), total: n(result.total) })}</span>
            </>
          )}
        </p>
      </div>
      {result.rows.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">
            {q
              ? t(hasFilters(filters) ? 'emptySearchFiltered' : 'emptySearch', { q })
              : hasFilters(filters)
                ? t('emptyFiltered')
                : view === 'deactivated'
                  ? t('emptyDeactivated')
                  : view === 'removed'
                    ? t('emptyRemoved')
                    : t('emptyCompany')}
          </p>
          {narrowed ? <p>{t(hasFilters(filters) ? 'emptyFilteredHelp' : 'emptySearchHelp')}</p> : null}
        </div>
      ) : (
        <>
          {result.moreThanTotal && q ? <p className="field__hint">{t('refineSearch', { total: n(result.total) })}</p> : null}
          {selectable ? (
            <BulkBar
              hidden={{ from: 'list', status: view, ...(q ? { q } : {}), ...filterParams(filters) }}
              pageIds={result.rows.map((r) => r.id)}
              total={result.total}
              pageSize={result.pageSize}
            />
          ) : null}
          <ContactsTable rows={result.rows} sort={sort} dir={dir} query={query} view={view} selectable={selectable} />
          <Pagination basePath="/contacts" query={query} page={result.page} pageSize={result.pageSize} total={result.total} />
        </>
      )}
    </>
  );
}
