import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

// The list's rows and menus, the contact forms, permissions, transfers, bulk actions, the review.
export default function ContactsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['contacts', 'contactActions', 'contactForm', 'permissions', 'transferTickets']}>{children}</ClientMessages>;
}
