'use client';

import { useTranslations } from 'next-intl';
import { EmailText } from '@/components/ui/email-text';
import { BULK_FORM_ID, SelectRow } from './select-page';

/** A row of "Revisão de acessos" as the page sends it: texts already formatted on the server. */
export type ReviewItem = {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  /** "Sem acesso há 120 dias", or null when the person never signed in. */
  idleText: string | null;
  lastAccessText: string | null;
  invitedText: string;
};

/** The column labels and the fixed texts, translated on the server (no catalog of its own in every page). */
export type ReviewLabels = { situation: string; lastAccess: string; invitedAt: string; never: string; reasonNever: string };

// Rendered from data by a client component, as the contacts list is: the page carries the
// rows once, as data, instead of their markup twice (HTML and the RSC payload).
export function ReviewRows({ items, labels: t }: { items: ReviewItem[]; labels: ReviewLabels }) {
  const tc = useTranslations('contacts');
  return (
    <tbody>
      {items.map((c) => (
        <tr key={c.id}>
          <td className="table__select">
            <SelectRow id={c.id} label={tc('select', { name: c.name })} form={BULK_FORM_ID} />
          </td>
          <th scope="row" className="table__primary">
            <a href={`/contacts/${c.id}`}>{c.name}</a>
            {c.isAdmin ? (
              <>
                {' '}
                <span className="badge badge--admin">{tc('admin')}</span>
              </>
            ) : null}
          </th>
          <td className="table__email" data-label={tc('email')}>
            <EmailText email={c.email} />
          </td>
          <td data-label={t.situation}>{c.idleText ?? <span className="badge badge--pending">{t.reasonNever}</span>}</td>
          <td className="nowrap" data-label={t.lastAccess}>
            {c.lastAccessText ?? <span className="muted">{t.never}</span>}
          </td>
          <td className="nowrap" data-label={t.invitedAt}>
            {c.invitedText}
          </td>
        </tr>
      ))}
    </tbody>
  );
}
