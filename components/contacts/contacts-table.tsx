import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { formatDocument, formatPhone } from '@/lib/contacts/format';
import type { ContactListRow, ContactSort } from '@/lib/contacts/queries';

type Props = { rows: ContactListRow[]; sort: ContactSort; dir: 'asc' | 'desc'; query: Record<string, string> };

// Plain links for most of the table: 25 rows with menus would otherwise send 150 client
// components with every page. The two confirmations stay client links so that, with
// JavaScript, they open as a dialog over the list (intercepted routes).
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
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <th scope="row" className="table__primary">
                {c.name}
              </th>
              <td className="table__email" data-label={t('email')}>{c.email}</td>
              <td className="nowrap" data-label={t('document')}>{formatDocument(c.country, c.document) ?? <span className="muted">{t('notInformed')}</span>}</td>
              <td className="nowrap" data-label={t('phone')}>{formatPhone(c.country, c.areaCode, c.phone) ?? <span className="muted">{t('notInformed')}</span>}</td>
              <td data-label={t('role')}>{c.isAdmin ? <span className="badge badge--admin">{t('admin')}</span> : <span className="badge">{t('contact')}</span>}</td>
              <td className="table__actions">
                <details className="row-menu">
                  <summary className="btn btn--secondary btn--small" aria-label={ta('menuFor', { name: c.name })}>
                    {ta('menu')}
                  </summary>
                  <ul className="row-menu__list">
                    <li>
                      <a href={`/contacts/${c.id}/edit`}>{ta('edit')}</a>
                    </li>
                    <li>
                      <a href={`/contacts/${c.id}/permissions`}>{ta('permissions')}</a>
                    </li>
                    {c.isAdmin ? null : (
                      <li>
                        <Link href={`/contacts/${c.id}/transfer-admin`} prefetch={false}>
                          {ta('transferAdmin')}
                        </Link>
                      </li>
                    )}
                    <li>
                      <a href={`/contacts/${c.id}/transfer-tickets`}>{ta('transferTickets')}</a>
                    </li>
                    {c.isAdmin ? null : (
                      <li>
                        <Link href={`/contacts/${c.id}/delete`} className="row-menu__danger" prefetch={false}>
                          {ta('remove')}
                        </Link>
                      </li>
                    )}
                  </ul>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
