import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

// The reset link's form.
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['auth', 'validation']}>{children}</ClientMessages>;
}
