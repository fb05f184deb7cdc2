import { parseAndValidateFlightRouterState } from 'next/dist/server/app-render/parse-and-validate-flight-router-state';

/** The header in which Next's client router says which segments it already holds, and the one that asks for the RSC payload. */
export const ROUTER_STATE_HEADER = 'next-router-state-tree';
export const RSC_HEADER = 'rsc';

/**
 * Whether Next would refuse the request's router state. Next reads it only on a request for
 * the RSC payload (`RSC: 1`), and there the browser's router always sends a valid one; a
 * forged or damaged one (or two of them) makes Next fail deep inside, with HTTP 500 and a
 * stack trace in the log, on any page, signed in or not. Next's own check decides, so the
 * two cannot disagree. The proxy never sees this header (Next takes it off the request the
 * proxy is given): lib/http/request-log.ts asks, before Next.
 */
export function routerStateRefused(rsc: string | string[] | undefined, value: string | string[] | null | undefined): boolean {
  if (rsc !== '1' || value === null || value === undefined) return false;
  try {
    parseAndValidateFlightRouterState(value);
    return false;
  } catch {
    return true;
  }
}
