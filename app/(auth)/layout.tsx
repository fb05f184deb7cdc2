import type { ReactNode } from 'react';
import { getTranslations } from '@/lib/i18n/server';
import { LocaleSwitcher } from '@/components/layout/locale-switcher';

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('common');
  return (
    <div className="auth-shell">
      <header className="auth-shell__brand">
        <span className="brand-mark" aria-hidden="true">
          P
        </span>
        <span>
          <strong className="brand-name">{t('appName')}</strong>
          <span className="brand-tagline">{t('tagline')}</span>
        </span>
      </header>
      <main id="content" className="auth-card">
        {/* Each page's forms bring their own messages (their folder's layout). */}
        {children}
      </main>
      <footer className="auth-shell__footer">
        <LocaleSwitcher />
      </footer>
    </div>
  );
}
