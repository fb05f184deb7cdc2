import 'server-only';
import { cache } from 'react';
import { requireAdmin } from '@/lib/auth/session';
import { countOpenTickets, getContact } from './queries';

// Read once per request: a contact's page asks for it in its metadata (the title) and in its body.
const contactOfRequest = cache((companyId: string, id: string) => getContact(companyId, id));

/** A contact's pages: the administrator and one contact of their company; null contact for any other id. */
export async function loadContactPage(params: Promise<{ id: string }>) {
  const ctx = await requireAdmin();
  const { id } = await params;
  const contact = await contactOfRequest(ctx.companyId, id);
  return { ctx, contact };
}

/** "Excluir perfil": the contact and how many of their tickets are still open (a removal is refused then). */
export async function loadRemovalPage(params: Promise<{ id: string }>) {
  const { ctx, contact } = await loadContactPage(params);
  const openTickets = contact && !contact.isAdmin ? await countOpenTickets(ctx.companyId, contact.id) : 0;
  return { ctx, contact, openTickets };
}
