import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

// "Alterar senha" and "Sessões ativas".
export default function ProfileLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['auth', 'profile', 'contactForm', 'locale', 'validation']}>{children}</ClientMessages>;
}
