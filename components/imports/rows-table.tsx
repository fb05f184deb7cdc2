import { getTranslations } from 'next-intl/server';
import { EmailText } from '@/components/ui/email-text';
import { problemText } from '@/lib/contacts/import/messages';
import type { RowView } from '@/lib/contacts/import/queries';

const BADGE: Record<RowView['outcome'], string> = {
  new: 'badge--pending',
  imported: 'badge--sent',
  error: 'badge--failed',
  duplicate: 'badge--failed',
  registered: 'badge--failed',
  failed: 'badge--failed',
};

/** The rows as they were in the file, each with what the import makes of it. */
export async function ImportRowsTable({ rows }: { rows: RowView[] }) {
  const [t, tv] = await Promise.all([getTranslations('contactImport'), getTranslations('validation')]);
  return (
    <div className="table-wrap">
      <table className="table table--stack import-rows">
        <thead>
          <tr>
            <th scope="col">{t('colLine')}</th>
            <th scope="col">{t('colPerson')}</th>
            <th scope="col">{t('colEmail')}</th>
            <th scope="col">{t('colDocument')}</th>
            <th scope="col">{t('colStatus')}</th>
            <th scope="col">{t('colDetail')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const detail = row.message ? problemText(row, t as never, tv as never) : row.warning === 'cpfCompleted' ? t('cpfCompleted') : '';
            return (
              <tr key={row.line} className={row.message ? 'import-rows__problem' : undefined}>
                <td data-label={t('colLine')} className="nowrap import-rows__line">
                  {row.line}
                </td>
                <th scope="row" className="table__primary">
                  {row.values.nome || '—'}
                </th>
                <td data-label={t('colEmail')} className="table__email">
                  {row.values.email ? <EmailText email={row.values.email} /> : '—'}
                </td>
                <td data-label={t('colDocument')} className="nowrap">
                  {row.values.documento || '—'}
                </td>
                <td data-label={t('colStatus')}>
                  <span className={`badge ${BADGE[row.outcome]}`}>{t(`rowStatus.${row.outcome}`)}</span>
                </td>
                <td data-label={t('colDetail')}>{detail || '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
