import NextAuth, { type NextAuthOptions } from 'next-auth';
import { headers } from 'next/headers';
import { NextRequest } from 'next/server';
import { cache } from 'react';
import { getSettings } from '@tobacco/api/admin/settings.service';
import { createContext } from '@tobacco/api/context';
import { REQUEST_ID_HEADER } from '@tobacco/api/ops/request-id';
import type { LockoutPolicy } from '@tobacco/auth/lockout';
import { createAuthOptions, readSessionUser, sessionCookieName, type AppKind, type SessionUser } from '@tobacco/auth/next-auth';
import { getDb } from '@tobacco/db/client';

/** What the auth wiring needs from an app's validated environment (its env.ts). */
export type AuthEnv = { authSecret: string; secureCookies: boolean };

/** The lockout rule as an administrator set it (settings registry), read at each sign-in. */
export async function readLockoutPolicy(): Promise<LockoutPolicy> {
  const s = await getSettings(getDb(), ['auth.lockoutMaxAttempts', 'auth.lockoutWindowMinutes', 'auth.lockoutMinutes']);
  return { maxAttempts: s['auth.lockoutMaxAttempts'], windowMinutes: s['auth.lockoutWindowMinutes'], lockMinutes: s['auth.lockoutMinutes'] };
}

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * One app's sign-in wiring. Everything is built on first use, not at import, so `next build` needs no
 * secret and no database.
 */
export function createAppAuth(app: AppKind, env: () => AuthEnv) {
  let options: NextAuthOptions | undefined;
  const authOptions = (): NextAuthOptions =>
    (options ??= createAuthOptions({ app, secret: env().authSecret, secureCookies: env().secureCookies, db: getDb, lockoutPolicy: readLockoutPolicy }));

  /** The signed-in user of the request being rendered (from the session cookie; the API re-checks the account). */
  const getSessionUser = cache(async (): Promise<SessionUser | null> => {
    const request = new NextRequest('http://localhost/', { headers: await headers() });
    return readSessionUser(request, app, env().authSecret);
  });

  /** The API context of the request being rendered or handled: its session user and the proxy's request id. */
  const createRequestContext = cache(async () =>
    createContext({ db: getDb(), sessionUser: await getSessionUser(), requestId: (await headers()).get(REQUEST_ID_HEADER) ?? undefined }),
  );

  /** next-auth's route handler for src/app/api/auth/[...nextauth]/route.ts */
  const handler = (req: NextRequest, context: RouteContext): Promise<Response> => NextAuth(req, context, authOptions());

  return { app, cookieName: sessionCookieName(app), authOptions, getSessionUser, createRequestContext, handler };
}

export type AppAuth = ReturnType<typeof createAppAuth>;
