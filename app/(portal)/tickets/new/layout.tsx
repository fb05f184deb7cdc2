import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

// The new ticket's form.
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['tickets', 'validation']}>{children}</ClientMessages>;
}
