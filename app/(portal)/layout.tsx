import type { ReactNode } from 'react';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { CompanySwitcher } from '@/components/layout/company-switcher';
import { LocaleSwitcher } from '@/components/layout/locale-switcher';
import { NavCount, NavList, type NavItem } from '@/components/layout/nav-link';
import { PhoneMenu } from '@/components/layout/phone-menu';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { PENDING_COUNT_LIMIT } from '@/lib/auth/context';
import { requireContact } from '@/lib/auth/session';

// Navigation only: each page checks the session and role itself.
const ADMIN_NAV = [
  { href: '/contacts', key: 'contacts' },
  { href: '/requests', key: 'requests' },
  { href: '/groups', key: 'groups' },
  { href: '/tickets', key: 'tickets' },
  { href: '/history', key: 'history' },
  { href: '/outbox', key: 'outbox' },
  { href: '/settings', key: 'settings' },
] as const;
const CONTACT_NAV = [
  { href: '/tickets', key: 'tickets' },
  { href: '/profile', key: 'profile' },
] as const;

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const ctx = await requireContact();
  const [t, tc] = await Promise.all([getTranslations('nav'), getTranslations('common')]);
  const nav = ctx.isAdmin ? ADMIN_NAV : CONTACT_NAV;
  // The administrator sees how many access requests wait (counted with the session check).
  const pending = ctx.pendingRequests;
  const count =
    pending > 0
      ? { shown: pending >= PENDING_COUNT_LIMIT ? `${PENDING_COUNT_LIMIT - 1}+` : String(pending), label: t('pendingCount', { count: pending }) }
      : undefined;
  // One list, shown as the side navigation on wider screens and in the menu on a phone.
  const items: NavItem[] = nav.map((item) => ({ href: item.href, label: t(item.key), ...(item.key === 'requests' && count ? { count } : {}) }));
  return (
    <div className="portal">
      <a href="#content" className="skip-link">
        {tc('skipToContent')}
      </a>
      <header className="topbar">
        <Link href="/" className="topbar__brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span className="brand-name">{tc('appName')}</span>
        </Link>
        <CompanySwitcher ctx={ctx} />
        <nav className="topbar__user" aria-label={t('userMenu', { name: ctx.contactName })}>
          <span className="topbar__name">{ctx.contactName}</span>
          <Link href="/profile" className="btn btn--link">
            {t('profile')}
          </Link>
          <SignOutButton />
        </nav>
        <PhoneMenu navLabel={t('main')} menuLabel={t('menu')} items={items} badge={count ? <NavCount count={count} /> : null}>
          <NavList items={items} />
        </PhoneMenu>
      </header>
      <div className="portal__body">
        <nav className="sidenav" aria-label={t('main')}>
          <NavList items={items} />
        </nav>
        <main id="content" className="portal__main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="portal__footer">
        <LocaleSwitcher />
      </footer>
    </div>
  );
}
