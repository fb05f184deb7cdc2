import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/layout/access-pages';
import { confirmationMetadata, ContactConfirmationPage, DeactivateConfirmation } from '@/components/contacts/confirmations';
import { loadContactPage } from '@/lib/contacts/loaders';

export async function generateMetadata(): Promise<Metadata> {
  return confirmationMetadata('deactivateContact');
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { ctx, contact } = await loadContactPage(params);
  if (!contact || contact.status !== 'active') return <NotFoundContent />;
  return (
    <ContactConfirmationPage contact={contact} texts="deactivateContact">
      <DeactivateConfirmation contact={contact} companyName={ctx.companyName} />
    </ContactConfirmationPage>
  );
}
