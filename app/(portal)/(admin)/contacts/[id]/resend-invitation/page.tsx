import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotFoundContent } from '@/components/layout/access-pages';
import { ResendInvitationConfirmation } from '@/components/contacts/confirmations';
import { ContactHeader } from '@/components/contacts/contact-header';
import { loadContactPage } from '@/lib/contacts/loaders';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('resendInvitation'))('title') };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { contact } = await loadContactPage(params);
  if (!contact || !(contact.status === 'active')) return <NotFoundContent />;
  const t = await getTranslations('resendInvitation');
  return (
    <>
      <ContactHeader contact={contact} title={t('title')} section={null} />
      <div className="panel panel--narrow">
        <ResendInvitationConfirmation contact={contact} />
      </div>
    </>
  );
}
