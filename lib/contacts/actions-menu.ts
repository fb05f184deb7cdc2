import type { ContactView } from './queries';

/** What a contact's actions depend on. */
export type ActionSubject = { id: string; isAdmin: boolean; status: ContactView; invitationPending: boolean };

export type ContactAction = {
  /** The label's key in "contactActions". */
  key: 'edit' | 'permissions' | 'transferAdmin' | 'transferTickets' | 'endSessions' | 'resendInvitation' | 'deactivate' | 'reactivate' | 'remove' | 'restore';
  href: string;
  /** A confirmation: with JavaScript, a client link that opens it as a dialog over the page (intercepted route). */
  confirms: boolean;
  danger?: boolean;
};

/**
 * The actions on one contact, in the order the row menu and the contact's page show them: the
 * same list in both places. Removed contacts can only be restored.
 */
export function contactActions(c: ActionSubject): ContactAction[] {
  const base = `/contacts/${c.id}`;
  if (c.status === 'removed') return [{ key: 'restore', href: `${base}/restore`, confirms: false }];
  const active = c.status === 'active';
  const list: (ContactAction | false)[] = [
    { key: 'edit', href: `${base}/edit`, confirms: false },
    { key: 'permissions', href: `${base}/permissions`, confirms: false },
    active && !c.isAdmin && { key: 'transferAdmin', href: `${base}/transfer-admin`, confirms: true },
    { key: 'transferTickets', href: `${base}/transfer-tickets`, confirms: false },
    active && { key: 'endSessions', href: `${base}/sessions`, confirms: true },
    active && c.invitationPending && { key: 'resendInvitation', href: `${base}/resend-invitation`, confirms: true },
    !c.isAdmin &&
      (active ? { key: 'deactivate', href: `${base}/deactivate`, confirms: true } : { key: 'reactivate', href: `${base}/reactivate`, confirms: true }),
    !c.isAdmin && { key: 'remove', href: `${base}/delete`, confirms: true, danger: true },
  ];
  return list.filter((a): a is ContactAction => a !== false);
}
