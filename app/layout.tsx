import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return { title: { template: `%s · ${t('appName')}`, default: t('appName') }, description: t('tagline') };
}

const CLIENT_NAMESPACES = [
  'common',
  'validation',
  'auth',
  'profile',
  'contacts',
  'contactActions',
  'contactForm',
  'permissions',
  'transferTickets',
  'tickets',
  'groups',
  'errors',
  'signup',
  'requests',
  'settings',
  'domains',
  'companySignIn',
  'signInSettings',
] as const;

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  // Only what client components translate goes to the browser (and into every page's payload).
  const clientMessages = Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]]));
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider messages={clientMessages}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
