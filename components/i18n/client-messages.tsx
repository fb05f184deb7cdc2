import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

/** What every page's client components translate: buttons and the error page. Forms add `validation` (their field errors) where they are. */
export const BASE_CLIENT_NAMESPACES = ['common', 'errors'] as const;

/**
 * The messages the client components under it translate, and no more: they travel in every
 * page's payload (the whole catalogue is about 50 KB; the base 1.5 KB). A provider replaces the
 * one above it, so each carries the base namespaces too. A client component's namespace that is
 * missing here fails loudly in the browser (the e2e tests fail on any console error).
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly string[]; children: ReactNode }) {
  const messages = await getMessages();
  const picked = Object.fromEntries([...BASE_CLIENT_NAMESPACES, ...namespaces].map((ns) => [ns, messages[ns]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
