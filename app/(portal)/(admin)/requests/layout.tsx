import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

// The requests inbox, its decisions in bulk, the rejection form.
export default function RequestsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['requests', 'validation']}>{children}</ClientMessages>;
}
