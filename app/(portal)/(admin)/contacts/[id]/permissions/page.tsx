import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import { NotFoundContent } from '@/components/layout/access-pages';
import { getTranslations } from '@/lib/i18n/server';
import { ContactHeader } from '@/components/contacts/contact-header';
import { loadContactPage } from '@/lib/contacts/loaders';
import { PermissionsForm } from '@/components/contacts/permissions-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('permissions'))('title') };
}

export default async function PermissionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { contact } = await loadContactPage(params);
  if (!contact) return <NotFoundContent />;
  const t = await getTranslations('permissions');
  return (
    <>
      <ContactHeader contact={contact} title={t('title')} section="permissions" />
      <div className="panel">
        <p className="muted">{t('intro', { name: contact.name })}</p>
        <ClientMessages namespaces={['contactForm', 'permissions']}>
          <PermissionsForm contactId={contact.id} granted={contact.permissions} />
        </ClientMessages>
      </div>
    </>
  );
}
