'use client';

import { useRef, type ReactNode } from 'react';
import { useDismissable } from './use-dismissable';

/** A <details> (summary first among its children) that closes on a click outside and on Escape once JavaScript runs. */
export function DismissableDetails({ className, children }: { className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const onKeyDown = useDismissable(ref);
  return (
    <details ref={ref} className={className} onKeyDown={onKeyDown}>
      {children}
    </details>
  );
}
