// Starting a built app (`next start`), signing in over HTTP as a browser does (next-auth's credentials flow),
// and reading pages with the session cookie.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { dbEnv } from '../../packages/db/src/env';

/** The built portal or back office on `port`, reading `databaseUrl`; stop it with `process.kill(-child.pid)`. */
export function startApp(app: 'portal' | 'backoffice', databaseUrl: string, port: number, host = '127.0.0.1'): ChildProcess {
  return spawn(path.join(dbEnv.repoRoot, 'node_modules', '.bin', 'next'), ['start', '--port', String(port)], {
    cwd: path.join(dbEnv.repoRoot, 'apps', app),
    stdio: ['ignore', 'ignore', 'inherit'],
    // Its own process group: `next start` runs the server in a child process, which must stop with it.
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET || 'bench-secret',
      NEXTAUTH_URL: `http://${host}:${port}`,
    },
  });
}

/** The cookies a response sets, as `name=value` pairs (attributes dropped). */
function setCookies(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

/** Signs one retailer in and answers the Cookie header that carries its session. */
export async function signIn(baseUrl: string, login: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = setCookies(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, login, password, json: 'true' }),
  });
  const session = setCookies(response).find((c) => c.includes('session-token'));
  if (!session) throw new Error(`sign-in of ${login} failed (HTTP ${response.status})`);
  return session;
}

/** GET a page with a session; the body must contain `expect` (the shop's licence number), else it throws.
 *  Answers the body's size in bytes as sent (UTF-8), not in characters. `acceptEncoding` left out, fetch asks
 *  for gzip as a browser does; `identity` asks for none (what a server behind a compressing proxy does). */
export async function getPage(baseUrl: string, path: string, cookie: string, expect: string, acceptEncoding?: string): Promise<number> {
  const headers: Record<string, string> = acceptEncoding ? { cookie, 'accept-encoding': acceptEncoding } : { cookie };
  const response = await fetch(`${baseUrl}${path}`, { headers, redirect: 'manual' });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status}`);
  if (!body.includes(expect)) throw new Error(`GET ${path}: the body does not contain ${expect}`);
  return Buffer.byteLength(body);
}

/** Waits until the server answers. */
export async function waitForServer(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
