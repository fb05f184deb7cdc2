import { getTranslations } from '@/lib/i18n/server';
import { NotFoundContent } from '@/components/layout/access-pages';
import { EndSessionsConfirmation } from '@/components/contacts/confirmations';
import { loadContactPage } from '@/lib/contacts/loaders';
import { Modal } from '@/components/ui/modal';

export default async function EndSessionsModal({ params }: { params: Promise<{ id: string }> }) {
  const { contact } = await loadContactPage(params);
  if (!contact) return <NotFoundContent />;
  const [t, tc] = await Promise.all([getTranslations('endSessions'), getTranslations('common')]);
  return (
    <Modal title={`${t('title')}: ${contact.name}`} closeLabel={tc('back')}>
      <EndSessionsConfirmation contact={contact} />
    </Modal>
  );
}
