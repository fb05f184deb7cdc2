import 'server-only';
import { requireAdmin } from '@/lib/auth/session';
import { getContact } from '@/lib/contacts/queries';

/** The administrator and one contact of their company; null contact for any other id. */
export async function loadContactPage(params: Promise<{ id: string }>) {
  const ctx = await requireAdmin();
  const { id } = await params;
  const contact = await getContact(ctx.companyId, id);
  return { ctx, contact };
}
