import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { HistoryTable } from '@/components/history/history-table';
import { SelectField } from '@/components/ui/choice-fields';
import { Field } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { AUDIT_ACTIONS, AUDIT_PAGE_SIZE, listAuditEvents } from '@/lib/audit/queries';
import { requireAdmin } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('history'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

// Dates typed by the administrator are days in São Paulo time.
function day(value: string, plusDays = 0): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00-03:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  return new Date(d.getTime() + plusDays * 86_400_000);
}

export default async function HistoryPage({ searchParams }: Props) {
  const ctx = await requireAdmin();
  const params = await searchParams;
  const q = one(params.q).slice(0, 100);
  const action = one(params.action);
  const from = one(params.from);
  const to = one(params.to);
  const page = Math.max(1, Number.parseInt(one(params.page) || '1', 10) || 1);
  const [t, format, result] = await Promise.all([
    getTranslations('history'),
    getFormatter(),
    listAuditEvents(ctx.companyId, { q, action, from: day(from), to: day(to, 1), page }),
  ]);
  const query = Object.fromEntries(Object.entries({ q, action, from, to }).filter(([, v]) => v));
  const first = result.total === 0 ? 0 : (page - 1) * AUDIT_PAGE_SIZE + 1;
  const last = Math.min(result.total, page * AUDIT_PAGE_SIZE);
  return (
    <>
      <PageHeader title={t('title')} lead={t('intro', { company: ctx.companyName })} />
      <form method="get" className="filters" aria-label={t('filterSubmit')}>
        <Field name="q" label={t('filterQ')} hint={t('filterQHint')} type="search" defaultValue={q} maxLength={100} />
        <SelectField
          name="action"
          label={t('filterAction')}
          defaultValue={action}
          options={[{ value: '', label: t('filterAllActions') }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`actions.${a.replace('.', '_')}` as never) }))]}
        />
        <Field name="from" label={t('filterFrom')} type="date" defaultValue={from} />
        <Field name="to" label={t('filterTo')} type="date" defaultValue={to} />
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
          <HistoryTable companyId={ctx.companyId} rows={result.rows} />
          <Pagination basePath="/history" query={query} page={page} pageSize={AUDIT_PAGE_SIZE} total={result.total} />
        </>
      )}
    </>
  );
}
