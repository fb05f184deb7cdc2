import { NotFoundContent } from '@/components/layout/access-pages';
import { getTranslations } from '@/lib/i18n/server';
import { RemoveContactConfirmation } from '@/components/contacts/confirmations';
import { loadRemovalPage } from '@/lib/contacts/loaders';
import { Modal } from '@/components/ui/modal';

export default async function RemoveContactModal({ params }: { params: Promise<{ id: string }> }) {
  const { contact, openTickets } = await loadRemovalPage(params);
  if (!contact) return <NotFoundContent />;
  const [t, tc] = await Promise.all([getTranslations('removeContact'), getTranslations('common')]);
  return (
    <Modal title={`${t('title')}: ${contact.name}`} closeLabel={tc('back')}>
      <RemoveContactConfirmation contact={contact} openTickets={openTickets} />
    </Modal>
  );
}
