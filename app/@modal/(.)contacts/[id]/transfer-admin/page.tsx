import { NotFoundContent } from '@/components/layout/access-pages';
import { getTranslations } from '@/lib/i18n/server';
import { TransferAdminConfirmation } from '@/components/contacts/confirmations';
import { loadContactPage } from '@/lib/contacts/loaders';
import { Modal } from '@/components/ui/modal';

export default async function TransferAdminModal({ params }: { params: Promise<{ id: string }> }) {
  const { ctx, contact } = await loadContactPage(params);
  if (!contact) return <NotFoundContent />;
  const [t, tc] = await Promise.all([getTranslations('transferAdmin'), getTranslations('common')]);
  return (
    <Modal title={`${t('title')}: ${contact.name}`} closeLabel={tc('back')}>
      <TransferAdminConfirmation ctx={ctx} contact={contact} />
    </Modal>
  );
}
