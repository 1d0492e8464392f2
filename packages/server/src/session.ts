import { cookies } from 'next/headers';

/**
 * Ends a JWT session by deleting its cookie (and the chunks next-auth splits a large token into).
 * Sessions are stateless, so this is all signing out takes; revoking every session of an account is
 * done by bumping its sessionVersion on the server.
 */
export async function deleteSessionCookies(cookieName: string): Promise<void> {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (name === cookieName || name.startsWith(`${cookieName}.`)) jar.delete(name);
  }
}
