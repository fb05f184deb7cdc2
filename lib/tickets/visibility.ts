import type { Viewer } from '@/lib/auth/actor';

/**
 * Which tickets a person sees (PRODUCT.md §4), as data the query turns into SQL:
 * the administrator sees all of the company's; "Restringir Acesso aos Chamados" hides all
 * and overrides the other permissions; otherwise one's own, every BPO ticket with
 * "Acesso completo a chamados BPO", and those forwarded to one's groups. A member of a
 * restricted group sees only their own tickets and their groups' (no BPO-wide view).
 */
export type TicketScope = { kind: 'all' } | { kind: 'none' } | { kind: 'some'; requesterId: string; allBpo: boolean; viaGroups: boolean };

export function ticketScope(viewer: Viewer): TicketScope {
  if (viewer.isAdmin) return { kind: 'all' };
  if (viewer.permissions.has('restrict_tickets')) return { kind: 'none' };
  return { kind: 'some', requesterId: viewer.contactId, allBpo: viewer.permissions.has('bpo_full_access') && !viewer.inRestrictedGroup, viaGroups: true };
}

/** Opening a ticket takes "Portal de Clientes Autoatendimento", unless tickets are restricted. */
export function canOpenTickets(viewer: Viewer): boolean {
  return viewer.permissions.has('self_service') && !viewer.permissions.has('restrict_tickets');
}
