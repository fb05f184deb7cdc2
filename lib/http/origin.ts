// Which requests may change data: only those sent by this site's own pages. Used by proxy.ts
// for every POST (pages, server actions, /api/auth) and by the route handlers that change
// data (lib/auth/route.ts), so both apply one rule.

export type OriginHeaders = {
  /** The browser's Origin header. */
  origin: string | null;
  /** The browser's Sec-Fetch-Site header. */
  secFetchSite: string | null;
  /** The Host header: what the server was asked for, when APP_URL does not say it. */
  host: string | null;
  /** APP_URL, the public address of the portal, when set. */
  appUrl: string | undefined;
};

/**
 * True for a request from one of this site's pages. Browsers send Origin with every POST;
 * without it, only their own "Sec-Fetch-Site: same-origin" is taken (a script or another
 * server sends neither). With APP_URL set, Origin must be exactly its origin (scheme, host
 * and port). X-Forwarded-Host is never consulted: anyone can send it, and trusting it let a
 * forged request name its own host and pass.
 */
export function fromOwnSite({ origin, secFetchSite, host, appUrl }: OriginHeaders): boolean {
  if (!origin || origin === 'null') return secFetchSite === 'same-origin';
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return false;
  }
  if (appUrl) {
    try {
      return from.origin === new URL(appUrl).origin;
    } catch {
      // A malformed APP_URL matches nothing: refusing every POST shows the mistake at once.
      return false;
    }
  }
  return host !== null && from.host === host;
}

/** The same rule, read from a request's headers. */
export function requestFromOwnSite(headers: Headers, appUrl: string | undefined = process.env.APP_URL): boolean {
  return fromOwnSite({ origin: headers.get('origin'), secFetchSite: headers.get('sec-fetch-site'), host: headers.get('host'), appUrl });
}

/** Methods that never change data; every other one must pass fromOwnSite. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
