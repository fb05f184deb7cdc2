'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { useDismissable } from '@/components/ui/use-dismissable';
import { isCurrentPath } from './nav-link';

/**
 * The main navigation on a phone: a button in the header naming the current section, which
 * opens the list of every item. A <details> disclosure, so it opens and closes without
 * JavaScript; with it, the menu also closes once a link is followed, on Escape and on a
 * click outside. The CSS shows it or the side navigation, never both (app/globals.css).
 */
export function PhoneMenu({
  navLabel,
  menuLabel,
  items,
  badge,
  children,
}: {
  navLabel: string;
  menuLabel: string;
  items: readonly { href: string; label: string }[];
  badge?: ReactNode;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const ref = useRef<HTMLDetailsElement>(null);
  const current = items.find((item) => isCurrentPath(pathname, item.href));

  // The layout stays mounted across client navigations: close the menu on the new page.
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);

  const onKeyDown = useDismissable(ref);
  // A link to the page already shown changes no pathname: close on the click itself too.
  const onClick = (event: MouseEvent<HTMLDetailsElement>) => {
    if (ref.current && (event.target as Element).closest('a')) ref.current.open = false;
  };

  return (
    <nav className="phone-menu" aria-label={navLabel}>
      <details ref={ref} className="phone-menu__details" onKeyDown={onKeyDown} onClick={onClick}>
        <summary className="phone-menu__button">
          <span className="phone-menu__icon" aria-hidden="true" />
          <span className="phone-menu__label">{menuLabel}</span>
          {current ? (
            <>
              <span className="phone-menu__sep" aria-hidden="true">
                ·
              </span>
              <span className="phone-menu__current">{current.label}</span>
            </>
          ) : null}
          {badge}
        </summary>
        <div className="phone-menu__panel">{children}</div>
      </details>
    </nav>
  );
}
