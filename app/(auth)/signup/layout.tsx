import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

// The access request's forms.
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['auth', 'signup', 'contactForm', 'validation']}>{children}</ClientMessages>;
}
