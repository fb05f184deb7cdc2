import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { BulkBar } from '@/components/contacts/bulk-bar';
import { BulkSummaryPanel } from '@/components/contacts/bulk-summary';
import { ContactsTable } from '@/components/contacts/contacts-table';
import { PageHeader } from '@/components/ui/page-header';
import { Flash } from '@/components/ui/flash';
import { Pagination } from '@/components/ui/pagination';
import { SearchBox } from '@/components/ui/search-box';
import { requireAdmin } from '@/lib/auth/session';
import { bulkSummary, listContacts, PAGE_SIZES } from '@/lib/contacts/queries';
import { CONTACT_VIEWS, ContactListQuery } from '@/lib/contacts/schema';
import { loadPage } from '@/lib/forms/paging';
import { parseQuery, type SearchParams } from '@/lib/forms/query';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contacts'))('title') };
}

type Props = { searchParams: Promise<SearchParams> };

export default async function ContactsPage({ searchParams }: Props) {
  const ctx = await requireAdmin();
  const params = await searchParams;
  const { q, sort, dir, page: requested, status: view } = parseQuery(ContactListQuery, params);
  const [result, summary] = await Promise.all([
    loadPage(requested, PAGE_SIZES[0], (page) => listContacts(ctx.companyId, { q, sort, dir, page, status: view })),
    typeof params.batch === 'string' ? bulkSummary(ctx.companyId, ctx.contactId, params.batch) : null,
  ]);
  const [t, ta, format] = await Promise.all([getTranslations('contacts'), getTranslations('contactActions'), getFormatter()]);
  const query: Record<string, string> = { ...(q ? { q } : {}), sort, dir, ...(view === 'active' ? {} : { status: view }) };
  const selectable = view !== 'removed';
  const viewHref = (v: string) => `/contacts?${new URLSearchParams({ ...(q ? { q } : {}), sort, dir, ...(v === 'active' ? {} : { status: v }) }).toString()}`;
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
      <div className="toolbar">
        <SearchBox
          id="contacts-q"
          label={t('search')}
          submitLabel={t('searchSubmit')}
          defaultValue={q}
          placeholder={t('searchPlaceholder')}
          action="/contacts"
          hidden={{ sort, dir, ...(view === 'active' ? {} : { status: view }) }}
          after={
            q ? (
              <Link href={viewHref(view).replace(/q=[^&]*&?/, '')} className="btn btn--link">
                {t('clearSearch')}
              </Link>
            ) : null
          }
        />
        <p className="toolbar__count" aria-live="polite">
          {result.moreThanTotal ? (
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
            {q ? t('emptySearch', { q }) : view === 'deactivated' ? t('emptyDeactivated') : view === 'removed' ? t('emptyRemoved') : t('emptyCompany')}
          </p>
          {q ? <p>{t('emptySearchHelp')}</p> : null}
        </div>
      ) : (
        <>
          {result.moreThanTotal ? <p className="field__hint">{t('refineSearch', { total: n(result.total) })}</p> : null}
          {selectable ? (
            <BulkBar
              hidden={{ from: 'list', status: view, ...(q ? { q } : {}) }}
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
