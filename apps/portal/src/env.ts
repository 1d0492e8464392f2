import { z } from 'zod';
import { appSecret } from '@tobacco/auth/next-auth';

// The portal's environment, validated once, on first use (so `next build` needs none of it).
// `npm start` / `npm run dev` provide all three.

// Only ever used outside production, so a developer can run `next dev` with nothing set.
const DEVELOPMENT_SECRET = 'portal-development-secret-never-used-in-production';

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is not set: start the app with `npm start` or `npm run dev`, which provide it.'),
  AUTH_SECRET: z.string().min(1).optional(),
  NEXTAUTH_URL: z.url().optional(),
});

export type ServerEnv = { databaseUrl: string; authSecret: string; nextAuthUrl?: string; secureCookies: boolean; development: boolean };

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse({
    NODE_ENV: process.env.NODE_ENV,
    DATABASE_URL: process.env.DATABASE_URL,
    AUTH_SECRET: process.env.AUTH_SECRET || undefined,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || undefined,
  });
  if (!parsed.success) throw new Error(`The portal's environment is not valid:\n${z.prettifyError(parsed.error)}`);
  const env = parsed.data;
  if (!env.AUTH_SECRET && env.NODE_ENV === 'production') {
    throw new Error('AUTH_SECRET must be set in production: it signs the session cookies.');
  }
  cached = {
    databaseUrl: env.DATABASE_URL,
    // This app's own signing key: a token of the other app is never valid here.
    authSecret: appSecret(env.AUTH_SECRET ?? DEVELOPMENT_SECRET, 'portal'),
    nextAuthUrl: env.NEXTAUTH_URL,
    // Behind https the session cookie is sent only over https.
    secureCookies: env.NEXTAUTH_URL?.startsWith('https://') ?? false,
    // `next dev` evaluates scripts, which the content security policy then allows.
    development: env.NODE_ENV === 'development',
  };
  return cached;
}
