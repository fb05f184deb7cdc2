import { NextResponse, type NextRequest } from 'next/server';

// Only sends anonymous visitors to the sign-in page. It is never the authorisation check:
// every page and action checks the session against the database itself.
const PUBLIC_PREFIXES = ['/login', '/forgot-password', '/reset-password/', '/invite/', '/signup', '/no-company', '/api/auth/'];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name));
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  // Lets server components know the current path (language switcher, return links).
  headers.set('x-pathname', pathname + search);
  const isPublic = PUBLIC_PREFIXES.some((p) => pathname === p.replace(/\/$/, '') || pathname.startsWith(p));
  if (!isPublic && !hasSessionCookie(request)) {
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(login);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
