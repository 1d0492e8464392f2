import { createAuthProxy } from '@tobacco/server/app-proxy';
import { serverEnv } from './env';

export const proxy = createAuthProxy('backoffice', serverEnv);

export const config = {
  // Pages only: Next's assets and the site's static files never need a session. Nor the upload of a file to
  // import: for a proxy Next buffers a request's body in memory and cuts it at 10 MB, and an import may be
  // far larger; its route handler makes the proxy's checks itself (imports/upload/route.ts).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|imports/upload$).*)'],
};
