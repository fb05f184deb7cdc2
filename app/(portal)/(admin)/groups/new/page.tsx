import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { GroupForm } from '@/components/groups/group-form';
import { requireAdmin } from '@/lib/auth/session';
import type { SearchParams } from '@/lib/forms/query';
import { responsibleOptions } from '@/lib/groups/queries';
import { groupFormEcho } from '@/lib/groups/schema';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('groups'))('newTitle') };
}

export default async function NewGroupPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireAdmin();
  const echo = groupFormEcho(await searchParams);
  const [t, options] = await Promise.all([
    getTranslations('groups'),
    responsibleOptions(ctx.companyId, echo?.values.responsibleId || null, echo?.responsibleQ ?? '', { activeOnly: true }),
  ]);
  return (
    <>
      <header className="page-header page-header--stacked">
        <p className="breadcrumb">
          <Link href="/groups">{t('title')}</Link> <span aria-hidden="true">›</span> <span>{t('newTitle')}</span>
        </p>
        <h1>{t('newTitle')}</h1>
      </header>
      <div className="panel">
        <GroupForm
          mode="create"
          responsible={{ ...options, q: echo?.responsibleQ ?? '', searchPath: '/groups/new' }}
          initialValues={{ type: 'service', responsibleId: '', ...echo?.values }}
        />
      </div>
    </>
  );
}
