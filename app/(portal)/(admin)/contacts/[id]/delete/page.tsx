import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/layout/access-pages';
import { getTranslations } from '@/lib/i18n/server';
import { RemoveContactConfirmation } from '@/components/contacts/confirmations';
import { ContactHeader } from '@/components/contacts/contact-header';
import { loadRemovalPage } from '@/lib/contacts/loaders';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('removeContact'))('title') };
}

export default async function RemoveContactPage({ params }: { params: Promise<{ id: string }> }) {
  const { contact, openTickets } = await loadRemovalPage(params);
  if (!contact) return <NotFoundContent />;
  const t = await getTranslations('removeContact');
  return (
    <>
      <ContactHeader contact={contact} title={t('title')} section={null} />
      <div className="panel panel--narrow">
        <RemoveContactConfirmation contact={contact} openTickets={openTickets} />
      </div>
    </>
  );
}
