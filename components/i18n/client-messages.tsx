import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

/** What every page's client components translate: buttons and the error page. Forms add `validation` (their field errors) where they are. */
export const BASE_CLIENT_NAMESPACES = ['common', 'errors'] as const;

/** A whole namespace, or only some of its keys (for a large namespace mostly read on the server). */
export type ClientNamespace = string | { namespace: string; keys: readonly string[] };

/**
 * The messages the client components under it translate, and no more: they travel in every
 * page's payload (the whole catalogue is about 50 KB; the base 1.5 KB). A provider replaces the
 * one above it, so each carries the base namespaces too. A client component's namespace that is
 * missing here fails loudly in the browser (the e2e tests fail on any console error).
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly ClientNamespace[]; children: ReactNode }) {
  const messages = await getMessages();
  const picked: Record<string, unknown> = Object.fromEntries(BASE_CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]]));
  for (const entry of namespaces) {
    if (typeof entry === 'string') {
      picked[entry] = messages[entry];
    } else {
      const all = messages[entry.namespace] as Record<string, unknown>;
      picked[entry.namespace] = Object.fromEntries(entry.keys.map((key) => [key, all[key]]));
    }
  }
  return <NextIntlClientProvider messages={picked as typeof messages}>{children}</NextIntlClientProvider>;
}
