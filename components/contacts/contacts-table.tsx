import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { dateFormat } from '@/lib/forms/dates';
import type { ContactListRow, ContactSort, ContactView } from '@/lib/contacts/queries';
import { ContactsRows, type ContactItem } from './contacts-rows';

type Props = {
  rows: ContactListRow[];
  sort: ContactSort;
  dir: 'asc' | 'desc';
  query: Record<string, string>;
  view: ContactView;
  /** The rows carry checkboxes of the bulk form (Ativos, Desativados). */
  selectable: boolean;
};

export async function ContactsTable({ rows, sort, dir, query, view, selectable }: Props) {
  const [t, ta, locale] = await Promise.all([getTranslations('contacts'), getTranslations('contactActions'), getLocale()]);
  const day = dateFormat(locale);
  // Dates are formatted here, on the server, and only the text travels: the client rows lay
  // out what they are given (fewer bytes in the page, one formatter for the whole table).
  const items: ContactItem[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    country: r.country,
    document: r.document,
    areaCode: r.areaCode,
    phone: r.phone,
    isAdmin: r.isAdmin,
    status: r.status,
    invitationPending: r.invitationPending,
    whenText: view === 'removed' ? (r.removedAt ? day.format(new Date(r.removedAt)) : null) : r.lastAccessAt ? day.format(new Date(r.lastAccessAt)) : null,
  }));
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
      <table className="table table--stack table--dense">
        <thead>
          <tr>
            {selectable ? (
              <th scope="col" className="table__select">
                <span className="visually-hidden">{t('selectColumn')}</span>
              </th>
            ) : null}
            {header('name', t('name'))}
            {header('email', t('email'))}
            {header('document', t('document'))}
            <th scope="col">{t('phone')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{view === 'removed' ? t('removedOn') : t('lastAccess')}</th>
            <th scope="col">
              <span className="visually-hidden">{ta('actions')}</span>
            </th>
          </tr>
        </thead>
        <ContactsRows rows={items} view={view} selectable={selectable} />
      </table>
    </div>
  );
}
