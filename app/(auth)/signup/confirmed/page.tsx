import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { StatusMessage } from '@/components/ui/alerts';
import { oneOf, parseQuery, type SearchParams } from '@/lib/forms/query';
import { z } from '@/lib/forms/zod';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signup'))('confirmedTitle') };
}

const Query = z.object({ outcome: oneOf(['pending', 'approved'], 'pending') });

/** Where a confirmed request lands: what happens next (the link itself is used up). */
export default async function SignupConfirmedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { outcome } = parseQuery(Query, await searchParams);
  const [t, ta] = await Promise.all([getTranslations('signup'), getTranslations('auth')]);
  return (
    <>
      <h1>{t('confirmedTitle')}</h1>
      <StatusMessage>{t(outcome === 'approved' ? 'confirmedApproved' : 'confirmedPending')}</StatusMessage>
      <p className="form__links">
        <Link href="/login">{ta('backToSignIn')}</Link>
      </p>
    </>
  );
}
