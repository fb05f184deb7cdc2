'use client';

import { useEffect } from 'react';
import { useRouter } from 'next/navigation';

/**
 * While an import runs, the page refreshes itself: with JavaScript through the router (no
 * reload, focus kept); without it, through the <noscript> meta refresh the page renders.
 */
export function AutoRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
