import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_HANDOVER_HEADER, sessionForProxy } from '@/lib/auth/session';
import { requestFromOwnSite, SAFE_METHODS } from '@/lib/http/origin';
import { isAdminPath, isPublicPath } from '@/lib/http/paths';
import { COMPANY_SIGN_IN_FORM_ACTION, contentSecurityPolicy, newNonce } from '@/lib/http/security-headers';
import { catalogs, LOCALE_COOKIE, toLocale } from '@/lib/i18n/config';

// Sends anonymous visitors to the sign-in page, refuses data-changing requests from other
// sites, and sets the Content-Security-Policy. It is never the authorisation check: every
// page and action checks the session against the database itself.

/** What a form may send (Next's default limit for server actions). */
const FORM_BODY_LIMIT = 1024 * 1024;
/** Route handlers that take more, with a limit and a message of their own. */
const LARGE_BODY_PATHS: ReadonlySet<string> = new Set(['/contacts/import/upload']);

const AUTHJS_CALLBACK_COOKIE = /^(__Secure-)?authjs\.callback-url$/;

/** A path of this site (not `//host`, not a URL): the only return address Auth.js is given. */
function isLocalPath(value: string): boolean {
  return value.startsWith('/') && !value.startsWith('//') && !value.includes('\\');
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name));
}

/**
 * HTTP 403 for an administration page asked for by someone signed in who is not the
 * company's administrator. The page itself still decides what to show (its layout renders
 * "Acesso restrito" in place, readable without JavaScript; docs/decisions/005): Next's
 * forbidden() would give the status but an empty HTML body, and a status can only be set
 * here, before rendering. A failure to read the session leaves the status to the page.
 */
async function adminAreaStatus(request: NextRequest): Promise<{ status?: number; ref?: string }> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return {};
  // Only for the page itself. Client-side navigation and prefetching fetch the RSC payload
  // (Sec-Fetch-Dest: empty): a 403 there makes Next reload the whole page, and the payload shows
  // the same message anyway. Next strips its own RSC headers before the proxy sees the request,
  // so the browser's header is what tells them apart.
  const dest = request.headers.get('sec-fetch-dest');
  if (dest && dest !== 'document') return {};
  if (!isAdminPath(request.nextUrl.pathname)) return {};
  try {
    // The page takes this same session over (lib/auth/session.ts): one lookup per request.
    const { session, ref } = await sessionForProxy(request.cookies.getAll(), request.headers.get('x-forwarded-proto'));
    return { status: session.status === 'ok' && !session.context.isAdmin ? 403 : undefined, ref: ref ?? undefined };
  } catch {
    return {};
  }
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const csp = contentSecurityPolicy(newNonce(), undefined, pathname === '/login/company' ? COMPANY_SIGN_IN_FORM_ACTION : undefined);
  const withPolicy = (response: NextResponse) => {
    response.headers.set('Content-Security-Policy', csp);
    return response;
  };

  const messages = () => catalogs[toLocale(request.cookies.get(LOCALE_COOKIE)?.value)].errors;
  // An address Next cannot decode would fail deep inside it (HTTP 500): answered here.
  try {
    decodeURIComponent(pathname);
  } catch {
    return withPolicy(new NextResponse(messages().badAddress, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
  }
  // NUL cannot reach a query (PostgreSQL refuses it in text): the same address without it.
  if (/%00/i.test(search)) {
    const clean = request.nextUrl.clone();
    clean.search = search.replace(/%00/gi, '');
    return withPolicy(NextResponse.redirect(clean, 308));
  }

  // A form or server action posted from another site (or by a script sending no Origin) never
  // reaches the page: Next's own check of server actions trusts X-Forwarded-Host, and a POST
  // with no Origin passes it.
  if (!SAFE_METHODS.has(request.method) && !requestFromOwnSite(request.headers)) {
    return withPolicy(new NextResponse(messages().crossSite, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
  }

  // Forms and server actions accept 1 MB (Next's limit); past it Next fails deep inside (HTTP
  // 500). Answered here, before anything is read. The CSV upload has its own route and limit.
  if (request.method === 'POST' && !LARGE_BODY_PATHS.has(pathname) && Number(request.headers.get('content-length') ?? 0) > FORM_BODY_LIMIT) {
    return withPolicy(new NextResponse(messages().tooLarge, { status: 413, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
  }

  // Auth.js's own callback-address cookie and parameter: the portal never sets them (its pages
  // carry their own return address), and a planted or malformed one makes Auth.js fail on
  // every request, which would sign the person out (a cookie set from a sibling domain).
  const plantedCookies = request.cookies.getAll().filter((c) => AUTHJS_CALLBACK_COOKIE.test(c.name));
  if (pathname.startsWith('/api/auth/') && request.nextUrl.searchParams.has('callbackUrl') && !isLocalPath(request.nextUrl.searchParams.get('callbackUrl')!)) {
    return withPolicy(new NextResponse(messages().badAddress, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
  }

  const headers = new Headers(request.headers);
  if (plantedCookies.length) {
    const kept = (request.headers.get('cookie') ?? '').split(';').filter((part) => !AUTHJS_CALLBACK_COOKIE.test(part.split('=')[0]!.trim()));
    headers.set('cookie', kept.join(';'));
  }
  // Lets server components know the current path (language switcher, return links).
  headers.set('x-pathname', pathname + search);
  // Next takes the nonce from the request's policy and puts it on the scripts it renders.
  headers.set('Content-Security-Policy', csp);
  if (!isPublicPath(pathname) && !hasSessionCookie(request)) {
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('callbackUrl', pathname + search);
    return withPolicy(NextResponse.redirect(login));
  }
  // Only the proxy hands a session over: a client's own reference is dropped.
  headers.delete(SESSION_HANDOVER_HEADER);
  const { status, ref } = await adminAreaStatus(request);
  if (ref) headers.set(SESSION_HANDOVER_HEADER, ref);
  const response = withPolicy(NextResponse.next({ request: { headers }, ...(status ? { status } : {}) }));
  for (const c of plantedCookies) response.cookies.delete(c.name);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
