import { NextResponse, type NextRequest } from 'next/server';
import { readSessionUser, type AppKind } from '@tobacco/auth/next-auth';
import { databaseUnavailable } from '@tobacco/api/ops/db-unavailable';
import { REQUEST_ID_HEADER, requestIdFrom } from '@tobacco/api/ops/request-id';
import { LOCALE_COOKIE } from '@tobacco/i18n/locale';
import { isCrossOriginWrite } from './origin-check';
import { contentSecurityPolicy, newNonce, PERMISSIONS_POLICY } from './security-headers';
import { isPublicPath, loginPathFor } from '@tobacco/ui/lib/callback-url';
import { unavailablePage } from './unavailable-page';

/**
 * The proxy (Next 16's middleware) of an app: every page but /login and /api/* needs a session cookie of
 * this app; without one the person goes to /login?callbackUrl=<the page>. It checks only the signed token,
 * cheaply; the API and pages re-check the account itself on every request.
 */
export function createAuthProxy(app: AppKind, env: () => { authSecret: string; development: boolean }) {
  return async function proxy(req: NextRequest): Promise<Response> {
    // Every state-changing request (tRPC mutations, uploads, sign-in, server actions) passes here first.
    if (isCrossOriginWrite(req)) return NextResponse.json({ error: 'cross-origin request refused' }, { status: 403 });
    const { pathname, search } = req.nextUrl;
    // The request id starts here: the route handlers and pages below read it from the request's headers.
    const requestId = requestIdFrom(req.headers);
    const forwarded = new Headers(req.headers);
    forwarded.set(REQUEST_ID_HEADER, requestId);
    // Pages answer 503 while this server knows the database is down; the API answers its own 503 in tRPC's shape.
    if (databaseUnavailable() && !pathname.startsWith('/api/')) {
      const page = unavailablePage(req.cookies.get(LOCALE_COOKIE)?.value);
      page.headers.set(REQUEST_ID_HEADER, requestId);
      return page;
    }
    const response =
      isPublicPath(pathname) || (await readSessionUser(req, app, env().authSecret))
        ? withSecurityHeaders(forwarded, env().development)
        : NextResponse.redirect(new URL(loginPathFor(`${pathname}${search}`), req.nextUrl.origin));
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  };
}

/**
 * Passes the request on with a fresh nonce: the policy goes on the request too, where Next reads the nonce
 * for the scripts it renders (pages read the session or the language cookie, so they render per request).
 */
function withSecurityHeaders(headers: Headers, development: boolean): NextResponse {
  const policy = contentSecurityPolicy(newNonce(), development);
  headers.set('content-security-policy', policy);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('Content-Security-Policy', policy);
  res.headers.set('Permissions-Policy', PERMISSIONS_POLICY);
  return res;
}
