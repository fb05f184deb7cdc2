'use client';

import type { ReactNode } from 'react';
import { useHydrated } from './use-hydrated';

/** Shown without JavaScript (and until the page's script runs), then gone: the fallback of an enhanced control that lives outside it (a picker's search form). */
export function WithoutScript({ children }: { children: ReactNode }) {
  return useHydrated() ? null : <>{children}</>;
}
