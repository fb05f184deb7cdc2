'use client';

import { useEffect, type KeyboardEvent, type RefObject } from 'react';

/**
 * A <details> disclosure that behaves like a menu once JavaScript runs: a click or tap outside
 * closes it, and Escape closes it with the focus back on its summary. Without JavaScript it
 * still opens and closes by its summary. Returns the keydown handler for the <details>.
 */
export function useDismissable(ref: RefObject<HTMLDetailsElement | null>) {
  useEffect(() => {
    const closeOutside = (event: PointerEvent) => {
      const details = ref.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [ref]);

  return (event: KeyboardEvent<HTMLDetailsElement>) => {
    const details = ref.current;
    if (event.key !== 'Escape' || !details?.open) return;
    event.preventDefault();
    details.open = false;
    details.querySelector('summary')?.focus();
  };
}
