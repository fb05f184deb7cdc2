'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

const SECTIONS = [
  { href: '/settings/domains', key: 'domains' },
  { href: '/settings/sign-in', key: 'signIn' },
] as const;

/** The sections of "Configurações da empresa". */
export function SettingsTabs() {
  const t = useTranslations('settings');
  const pathname = usePathname();
  return (
    <nav className="tabs" aria-label={t('sections')}>
      {SECTIONS.map((s) => {
        const active = pathname === s.href || pathname.startsWith(`${s.href}/`);
        return (
          <Link key={s.href} href={s.href} className={`tabs__tab${active ? ' tabs__tab--active' : ''}`} aria-current={active ? 'page' : undefined}>
            {s.key === 'domains' ? t('domains') : t('signIn')}
          </Link>
        );
      })}
    </nav>
  );
}
