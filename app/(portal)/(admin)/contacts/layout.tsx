import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';
import { CONTACT_ROW_KEYS } from '@/components/contacts/row-messages';

// The list's rows and menus, the review, the contact's page. Each form adds its own around it (the
// list, the page most used, carries no form's messages, and of `contacts` only what its rows say).
export default function ContactsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={[{ namespace: 'contacts', keys: CONTACT_ROW_KEYS }, 'contactActions']}>{children}</ClientMessages>;
}
