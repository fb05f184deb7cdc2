import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return { title: { template: `%s · ${t('appName')}`, default: t('appName') }, description: t('tagline') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children, modal }: { children: ReactNode; modal: ReactNode }) {
  const locale = await getLocale();
  // Only what client components translate goes to the browser (and into every page's payload):
  // the base here, each area's own namespaces in its layout.
  return (
    <html lang={locale}>
      <body>
        {/* `modal` (app/@modal): the confirmation dialog of an intercepted route. The slot lives
            here, not in (portal): its catch-all matches every address, and in a route group's
            slot it would also claim the (auth) pages, which Next's strict route matching then
            drops (404 in `next dev`). */}
        <ClientMessages>
          {children}
          {modal}
        </ClientMessages>
      </body>
    </html>
  );
}
