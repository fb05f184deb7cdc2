import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

// The list's rows and menus, the review, the contact's page. Each form adds its own around it (the
// list, the page most used, carries no form's messages).
export default function ContactsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['contacts', 'contactActions']}>{children}</ClientMessages>;
}
