import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { GroupForm } from '@/components/groups/group-form';
import { requireAdmin } from '@/lib/auth/session';
import { responsibleOptions } from '@/lib/groups/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('groups'))('newTitle') };
}

export default async function NewGroupPage() {
  const ctx = await requireAdmin();
  const [t, people] = await Promise.all([getTranslations('groups'), responsibleOptions(ctx.companyId, null)]);
  return (
    <>
      <header className="page-header page-header--stacked">
        <p className="breadcrumb">
          <Link href="/groups">{t('title')}</Link> <span aria-hidden="true">›</span> <span>{t('newTitle')}</span>
        </p>
        <h1>{t('newTitle')}</h1>
      </header>
      <div className="panel">
        <GroupForm mode="create" people={people} initialValues={{ type: 'service', responsibleId: '' }} />
      </div>
    </>
  );
}
