import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { AutoRefresh } from '@/components/imports/auto-refresh';
import { ImportRowsTable } from '@/components/imports/rows-table';
import { NotFoundContent } from '@/components/layout/access-pages';
import { FormAlert, Notice, StatusMessage } from '@/components/ui/alerts';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { SubmitButton } from '@/components/ui/submit-button';
import { requireAdmin } from '@/lib/auth/session';
import { parseQuery, type SearchParams } from '@/lib/forms/query';
import { discardImportAction, startImportAction } from '@/lib/contacts/import/actions';
import { filterCount, getImportJob, IMPORT_PAGE_SIZE, importRowsPage, ROW_FILTERS } from '@/lib/contacts/import/queries';
import { ImportJobQuery } from '@/lib/contacts/import/query';
import { undoDeadline } from '@/lib/contacts/import/undo';
import { UndoneSection } from '@/components/imports/undone-section';
import { Flash } from '@/components/ui/flash';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contactImport'))('title') };
}

type Props = { params: Promise<{ jobId: string }>; searchParams: Promise<SearchParams> };
const REFRESH_SECONDS = 2;

export default async function ImportJobPage({ params, searchParams }: Props) {
  const ctx = await requireAdmin();
  const [{ jobId }, query] = await Promise.all([params, searchParams]);
  const job = await getImportJob(ctx.companyId, jobId);
  if (!job) return <NotFoundContent />;
  const [t, tc, format] = await Promise.all([getTranslations('contactImport'), getTranslations('contacts'), getFormatter()]);
  const n = (x: number) => format.number(x);

  const { filter, page: requested, confirm } = parseQuery(ImportJobQuery, query);
  // importRowsPage knows the total before it reads, and shows the last page for one past the end.
  const rows = await importRowsPage(job, filter, requested);
  const problems = filterCount(job, 'problems');
  const finished = job.status === 'done';
  const undoUntil = undoDeadline(job);
  const confirmDiscard = job.status === 'previewed' && confirm === 'discard';
  const started = job.status !== 'previewed';
  const from = rows.total === 0 ? 0 : (rows.page - 1) * IMPORT_PAGE_SIZE + 1;
  const to = Math.min(rows.total, rows.page * IMPORT_PAGE_SIZE);
  const percent = job.newRows === 0 ? 1 : job.processedRows / job.newRows;

  const totals: Array<[string, number, string?]> = started
    ? [
        [t('totalRows'), job.totalRows],
        [t('totalImported'), job.okRows, 'ok'],
        [t('totalNotImported'), job.totalRows - job.okRows - (job.newRows - job.processedRows), problems ? 'problem' : undefined],
      ]
    : [
        [t('totalRows'), job.totalRows],
        [t('totalNew'), job.newRows, 'ok'],
        [t('totalErrors'), job.errorRows, job.errorRows ? 'problem' : undefined],
        [t('totalDuplicates'), job.duplicateRows, job.duplicateRows ? 'problem' : undefined],
        [t('totalRegistered'), job.registeredRows, job.registeredRows ? 'problem' : undefined],
      ];

  return (
    <>
      <p className="breadcrumb">
        <Link href="/contacts">{tc('title')}</Link> › <Link href="/contacts/import">{t('title')}</Link>
      </p>
      <PageHeader
        title={t('title')}
        lead={t('jobLead', {
          file: job.fileName,
          when: format.dateTime(job.createdAt, { dateStyle: 'short', timeStyle: 'short' }),
          who: job.createdByName ?? '—',
        })}
        actions={
          <Link href="/contacts/import" className="btn btn--secondary">
            {t('back')}
          </Link>
        }
      />
      <Flash notice={query.notice} />

      <section aria-labelledby="totals-title" className="section">
        <h2 id="totals-title" className="visually-hidden">
          {t('totals')}
        </h2>
        <dl className="stats">
          {totals.map(([label, value, tone]) => (
            <div key={label} className={`stats__item${tone ? ` stats__item--${tone}` : ''}`}>
              <dt>{label}</dt>
              <dd>{n(value)}</dd>
            </div>
          ))}
        </dl>
        {job.skippedRows > 0 ? <p className="muted">{t('skipped', { count: job.skippedRows })}</p> : null}
      </section>

      {job.status === 'previewed' ? (
        <section className="panel panel--spaced" aria-labelledby="confirm-title">
          <h2 id="confirm-title">{t('confirmTitle')}</h2>
          <p>{t('confirmText', { count: job.newRows })}</p>
          {problems > 0 ? <p className="muted">{t('confirmProblems', { count: problems })}</p> : null}
          <div className="form__actions">
            {job.newRows > 0 ? (
              <form action={startImportAction}>
                <input type="hidden" name="jobId" value={job.id} />
                <SubmitButton>{t('confirm')}</SubmitButton>
              </form>
            ) : null}
            {problems > 0 ? (
              <a href={`/contacts/import/${job.id}/errors`} className="btn btn--secondary" download>
                {t('downloadErrors')}
              </a>
            ) : null}
            <Link href={`/contacts/import/${job.id}?confirm=discard`} className="btn btn--secondary">
              {t('discard')}
            </Link>
          </div>
          {confirmDiscard ? (
            <form action={discardImportAction} className="confirm panel--spaced" aria-labelledby="discard-question">
              <p className="confirm__question" id="discard-question">
                {t('discardQuestion', { file: job.fileName })}
              </p>
              <input type="hidden" name="jobId" value={job.id} />
              <div className="form__actions">
                <SubmitButton variant="danger">{t('yes')}</SubmitButton>
                <Link href={`/contacts/import/${job.id}`} className="btn btn--secondary">
                  {t('no')}
                </Link>
              </div>
            </form>
          ) : null}
        </section>
      ) : null}

      {job.status === 'importing' ? (
        <section className="panel panel--spaced" aria-labelledby="progress-title">
          <h2 id="progress-title">{t(`jobStatus.importing`)}</h2>
          <progress className="progress" id="import-progress" max={Math.max(1, job.newRows)} value={job.processedRows} aria-describedby="progress-text">
            {format.number(percent, { style: 'percent' })}
          </progress>
          <p id="progress-text" aria-live="polite">
            {t('progress', { done: n(job.processedRows), total: n(job.newRows), percent: format.number(percent, { style: 'percent' }) })}
          </p>
          <p className="muted">{t('progressHelp')}</p>
          <noscript>
            <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />
          </noscript>
          <AutoRefresh seconds={REFRESH_SECONDS} />
        </section>
      ) : null}

      {finished ? (
        <>
          <StatusMessage>
            {t('doneTitle')}. {t('doneText', { ok: job.okRows, problems: job.totalRows - job.okRows })}
          </StatusMessage>
          <div className="form__actions section">
            <Link href="/contacts" className="btn btn--primary">
              {t('viewContacts')}
            </Link>
            {problems > 0 ? (
              <a href={`/contacts/import/${job.id}/errors`} className="btn btn--secondary" download>
                {t('downloadErrors')}
              </a>
            ) : null}
            {undoUntil ? (
              <Link href={`/contacts/import/${job.id}/undo`} className="btn btn--danger-outline">
                {t('undo')}
              </Link>
            ) : null}
          </div>
          {undoUntil ? <p className="field__hint">{t('undoUntil', { date: format.dateTime(undoUntil, { dateStyle: 'short', timeStyle: 'short' }) })}</p> : null}
          {job.undoneAt ? <UndoneSection job={job} /> : null}
        </>
      ) : null}

      {job.status === 'failed' ? (
        <>
          <FormAlert>
            {t('failedTitle')}. {t('failedText', { done: n(job.processedRows), total: n(job.newRows) })}
          </FormAlert>
          <form action={startImportAction} className="section">
            <input type="hidden" name="jobId" value={job.id} />
            <SubmitButton>{t('retry')}</SubmitButton>
          </form>
        </>
      ) : null}

      <section aria-labelledby="rows-title" className="section">
        <h2 id="rows-title">{t('rowsCaption')}</h2>
        <nav className="tabs" aria-label={t('filtersLabel')}>
          {ROW_FILTERS.map((f) => {
            const label = f === 'all' ? t('filterAll') : f === 'ok' ? (finished ? t('filterOkDone') : t('filterOk')) : t('filterProblems');
            return (
              <Link
                key={f}
                href={f === 'all' ? `/contacts/import/${job.id}` : `/contacts/import/${job.id}?filter=${f}`}
                className={`tabs__tab${f === filter ? ' tabs__tab--active' : ''}`}
                aria-current={f === filter ? 'page' : undefined}
              >
                {label} ({n(filterCount(job, f))})
              </Link>
            );
          })}
        </nav>
        {rows.rows.length === 0 ? (
          <Notice>{t('noRows')}</Notice>
        ) : (
          <>
            <p className="toolbar__count">{t('rowsCount', { from: n(from), to: n(to), total: n(rows.total) })}</p>
            <ImportRowsTable rows={rows.rows} />
            <Pagination
              basePath={`/contacts/import/${job.id}`}
              query={filter === 'all' ? {} : { filter }}
              page={rows.page}
              pageSize={IMPORT_PAGE_SIZE}
              total={rows.total}
            />
          </>
        )}
      </section>
    </>
  );
}
