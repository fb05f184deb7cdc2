import type { Metadata } from 'next';
import { NotFoundContent } from '@/components/layout/access-pages';
import { getTranslations } from '@/lib/i18n/server';
import { TransferAdminConfirmation } from '@/components/contacts/confirmations';
import { ContactHeader } from '@/components/contacts/contact-header';
import { loadContactPage } from '@/lib/contacts/loaders';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('transferAdmin'))('title') };
}

export default async function TransferAdminPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx, contact } = await loadContactPage(params);
  if (!contact) return <NotFoundContent />;
  const t = await getTranslations('transferAdmin');
  return (
    <>
      <ContactHeader contact={contact} title={t('title')} section={null} />
      <div className="panel panel--narrow">
        <TransferAdminConfirmation ctx={ctx} contact={contact} />
      </div>
    </>
  );
}
