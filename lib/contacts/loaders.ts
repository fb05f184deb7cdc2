import 'server-only';
import { requireAdmin } from '@/lib/auth/session';
import { countOpenTickets, getContact } from './queries';

/** A contact's pages: the administrator and one contact of their company; null contact for any other id. */
export async function loadContactPage(params: Promise<{ id: string }>) {
  const ctx = await requireAdmin();
  const { id } = await params;
  const contact = await getContact(ctx.companyId, id);
  return { ctx, contact };
}

/** "Excluir perfil": the contact and how many of their tickets are still open (a removal is refused then). */
export async function loadRemovalPage(params: Promise<{ id: string }>) {
  const { ctx, contact } = await loadContactPage(params);
  const openTickets = contact && !contact.isAdmin ? await countOpenTickets(ctx.companyId, contact.id) : 0;
  return { ctx, contact, openTickets };
}
