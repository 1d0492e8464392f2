import type { AnyTRPCRouter } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { NextRequest } from 'next/server';
import { createContext } from '@tobacco/api/context';
import { REQUEST_ID_HEADER } from '@tobacco/api/ops/request-id';
import { readSessionUser, type AppKind } from '@tobacco/auth/next-auth';
import { getDb } from '@tobacco/db/client';

/** The handler of src/app/api/trpc/[trpc]/route.ts: the app's own router, with the session cookie's user. */
export function createTrpcRouteHandler(router: AnyTRPCRouter, app: AppKind, secret: () => string) {
  return (req: NextRequest): Promise<Response> =>
    fetchRequestHandler({
      endpoint: '/api/trpc',
      req,
      router,
      createContext: async () =>
        createContext({ db: getDb(), sessionUser: await readSessionUser(req, app, secret()), requestId: req.headers.get(REQUEST_ID_HEADER) ?? undefined }),
    });
}
