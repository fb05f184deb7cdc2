import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { UploadForm } from '@/components/imports/upload-form';
import { ImportJobsTable } from '@/components/imports/jobs-table';
import { Flash } from '@/components/ui/flash';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/session';
import { CSV_COLUMNS } from '@/lib/contacts/csv/rows';
import { listImportJobs } from '@/lib/contacts/import/queries';
import { ImportPageQuery } from '@/lib/contacts/import/query';
import { parseQuery, type SearchParams } from '@/lib/forms/query';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contactImport'))('title') };
}

type Props = { searchParams: Promise<SearchParams> };
const REQUIRED = new Set(['nome', 'documento', 'ddd', 'telefone', 'email']);

export default async function ImportPage({ searchParams }: Props) {
  const ctx = await requireAdmin();
  const params = await searchParams;
  const [t, tc, format] = await Promise.all([getTranslations('contactImport'), getTranslations('contacts'), getFormatter()]);
  const jobs = await listImportJobs(ctx.companyId);

  // The upload handler comes back here with ?error=…; only known keys are shown.
  const { error: code, missing: missingParam, line } = parseQuery(ImportPageQuery, params);
  const missing = missingParam.split(',').filter((c) => (CSV_COLUMNS as readonly string[]).includes(c));
  const error =
    code === 'missingColumns'
      ? t('errors.missingColumns', { columns: missing.join(', ') })
      : code === 'malformed'
        ? line
          ? t('errors.malformed', { line: format.number(line) })
          : t('errors.malformedNoLine')
        : code
          ? t(`errors.${code}`)
          : undefined;

  return (
    <>
      <p className="breadcrumb">
        <Link href="/contacts">{tc('title')}</Link>
      </p>
      <PageHeader
        title={t('title')}
        lead={t('intro')}
        actions={
          <a href="/contacts/import/template" className="btn btn--secondary" download>
            {t('template')}
          </a>
        }
      />
      <Flash notice={params.notice} />
      <div className="panels">
        <section className="panel" aria-labelledby="upload-title">
          <h2 id="upload-title">{t('uploadTitle')}</h2>
          <UploadForm
            error={error}
            labels={{
              fileLabel: t('fileLabel'),
              fileHint: t('fileHint'),
              submit: t('submit'),
              submitting: t('submitting'),
              noFile: t('errors.noFile'),
              tooLarge: t('errors.tooLarge'),
              empty: t('errors.empty'),
            }}
          />
        </section>
        <section className="panel" aria-labelledby="how-title">
          <h2 id="how-title">{t('howTitle')}</h2>
          <ol className="steps">
            <li>{t('how1')}</li>
            <li>{t('how2')}</li>
            <li>{t('how3')}</li>
          </ol>
          {/* One card per column on a phone; may scroll sideways a little wider: focusable so the keyboard can scroll it too. */}
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('columnsCaption')}>
            <table className="table table--compact table--stack">
              <caption className="visually-hidden">{t('columnsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colName')}</th>
                  <th scope="col">{t('colRequired')}</th>
                  <th scope="col">{t('colValues')}</th>
                </tr>
              </thead>
              <tbody>
                {CSV_COLUMNS.map((c) => (
                  <tr key={c}>
                    <th scope="row">
                      <code>{c}</code>
                    </th>
                    <td data-label={t('colRequired')}>{REQUIRED.has(c) ? t('yes') : t('no')}</td>
                    <td data-label={t('colValues')}>{t(`values.${c}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
      <section aria-labelledby="recent-title" className="section">
        <h2 id="recent-title">{t('recentTitle')}</h2>
        {jobs.length === 0 ? <p className="muted">{t('recentEmpty')}</p> : <ImportJobsTable jobs={jobs} />}
      </section>
    </>
  );
}
