import { NotFoundContent } from '@/components/layout/access-pages';
import { ClientMessages } from '@/components/i18n/client-messages';
import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { ContactForm } from '@/components/contacts/contact-form';
import { ContactHeader } from '@/components/contacts/contact-header';
import { loadContactPage } from '@/lib/contacts/loaders';
import { storedValues } from '@/lib/contacts/edit-conflict';
import { countries } from '@/lib/br/countries';
import type { Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contactForm'))('editTitle') };
}

export default async function EditContactPage({ params }: { params: Promise<{ id: string }> }) {
  const { contact } = await loadContactPage(params);
  if (!contact) return <NotFoundContent />;
  const [t, locale] = await Promise.all([getTranslations('contactForm'), getLocale()]);
  return (
    <>
      <ContactHeader contact={contact} title={t('editTitle')} section="edit" />
      <div className="panel">
        <ClientMessages namespaces={['contactForm', 'validation']}>
          <ContactForm
            mode="edit"
            countries={countries(locale as Locale)}
            // The same values travel as the version's originals (orig_*): a later save compares with them.
            initialValues={{ id: contact.id, version: String(contact.version), ...storedValues(contact) }}
          />
        </ClientMessages>
      </div>
    </>
  );
}
