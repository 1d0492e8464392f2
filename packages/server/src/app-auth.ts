import NextAuth, { type NextAuthOptions } from 'next-auth';
import { cookies, headers } from 'next/headers';
import { NextRequest } from 'next/server';
import { cache } from 'react';
import { readLockoutPolicy } from '@tobacco/api/common/password-check';
import { createContext } from '@tobacco/api/context';
import { REQUEST_ID_HEADER } from '@tobacco/api/ops/request-id';
import { clientIp, createAuthOptions, readSessionUser, sessionCookieName, type AppKind, type SessionUser } from '@tobacco/auth/next-auth';
import { getDb } from '@tobacco/db/client';

/** What the auth wiring needs from an app's validated environment (its env.ts). */
export type AuthEnv = { authSecret: string; secureCookies: boolean };

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * One app's sign-in wiring. Everything is built on first use, not at import, so `next build` needs no
 * secret and no database.
 */
export function createAppAuth(app: AppKind, env: () => AuthEnv) {
  let options: NextAuthOptions | undefined;
  const authOptions = (): NextAuthOptions =>
    (options ??= createAuthOptions({
      app,
      secret: env().authSecret,
      secureCookies: env().secureCookies,
      db: getDb,
      lockoutPolicy: () => readLockoutPolicy(getDb()),
    }));

  /** The signed-in user of the request being rendered (from the session cookie; the API re-checks the account). */
  const getSessionUser = cache(async (): Promise<SessionUser | null> => {
    // The cookies as this request sees them now, not as they came in: a server action that re-issued the
    // session cookie (a password change bumps the session version) renders the page with the new one.
    const current = new Headers(await headers());
    current.set('cookie', (await cookies()).toString());
    const request = new NextRequest('http://localhost/', { headers: current });
    return readSessionUser(request, app, env().authSecret);
  });

  /** The API context of the request being rendered or handled: its session user and the proxy's request id. */
  const createRequestContext = cache(async () => {
    const h = await headers();
    return createContext({
      db: getDb(),
      sessionUser: await getSessionUser(),
      requestId: h.get(REQUEST_ID_HEADER) ?? undefined,
      ip: clientIp(Object.fromEntries(h.entries())),
    });
  });

  /** next-auth's route handler for src/app/api/auth/[...nextauth]/route.ts */
  const handler = (req: NextRequest, context: RouteContext): Promise<Response> => NextAuth(req, context, authOptions());

  return { app, cookieName: sessionCookieName(app), authOptions, getSessionUser, createRequestContext, handler };
}

export type AppAuth = ReturnType<typeof createAppAuth>;
