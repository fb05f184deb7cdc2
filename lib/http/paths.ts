// Which addresses proxy.ts treats how. A rendering and routing aid only: every page and
// action checks the session and role against the database itself.

/** Reachable without a session. */
export const PUBLIC_PREFIXES = ['/login', '/forgot-password', '/reset-password/', '/invite/', '/signup', '/no-company', '/api/auth/', '/healthz', '/readyz'];

/** The pages of app/(portal)/(admin) (tests/unit/http-paths.test.ts keeps the two in step). */
export const ADMIN_PREFIXES = ['/contacts', '/requests', '/groups', '/history', '/outbox', '/settings'];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) => pathname === p.replace(/\/$/, '') || pathname.startsWith(p));
}

export function isAdminPath(pathname: string): boolean {
  return ADMIN_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}
