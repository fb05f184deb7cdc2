import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { HistoryTable } from '@/components/history/history-table';
import { SelectField } from '@/components/ui/choice-fields';
import { Field } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { AUDIT_ACTIONS, AUDIT_PAGE_SIZE, listAuditEvents, referencedNames } from '@/lib/audit/queries';
import { requireAdmin } from '@/lib/auth/session';
import { dayAfter, FIRST_DAY, LAST_DAY, parseDay } from '@/lib/forms/dates';
import { HistoryQuery } from '@/lib/audit/schema';
import { loadPage } from '@/lib/forms/paging';
import { parseQuery, type SearchParams } from '@/lib/forms/query';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('history'))('title') };
}

type Props = { searchParams: Promise<SearchParams> };

export default async function HistoryPage({ searchParams }: Props) {
  const ctx = await requireAdmin();
  const params = await searchParams;
  const { q, action, from, to, page: requested } = parseQuery(HistoryQuery, params);
  // A day that is not one is reported next to its field and left out of the filter; the
  // other filters still apply.
  const fromDay = parseDay(from);
  const toDay = parseDay(to);
  const [t, tv, format, result] = await Promise.all([
    getTranslations('history'),
    getTranslations('validation'),
    getFormatter(),
    loadPage(requested, AUDIT_PAGE_SIZE, (page) =>
      listAuditEvents(ctx.companyId, {
        q,
        action,
        from: fromDay instanceof Date ? fromDay : undefined,
        to: toDay instanceof Date ? dayAfter(toDay) : undefined,
        page,
      }),
    ),
  ]);
  const dateError = (d: Date | null | 'invalid') => (d === 'invalid' ? tv('dateInvalid') : undefined);
  const query = Object.fromEntries(Object.entries({ q, action, from, to }).filter(([, v]) => v));
  const first = result.total === 0 ? 0 : (result.page - 1) * AUDIT_PAGE_SIZE + 1;
  const last = Math.min(result.total, result.page * AUDIT_PAGE_SIZE);
  return (
    <>
      <PageHeader title={t('title')} lead={t('intro', { company: ctx.companyName })} />
      <form method="get" className="filters" aria-label={t('filterSubmit')}>
        <Field name="q" label={t('filterQ')} hint={t('filterQHint')} type="search" defaultValue={q} maxLength={100} />
        <SelectField
          name="action"
          label={t('filterAction')}
          defaultValue={action}
          options={[
            { value: '', label: t('filterAllActions') },
            ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`actions.${a.replace('.', '_')}` as never) })),
          ]}
        />
        <Field name="from" label={t('filterFrom')} type="date" defaultValue={from} min={FIRST_DAY} max={LAST_DAY} error={dateError(fromDay)} />
        <Field name="to" label={t('filterTo')} type="date" defaultValue={to} min={FIRST_DAY} max={LAST_DAY} error={dateError(toDay)} />
        <div className="filters__actions">
          <button type="submit" className="btn btn--secondary">
            {t('filterSubmit')}
          </button>
          {Object.keys(query).length ? (
            <Link href="/history" className="btn btn--link">
              {t('clear')}
            </Link>
          ) : null}
        </div>
      </form>
      <p className="toolbar__count">{t('count', { from: format.number(first), to: format.number(last), total: format.number(result.total) })}</p>
      {result.rows.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('empty')}</p>
        </div>
      ) : (
        <>
          <HistoryTable rows={result.rows} names={await referencedNames(ctx.companyId, result.rows)} />
          <Pagination basePath="/history" query={query} page={result.page} pageSize={AUDIT_PAGE_SIZE} total={result.total} />
        </>
      )}
    </>
  );
}
