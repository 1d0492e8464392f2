import { createHmac, createSecretKey, hkdfSync, randomUUID, type KeyObject } from 'node:crypto';
import { jwtDecrypt } from 'jose';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getToken, type JWT, type JWTDecodeParams } from 'next-auth/jwt';
import type { Db } from '@tobacco/db/client';
import type { LockoutPolicy } from './lockout';
import { signInRetailer, signInStaff, type RetailerSession, type StaffSession } from './sign-in';

export type AppKind = 'portal' | 'backoffice';
export type SessionUser = StaffSession | RetailerSession;

// Each app has its own cookie, so a retailer's session can never be presented to the back office and
// signing in to one app does not sign anybody out of the other on the same host.
export function sessionCookieName(app: AppKind): string {
  return `${app}.session-token`;
}

const MAX_AGE_SECONDS: Record<AppKind, number> = {
  // Shops keep their phone signed in for a week; staff desks for a working day.
  portal: 7 * 24 * 3600,
  backoffice: 10 * 3600,
};

type Options = {
  app: AppKind;
  secret: string;
  secureCookies: boolean;
  db: () => Db;
  lockoutPolicy: () => Promise<LockoutPolicy>;
};

/** The error string next-auth hands back to the login form: a reason and, when locked, the minutes left. */
export function encodeSignInError(reason: string, minutes?: number): string {
  return minutes ? `${reason}:${minutes}` : reason;
}

export function decodeSignInError(error: string): { reason: string; minutes?: number } {
  const [reason = 'generic', minutes] = error.split(':');
  return { reason, minutes: minutes ? Number(minutes) : undefined };
}

export function createAuthOptions(options: Options): NextAuthOptions {
  const { app } = options;
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: options.secureCookies };
  return {
    secret: options.secret,
    session: { strategy: 'jwt', maxAge: MAX_AGE_SECONDS[app] },
    jwt: { maxAge: MAX_AGE_SECONDS[app] },
    pages: { signIn: '/login', error: '/login' },
    cookies: {
      sessionToken: { name: sessionCookieName(app), options: cookieOptions },
      callbackUrl: { name: `${app}.callback-url`, options: cookieOptions },
      csrfToken: { name: `${app}.csrf-token`, options: cookieOptions },
    },
    providers: [
      CredentialsProvider({
        name: 'credentials',
        credentials: { login: { type: 'text' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const login = credentials?.login ?? '';
          const password = credentials?.password ?? '';
          if (!login || !password) throw new Error(encodeSignInError('INVALID_CREDENTIALS'));
          const policy = await options.lockoutPolicy();
          const origin = { ip: clientIp(req?.headers ?? {}) };
          const result =
            app === 'portal'
              ? await signInRetailer(options.db(), { loginName: login, password }, policy, undefined, origin)
              : await signInStaff(options.db(), { username: login, password }, policy, undefined, origin);
          if (!result.ok) throw new Error(encodeSignInError(result.reason, result.minutes));
          const sessionId = await openSession(options.db(), app, result.user, req?.headers?.['user-agent']);
          return { id: String(result.user.kind === 'staff' ? result.user.userId : result.user.loginId), ...result.user, sessionId };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.user = user as unknown as SessionUser;
        return token;
      },
      async session({ session, token }) {
        const user = (token as JWT & { user?: SessionUser }).user;
        return { ...session, user: user ? { name: user.name, kind: user.kind } : undefined };
      },
    },
  };
}

/** Records a sign-in as an AuthSession row; its id travels in the token and is checked on every request. */
export async function openSession(db: Db, app: AppKind, user: SessionUser, userAgent?: unknown): Promise<string> {
  const id = randomUUID();
  await db.authSession.create({
    data: {
      id,
      app,
      staffUserId: user.kind === 'staff' ? user.userId : null,
      retailerLoginId: user.kind === 'retailer' ? user.loginId : null,
      userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 300) : null,
      expiresAt: new Date(Date.now() + MAX_AGE_SECONDS[app] * 1000),
    },
  });
  return id;
}

/**
 * Each app signs its cookies with its own key, derived from the configured secret, so a token of one app
 * is never valid in the other even where both are given the same AUTH_SECRET.
 */
export function appSecret(secret: string, app: AppKind): string {
  return createHmac('sha256', secret).update(`session-cookie:${app}`).digest('base64url');
}

/**
 * The caller's address: the last hop of X-Forwarded-For, which the server in front of the app (Next's own,
 * or the deployment's reverse proxy, which must append to the header) wrote, not the client.
 */
export function clientIp(headers: Record<string, unknown>): string | null {
  const forwarded = headers['x-forwarded-for'];
  const last = typeof forwarded === 'string' ? forwarded.split(',').at(-1)?.trim() : undefined;
  const real = headers['x-real-ip'];
  return last || (typeof real === 'string' ? real.trim() : null) || null;
}

// next-auth's own `decode` derives the token's AES key from the secret (HKDF, then a key import) on every
// call, and every page request decodes the session twice (the proxy, then the page): deriving the same key
// again was most of each decode (216–243 µs a decode, 27–37 µs without it). It is derived once per secret
// here (an app has one), with next-auth's parameters for session tokens (no salt), and decrypted as
// next-auth decrypts it.
const decryptionKeys = new Map<string, KeyObject>();

function decryptionKey(secret: string): KeyObject {
  let key = decryptionKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(hkdfSync('sha256', secret, '', 'NextAuth.js Generated Encryption Key', 32)));
    decryptionKeys.set(secret, key);
  }
  return key;
}

/** next-auth's `decode` of a session token (JWE, dir + A256GCM, 15 s of clock tolerance) with the key derived once. */
export async function decodeSessionToken({ token, secret }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, decryptionKey(String(secret)), { clockTolerance: 15 });
  return payload as JWT;
}

/** Reads the signed-in user from a request's session cookie (the API's context uses it). */
export async function readSessionUser(
  req: Parameters<typeof getToken>[0]['req'],
  app: AppKind,
  secret: string,
): Promise<SessionUser | null> {
  const token = await getToken({ req, secret, cookieName: sessionCookieName(app), decode: decodeSessionToken });
  const user = (token as (JWT & { user?: SessionUser }) | null)?.user;
  if (!user) return null;
  if (app === 'portal' && user.kind !== 'retailer') return null;
  if (app === 'backoffice' && user.kind !== 'staff') return null;
  return user;
}
