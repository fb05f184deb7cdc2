import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/layout/access-pages';
import { confirmationMetadata, ContactConfirmationPage, ReactivateConfirmation } from '@/components/contacts/confirmations';
import { loadContactPage } from '@/lib/contacts/loaders';

export async function generateMetadata(): Promise<Metadata> {
  return confirmationMetadata('reactivateContact');
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { contact } = await loadContactPage(params);
  if (!contact || contact.status !== 'deactivated') return <NotFoundContent />;
  return (
    <ContactConfirmationPage contact={contact} texts="reactivateContact">
      <ReactivateConfirmation contact={contact} />
    </ContactConfirmationPage>
  );
}
