'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/** A navigation item is current on its own page and on every page under it. */
export const isCurrentPath = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const active = isCurrentPath(usePathname(), href);
  return (
    <Link href={href} className={`sidenav__link${active ? ' sidenav__link--active' : ''}`} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}
