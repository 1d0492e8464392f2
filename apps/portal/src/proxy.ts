import { createAuthProxy } from '@tobacco/server/app-proxy';
import { serverEnv } from './env';

export const proxy = createAuthProxy('portal', serverEnv);

export const config = {
  // Pages only: Next's assets and the site's static files never need a session.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
