import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

// The ticket's status and forwarding to a group.
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['tickets', 'groups']}>{children}</ClientMessages>;
}
