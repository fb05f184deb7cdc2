import { getTranslations } from 'next-intl/server';
import type { ContactListRow, ContactSort } from '@/lib/contacts/queries';
import { ContactsRows } from './contacts-rows';

type Props = { rows: ContactListRow[]; sort: ContactSort; dir: 'asc' | 'desc'; query: Record<string, string> };

export async function ContactsTable({ rows, sort, dir, query }: Props) {
  const [t, ta] = await Promise.all([getTranslations('contacts'), getTranslations('contactActions')]);
  const header = (column: ContactSort, label: string) => {
    const active = sort === column;
    const nextDir = active && dir === 'asc' ? 'desc' : 'asc';
    const href = `/contacts?${new URLSearchParams({ ...query, sort: column, dir: nextDir }).toString()}`;
    return (
      <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <a href={href} className="sort-link">
          {label}
          <span aria-hidden="true" className="sort-link__arrow">
            {active ? (dir === 'asc' ? '▲' : '▼') : '↕'}
          </span>
          <span className="visually-hidden">
            {' '}
            ({t('sortBy', { column: label })}
            {active ? `, ${dir === 'asc' ? t('sortedAsc') : t('sortedDesc')}` : ''})
          </span>
        </a>
      </th>
    );
  };
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <thead>
          <tr>
            {header('name', t('name'))}
            {header('email', t('email'))}
            {header('document', t('document'))}
            <th scope="col">{t('phone')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">
              <span className="visually-hidden">{ta('actions')}</span>
            </th>
          </tr>
        </thead>
        <ContactsRows rows={rows} />
      </table>
    </div>
  );
}
