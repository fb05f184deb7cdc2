import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/layout/access-pages';
import { confirmationMetadata, ContactConfirmationPage, ResendInvitationConfirmation } from '@/components/contacts/confirmations';
import { loadContactPage } from '@/lib/contacts/loaders';

export async function generateMetadata(): Promise<Metadata> {
  return confirmationMetadata('resendInvitation');
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { contact } = await loadContactPage(params);
  if (!contact || contact.status !== 'active') return <NotFoundContent />;
  return (
    <ContactConfirmationPage contact={contact} texts="resendInvitation">
      <ResendInvitationConfirmation contact={contact} />
    </ContactConfirmationPage>
  );
}
