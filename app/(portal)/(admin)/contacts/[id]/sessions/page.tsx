import type { Metadata } from 'next';
import { getTranslations } from '@/lib/i18n/server';
import { NotFoundContent } from '@/components/layout/access-pages';
import { EndSessionsConfirmation } from '@/components/contacts/confirmations';
import { ContactHeader } from '@/components/contacts/contact-header';
import { loadContactPage } from '@/lib/contacts/loaders';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('endSessions'))('title') };
}

export default async function EndSessionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { contact } = await loadContactPage(params);
  if (!contact) return <NotFoundContent />;
  const t = await getTranslations('endSessions');
  return (
    <>
      <ContactHeader contact={contact} title={t('title')} section={null} />
      <div className="panel panel--narrow">
        <EndSessionsConfirmation contact={contact} />
      </div>
    </>
  );
}
