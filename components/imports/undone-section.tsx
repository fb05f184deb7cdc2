import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { EmailText } from '@/components/ui/email-text';
import type { ImportJob } from '@/db/schema';
import type { KeptContact } from '@/lib/contacts/import/undo';

/** After "Desfazer importação": when, how many removed and kept, and who was kept and why. */
export async function UndoneSection({ job }: { job: ImportJob }) {
  const [t, format] = await Promise.all([getTranslations('contactImport'), getFormatter()]);
  const kept = (job.undoKeptRows as KeptContact[] | null) ?? [];
  const total = job.undoKept ?? 0;
  return (
    <section className="section" aria-labelledby="undone-title">
      <h2 id="undone-title">{t('undoneTitle')}</h2>
      <p>
        {t('undoneSummary', {
          date: format.dateTime(job.undoneAt!, { dateStyle: 'short', timeStyle: 'short' }),
          removed: job.undoRemoved ?? 0,
          kept: total,
        })}
      </p>
      {kept.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">{t('keptTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colPerson')}</th>
                <th scope="col">{t('colEmail')}</th>
                <th scope="col">{t('keptReason')}</th>
              </tr>
            </thead>
            <tbody>
              {kept.map((k) => (
                <tr key={k.id}>
                  <th scope="row" className="table__primary">
                    {k.name}
                  </th>
                  <td className="table__email" data-label={t('colEmail')}>
                    {k.email ? <EmailText email={k.email} /> : '—'}
                  </td>
                  <td data-label={t('keptReason')}>{t(`kept_${k.reason}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {total > kept.length ? <p className="muted">{t('keptMore', { count: total - kept.length })}</p> : null}
    </section>
  );
}
