import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

// The group form.
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['groups', 'validation', 'picker']}>{children}</ClientMessages>;
}
