import { NextResponse, type NextRequest } from 'next/server';
import { readSessionUser, type AppKind } from '@tobacco/auth/next-auth';
import { isCrossOriginWrite } from './origin-check';
import { contentSecurityPolicy, newNonce, PERMISSIONS_POLICY } from './security-headers';
import { isPublicPath, loginPathFor } from '@tobacco/ui/lib/callback-url';

/**
 * The proxy (Next 16's middleware) of an app: every page but /login and /api/* needs a session cookie of
 * this app; without one the person goes to /login?callbackUrl=<the page>. It checks only the signed token,
 * cheaply; the API and pages re-check the account itself on every request.
 */
export function createAuthProxy(app: AppKind, env: () => { authSecret: string; development: boolean }) {
  return async function proxy(req: NextRequest): Promise<NextResponse> {
    // Every state-changing request (tRPC mutations, uploads, sign-in, server actions) passes here first.
    if (isCrossOriginWrite(req)) return NextResponse.json({ error: 'cross-origin request refused' }, { status: 403 });
    const { pathname, search } = req.nextUrl;
    if (isPublicPath(pathname) || (await readSessionUser(req, app, env().authSecret))) return withSecurityHeaders(req, env().development);
    const login = new URL(loginPathFor(`${pathname}${search}`), req.nextUrl.origin);
    return NextResponse.redirect(login);
  };
}

/**
 * Passes the request on with a fresh nonce: the policy goes on the request too, where Next reads the nonce
 * for the scripts it renders (pages read the session or the language cookie, so they render per request).
 */
function withSecurityHeaders(req: NextRequest, dev: boolean): NextResponse {
  const policy = contentSecurityPolicy(newNonce(), dev);
  const headers = new Headers(req.headers);
  headers.set('content-security-policy', policy);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('Content-Security-Policy', policy);
  res.headers.set('Permissions-Policy', PERMISSIONS_POLICY);
  return res;
}
