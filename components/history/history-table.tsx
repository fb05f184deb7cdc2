import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { CONTACT_ID_FIELDS as ID_FIELDS, type AuditRow } from '@/lib/audit/queries';
import { countries } from '@/lib/br/countries';
import { formatDocument } from '@/lib/contacts/format';
import { toLocale } from '@/lib/i18n/config';

// Internal references shown through a readable sibling field instead (groupId → group).
// A decision over several requests lists each one on the requests page, not here (lines).
const HIDDEN_FIELDS = new Set(['groupId', 'lines']);

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** History entries with their changes spelled out: field, before → after (`names`: lib/audit/queries referencedNames). */
export async function HistoryTable({ rows, names, showTarget = true }: { rows: AuditRow[]; names: ReadonlyMap<string, string>; showTarget?: boolean }) {
  const [t, tp, tt, tg, td, tr, format, locale] = await Promise.all([
    getTranslations('history'),
    getTranslations('permissions'),
    getTranslations('tickets'),
    getTranslations('groups'),
    getTranslations('domains'),
    getTranslations('requests'),
    getFormatter(),
    getLocale(),
  ]);

  const countryNames = new Map(countries(toLocale(locale)).map((c) => [c.code, c.name]));
  // Values read as the pages show them: a CPF masked, a country by its name, numbers grouped ("3.000").
  const show = (field: string, value: unknown, country?: unknown): string => {
    if (value === null || value === undefined || value === '') return t('none');
    if (typeof value === 'boolean') return value ? t('yes') : t('no');
    if (typeof value === 'number') return field === 'number' ? String(value) : format.number(value);
    if (field === 'country') return countryNames.get(String(value)) ?? String(value);
    if (field === 'document') return formatDocument(typeof country === 'string' ? country : 'BR', String(value)) ?? String(value);
    if (Array.isArray(value)) return value.length ? value.map((v) => (tp.has(String(v)) ? tp(String(v) as never) : String(v))).join(', ') : t('none');
    if (ID_FIELDS.has(field)) return names.get(String(value)) ?? String(value);
    if (field === 'status' || field === 'category') return tt.has(String(value)) ? tt(String(value) as never) : String(value);
    if (field === 'type') return tg.has(String(value)) ? tg(String(value) as never) : String(value);
    if (field === 'policy') return value === 'auto' ? td('auto') : value === 'approval' ? td('approval') : String(value);
    if (field === 'decision') return value === 'approve' ? tr('approve') : value === 'reject' ? tr('reject') : String(value);
    return String(value);
  };
  const fieldLabel = (f: string) => (t.has(`fields.${f}` as never) ? t(`fields.${f}` as never) : f);
  const actionLabel = (a: string) => {
    const key = `actions.${a.replace('.', '_')}`;
    return t.has(key as never) ? t(key as never) : a;
  };

  return (
    <div className="table-wrap">
      <table className="table table--stack history">
        <thead>
          <tr>
            <th scope="col">{t('when')}</th>
            <th scope="col">{t('what')}</th>
            {showTarget ? <th scope="col">{t('target')}</th> : null}
            <th scope="col">{t('who')}</th>
            <th scope="col">{t('changes')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const before = asRecord(r.before);
            const after = asRecord(r.after);
            const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !HIDDEN_FIELDS.has(f));
            return (
              <tr key={r.id}>
                <td data-label={t('when')} className="nowrap">
                  {format.dateTime(r.createdAt, { dateStyle: 'short', timeStyle: 'short' })}
                </td>
                <th scope="row" className="table__primary">
                  {actionLabel(r.action)}
                </th>
                {showTarget ? (
                  <td data-label={t('target')}>
                    {r.subjectContactId && r.subjectName ? <Link href={`/contacts/${r.subjectContactId}/history`}>{r.subjectName}</Link> : '—'}
                  </td>
                ) : null}
                <td data-label={t('who')}>{r.actorName ?? r.actorEmail ?? t('operator')}</td>
                <td data-label={t('changes')}>
                  {fields.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="changes">
                      {fields.map((f) => (
                        <li key={f}>
                          <span className="changes__field">{fieldLabel(f)}:</span>{' '}
                          {f in before && f in after ? (
                            <>
                              <del>{show(f, before[f], before.country ?? after.country)}</del> <span aria-hidden="true">→</span>{' '}
                              <ins>{show(f, after[f], after.country ?? before.country)}</ins>
                            </>
                          ) : f in after ? (
                            <ins>{show(f, after[f], after.country)}</ins>
                          ) : (
                            <del>{show(f, before[f], before.country)}</del>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
