import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { NotFoundContent } from '@/components/layout/access-pages';
import { confirmationMetadata, RestoreConfirmation } from '@/components/contacts/confirmations';
import { requireAdmin } from '@/lib/auth/session';
import { getRemovedContact } from '@/lib/contacts/queries';

export async function generateMetadata(): Promise<Metadata> {
  return confirmationMetadata('restoreContact');
}

export default async function RestoreContactPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireAdmin();
  const { id } = await params;
  const contact = await getRemovedContact(ctx.companyId, id);
  if (!contact) return <NotFoundContent />;
  const [t, tl, format] = await Promise.all([getTranslations('restoreContact'), getTranslations('contacts'), getFormatter()]);
  return (
    <>
      <header className="page-header page-header--stacked">
        <p className="breadcrumb">
          <Link href="/contacts">{tl('title')}</Link> <span aria-hidden="true">›</span> <Link href="/contacts?status=removed">{tl('view_removed')}</Link>
        </p>
        <h1>{t('title')}</h1>
        <p className="lead">
          {contact.name} · {contact.email}
        </p>
      </header>
      <div className="panel panel--narrow">
        <RestoreConfirmation contact={contact} removedOn={format.dateTime(new Date(contact.removedAt!), { dateStyle: 'short', timeStyle: 'short' })} />
      </div>
    </>
  );
}
