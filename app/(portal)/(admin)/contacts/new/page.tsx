import type { Metadata } from 'next';
import { ClientMessages } from '@/components/i18n/client-messages';
import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { ContactForm } from '@/components/contacts/contact-form';
import { requireAdmin } from '@/lib/auth/session';
import { countries } from '@/lib/br/countries';
import type { Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contactForm'))('addTitle') };
}

export default async function NewContactPage() {
  await requireAdmin();
  const [t, tl, locale] = await Promise.all([getTranslations('contactForm'), getTranslations('contacts'), getLocale()]);
  return (
    <>
      <header className="page-header page-header--stacked">
        <p className="breadcrumb">
          <Link href="/contacts">{tl('title')}</Link> <span aria-hidden="true">›</span> <span>{t('addTitle')}</span>
        </p>
        <h1>{t('addTitle')}</h1>
      </header>
      <div className="panel">
        <ClientMessages namespaces={['contactForm', 'validation']}>
          <ContactForm mode="create" countries={countries(locale as Locale)} initialValues={{ country: 'BR', consultancy: 'no' }} />
        </ClientMessages>
      </div>
    </>
  );
}
