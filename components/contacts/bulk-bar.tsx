import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { BULK_KINDS } from '@/lib/contacts/lifecycle';
import { BULK_FORM_ID, SelectPage } from './select-page';

type Props = {
  /** Where the rows come from, to select "all results" and to come back after the action. */
  hidden: Record<string, string>;
  /** The ids of the page's rows: what "Selecionar todos desta página" selects without JavaScript. */
  pageIds: string[];
  /** Results beyond the page: offers "Aplicar a todos os N resultados". */
  total: number;
  pageSize: number;
};

/**
 * The action bar over a list of contacts: the checkboxes of the rows belong to this form. It
 * only asks (GET /contacts/bulk); the confirmation page lists who will be affected and runs
 * the action. Works the same with and without JavaScript.
 */
export async function BulkBar({ hidden, pageIds, total, pageSize }: Props) {
  const [t, tb, format] = await Promise.all([getTranslations('contacts'), getTranslations('bulk'), getFormatter()]);
  return (
    <form id={BULK_FORM_ID} action="/contacts/bulk" method="get" className="bulk-bar">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="pageIds" value={pageIds.join(',')} />
      {/* In the bar, not in the table's header: a phone shows the rows as cards, without a header. */}
      <SelectPage label={t('selectPage')} form={BULK_FORM_ID} />
      <div className="bulk-bar__field">
        <label htmlFor="bulk-kind">{t('bulkLabel')}</label>
        <select id="bulk-kind" name="kind" defaultValue="">
          <option value="">{t('bulkChoose')}</option>
          {BULK_KINDS.map((k) => (
            <option key={k} value={k}>
              {tb(`title_${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="bulk-bar__buttons">
        <button type="submit" className="btn btn--secondary">
          {t('bulkApply')}
        </button>
        {total > pageSize ? (
          <button type="submit" name="by" value="all" className="btn btn--link">
            {t('bulkApplyAll', { total: format.number(total) })}
          </button>
        ) : null}
      </div>
    </form>
  );
}
