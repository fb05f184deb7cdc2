import Link from 'next/link';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { JobView } from '@/lib/contacts/import/queries';

export async function ImportJobsTable({ jobs }: { jobs: JobView[] }) {
  const [t, format] = await Promise.all([getTranslations('contactImport'), getFormatter()]);
  const n = (x: number) => format.number(x);
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <thead>
          <tr>
            <th scope="col">{t('recentFile')}</th>
            <th scope="col">{t('recentWhen')}</th>
            <th scope="col">{t('recentBy')}</th>
            <th scope="col">{t('recentStatus')}</th>
            <th scope="col">{t('recentResult')}</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id}>
              <th scope="row" className="table__primary table__file">
                <Link href={`/contacts/import/${job.id}`}>{job.fileName}</Link>
              </th>
              <td data-label={t('recentWhen')} className="nowrap">
                {format.dateTime(job.createdAt, { dateStyle: 'short', timeStyle: 'short' })}
              </td>
              <td data-label={t('recentBy')}>{job.createdByName ?? '—'}</td>
              <td data-label={t('recentStatus')}>
                <span className={`badge badge--job-${job.status}`}>{t(`jobStatus.${job.status}`)}</span>
              </td>
              <td data-label={t('recentResult')}>
                {job.status === 'previewed'
                  ? t('recentPreviewText', { new: n(job.newRows), total: n(job.totalRows) })
                  : t('recentResultText', { ok: n(job.okRows), total: n(job.totalRows) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
