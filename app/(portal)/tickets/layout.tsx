import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

// The ticket forms, and forwarding to a group.
export default function TicketsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['tickets', 'groups', 'validation']}>{children}</ClientMessages>;
}
