'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { formatDocument, formatPhone } from '@/lib/contacts/format';
import type { ContactListRow } from '@/lib/contacts/queries';

// A client component on purpose: the page then carries the 25 rows as data instead of their
// whole markup twice (HTML and RSC payload), which measurably raised the list's throughput
// (bench/README.md). Plain links for most actions; the two confirmations are client links so
// that, with JavaScript, they open as a dialog over the list (intercepted routes).
export function ContactsRows({ rows }: { rows: ContactListRow[] }) {
  const t = useTranslations('contacts');
  const ta = useTranslations('contactActions');
  const label = { email: t('email'), document: t('document'), phone: t('phone'), role: t('role'), none: t('notInformed') };
  const missing = <span className="muted">{label.none}</span>;
  return (
    <tbody>
      {rows.map((c) => (
        <tr key={c.id}>
          <th scope="row" className="table__primary">
            {c.name}
          </th>
          <td className="table__email" data-label={label.email}>
            {c.email}
          </td>
          <td className="nowrap" data-label={label.document}>
            {formatDocument(c.country, c.document) ?? missing}
          </td>
          <td className="nowrap" data-label={label.phone}>
            {formatPhone(c.country, c.areaCode, c.phone) ?? missing}
          </td>
          <td data-label={label.role}>
            {c.isAdmin ? <span className="badge badge--admin">{t('admin')}</span> : <span className="badge">{t('contact')}</span>}
          </td>
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
                <li>
                  <Link href={`/contacts/${c.id}/sessions`} prefetch={false}>
                    {ta('endSessions')}
                  </Link>
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
  );
}
