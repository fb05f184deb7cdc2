'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { formatDocument, formatPhone } from '@/lib/contacts/format';
import type { ContactListRow, ContactView } from '@/lib/contacts/queries';
import { EmailText } from '@/components/ui/email-text';
import { fillMessage } from '@/lib/i18n/fill';
import { RowMenu, type RowMenuTexts } from './row-menu';
import { BULK_FORM_ID, SelectRow } from './select-page';

/** A row as the page sends it: only what the row shows, its date already formatted on the server. */
export type ContactItem = Pick<
  ContactListRow,
  'id' | 'name' | 'email' | 'country' | 'document' | 'areaCode' | 'phone' | 'isAdmin' | 'status' | 'invitationPending'
> & {
  /** "Último acesso", or "Removido em" under "Removidos". */
  whenText: string | null;
};

// Every label the menu may show (the compiler checks that none is missing).
const MENU_KEYS = Object.keys({
  menu: 1,
  edit: 1,
  permissions: 1,
  transferAdmin: 1,
  transferTickets: 1,
  endSessions: 1,
  resendInvitation: 1,
  deactivate: 1,
  reactivate: 1,
  remove: 1,
  restore: 1,
} satisfies Record<keyof RowMenuTexts, 1>) as (keyof RowMenuTexts)[];

// A client component on purpose: the page then carries the 25 rows as data instead of their
// whole markup twice (HTML and RSC payload), which measurably raised the list's throughput
// (bench/README.md). The name opens the contact's page; "Ações" is a link to that page until
// JavaScript runs, then a menu built when it opens (components/contacts/row-menu.tsx).
export function ContactsRows({ rows, view, selectable }: { rows: ContactItem[]; view: ContactView; selectable: boolean }) {
  const t = useTranslations('contacts');
  const ta = useTranslations('contactActions');
  const label = {
    email: t('email'),
    document: t('document'),
    phone: t('phone'),
    role: t('role'),
    none: t('notInformed'),
    when: view === 'removed' ? t('removedOn') : t('lastAccess'),
  };
  const missing = <span className="muted">{label.none}</span>;
  // The two labels that name the row's person, filled without formatting a message per row.
  const selectLabel = t.raw('select') as string;
  const menuLabel = ta.raw('menuFor') as string;
  const menuTexts = Object.fromEntries(MENU_KEYS.map((k) => [k, ta(k)])) as RowMenuTexts;
  return (
    <tbody>
      {rows.map((c) => (
        <tr key={c.id}>
          {selectable ? (
            <td className="table__select">
              <SelectRow id={c.id} label={fillMessage(selectLabel, { name: c.name })} form={BULK_FORM_ID} />
            </td>
          ) : null}
          <th scope="row" className="table__primary">
            {view === 'removed' ? c.name : <a href={`/contacts/${c.id}`}>{c.name}</a>}
          </th>
          <td className="table__email" data-label={label.email}>
            <EmailText email={c.email} />
          </td>
          <td className="nowrap" data-label={label.document}>
            {formatDocument(c.country, c.document) ?? missing}
          </td>
          <td className="nowrap" data-label={label.phone}>
            {formatPhone(c.country, c.areaCode, c.phone) ?? missing}
          </td>
          <td data-label={label.role}>
            <span className="badges">
              {c.isAdmin ? <span className="badge badge--admin">{t('admin')}</span> : <span className="badge">{t('contact')}</span>}
              {c.status === 'deactivated' ? <span className="badge badge--off">{t('deactivatedBadge')}</span> : null}
            </span>
          </td>
          <td className="nowrap" data-label={label.when}>
            {c.whenText ? (
              c.whenText
            ) : c.invitationPending && c.status === 'active' ? (
              <span className="badge badge--pending">{t('invitationPending')}</span>
            ) : (
              <span className="muted">{t('never')}</span>
            )}
          </td>
          <td className="table__actions">
            {view === 'removed' ? (
              <Link href={`/contacts/${c.id}/restore`} className="btn btn--secondary btn--small" prefetch={false} aria-label={`${ta('restore')}: ${c.name}`}>
                {ta('restore')}
              </Link>
            ) : (
              <RowMenu contact={c} label={fillMessage(menuLabel, { name: c.name })} texts={menuTexts} />
            )}
          </td>
        </tr>
      ))}
    </tbody>
  );
}
