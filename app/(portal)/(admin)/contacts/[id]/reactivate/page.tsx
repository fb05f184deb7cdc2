import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotFoundContent } from '@/components/layout/access-pages';
import { ReactivateConfirmation } from '@/components/contacts/confirmations';
import { ContactHeader } from '@/components/contacts/contact-header';
import { loadContactPage } from '@/lib/contacts/loaders';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reactivateContact'))('title') };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { contact } = await loadContactPage(params);
  if (!contact || !(contact.status === 'deactivated')) return <NotFoundContent />;
  const t = await getTranslations('reactivateContact');
  return (
    <>
      <ContactHeader contact={contact} title={t('title')} section={null} />
      <div className="panel panel--narrow">
        <ReactivateConfirmation contact={contact} />
      </div>
    </>
  );
}
