import 'server-only';
import { notFound } from 'next/navigation';
import { requireAdmin } from '@/lib/auth/session';
import { getContact } from '@/lib/contacts/queries';

/** The administrator and one contact of their company; any other id is a 404. */
export async function loadContactPage(params: Promise<{ id: string }>) {
  const ctx = await requireAdmin();
  const { id } = await params;
  const contact = await getContact(ctx.companyId, id);
  if (!contact) notFound();
  return { ctx, contact };
}
