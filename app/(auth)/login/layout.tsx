import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

// The sign-in forms (password, company sign-in).
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['auth', 'companySignIn', 'validation']}>{children}</ClientMessages>;
}
