import type { ReactNode } from 'react';
import { getTranslations } from '@/lib/i18n/server';
import { SettingsTabs } from '@/components/domains/settings-tabs';
import { ClientMessages } from '@/components/i18n/client-messages';

// "Configurações da empresa" (PRODUCT.md §10): the company's own identity settings, one page
// per section. Each page checks requireAdmin() itself.
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('settings');
  return (
    <ClientMessages namespaces={['settings', 'domains', 'signInSettings', 'validation']}>
      <p className="breadcrumb">{t('title')}</p>
      <SettingsTabs />
      {children}
    </ClientMessages>
  );
}
