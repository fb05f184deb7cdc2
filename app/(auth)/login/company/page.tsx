import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import { CompanySignInForm } from '@/components/auth/company-sign-in-form';
import { StatusMessage } from '@/components/ui/alerts';
import { oneOf, parseQuery, type SearchParams } from '@/lib/forms/query';
import { z } from '@/lib/forms/zod';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('companySignIn'))('title') };
}

const PROBLEMS = [
  '',
  'noCompanySignIn',
  'providerUnavailable',
  'stateInvalid',
  'cancelled',
  'providerError',
  'tokenInvalid',
  'emailNotVerified',
  'domainNotOwned',
  'contactInactive',
] as const;
const Query = z.object({ problem: oneOf(PROBLEMS, ''), done: oneOf(['', 'requested', 'approved'], '') });

/** "Entrar com a conta da empresa", and where the provider's answer ends when it is not a sign-in. */
export default async function CompanySignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { problem, done } = parseQuery(Query, await searchParams);
  const t = await getTranslations('companySignIn');
  return (
    <>
      <h1>{t('title')}</h1>
      {done ? <StatusMessage>{t(done === 'approved' ? 'approvedGeneric' : 'requestedGeneric')}</StatusMessage> : <p className="lead">{t('intro')}</p>}
      <CompanySignInForm problem={problem ? t(`problems.${problem}`) : undefined} />
    </>
  );
}
