'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** A navigation item is current on its own page and on every page under it. */
export const isCurrentPath = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

export type NavItem = {
  href: string;
  label: string;
  /** A count beside the label ("Solicitações de acesso 3"): what is shown, and what a screen reader says. */
  count?: { shown: string; label: string };
};

/**
 * The portal's navigation list, current item marked. One client component for the whole list,
 * given as data: the side navigation and the phone menu show the same list, and the page's
 * payload then carries the items once instead of two copies of their markup (decision 018).
 */
export function NavList({ items }: { items: readonly NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul>
      {items.map((item) => {
        const active = isCurrentPath(pathname, item.href);
        return (
          <li key={item.href}>
            <Link href={item.href} className={`sidenav__link${active ? ' sidenav__link--active' : ''}`} aria-current={active ? 'page' : undefined}>
              {item.label}
              {item.count ? <NavCount count={item.count} /> : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

export function NavCount({ count }: { count: NonNullable<NavItem['count']> }) {
  return (
    <span className="sidenav__count">
      <span aria-hidden="true">{count.shown}</span>
      <span className="visually-hidden">{`(${count.label})`}</span>
    </span>
  );
}
