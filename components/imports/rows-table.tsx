import { getTranslations } from '@/lib/i18n/server';
import { EmailText } from '@/components/ui/email-text';
import { countryFromInput } from '@/lib/br/countries';
import { formatCpf, onlyDigits } from '@/lib/br/cpf';
import { completeCpf } from '@/lib/contacts/csv/rows';
import { problemText } from '@/lib/contacts/import/messages';
import type { RowView } from '@/lib/contacts/import/queries';

const BADGE: Record<RowView['outcome'], string> = {
  new: 'badge--new',
  imported: 'badge--sent',
  error: 'badge--failed',
  duplicate: 'badge--failed',
  registered: 'badge--failed',
  failed: 'badge--failed',
};

/**
 * The document as the pages show it: a Brazilian CPF masked (000.000.000-00), also one whose
 * leading zeros Excel dropped and the import puts back; any other document as typed.
 */
function shownDocument(values: RowView['values']): string {
  const typed = values.documento ?? '';
  const country = values.pais?.trim() ? countryFromInput(values.pais) : 'BR';
  if (country !== 'BR' || !/^[\d.\-\s]+$/.test(typed.trim())) return typed;
  const { document } = completeCpf(typed);
  return onlyDigits(document).length === 11 ? formatCpf(document) : typed;
}

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
                  {shownDocument(row.values) || '—'}
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
