import { NextResponse, type NextRequest } from 'next/server';
import { readSessionUser, type AppKind } from '@tobacco/auth/next-auth';
import { isCrossOriginWrite } from './origin-check';
import { isPublicPath, loginPathFor } from '@tobacco/ui/lib/callback-url';

/**
 * The proxy (Next 16's middleware) of an app: every page but /login and /api/* needs a session cookie of
 * this app; without one the person goes to /login?callbackUrl=<the page>. It checks only the signed token,
 * cheaply; the API and pages re-check the account itself on every request.
 */
export function createAuthProxy(app: AppKind, secret: () => string) {
  return async function proxy(req: NextRequest): Promise<NextResponse> {
    // Every state-changing request (tRPC mutations, uploads, sign-in, server actions) passes here first.
    if (isCrossOriginWrite(req)) return NextResponse.json({ error: 'cross-origin request refused' }, { status: 403 });
    const { pathname, search } = req.nextUrl;
    if (isPublicPath(pathname)) return NextResponse.next();
    if (await readSessionUser(req, app, secret())) return NextResponse.next();
    const login = new URL(loginPathFor(`${pathname}${search}`), req.nextUrl.origin);
    return NextResponse.redirect(login);
  };
}
