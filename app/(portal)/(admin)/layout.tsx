import type { ReactNode } from 'react';
import { ForbiddenContent } from '@/components/layout/access-pages';
import { requireContact } from '@/lib/auth/session';

// The administration area: a contact who is not the administrator sees "Acesso restrito"
// instead of the page. Each page and action still checks requireAdmin() itself.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const ctx = await requireContact();
  if (!ctx.isAdmin) return <ForbiddenContent />;
  return children;
}
