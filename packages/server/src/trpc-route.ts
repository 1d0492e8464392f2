import type { AnyTRPCRouter } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { NextRequest } from 'next/server';
import { createContext, type Context } from '@tobacco/api/context';
import { REQUEST_ID_HEADER } from '@tobacco/api/ops/request-id';
import { clientIp, readSessionUser, type AppKind } from '@tobacco/auth/next-auth';
import { getDb } from '@tobacco/db/client';
import { MAX_BATCH_SIZE } from '@tobacco/ui/lib/query-client';

/**
 * A POST that is not JSON: tRPC would otherwise read form data and raw bytes too, which only a page on
 * another site (a plain HTML form needs no preflight) would send.
 */
export function isNonJsonPost(req: Request): boolean {
  if (req.method !== 'POST') return false;
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return type !== 'application/json';
}

/** Serves one tRPC request: JSON bodies only, batches of at most MAX_BATCH_SIZE (a larger one answers 400). */
export async function serveTrpc(req: Request, router: AnyTRPCRouter, createContext: () => Promise<Context>): Promise<Response> {
  if (isNonJsonPost(req)) return Response.json({ error: { message: 'JSON bodies only' } }, { status: 415 });
  return fetchRequestHandler({ endpoint: '/api/trpc', req, router, maxBatchSize: MAX_BATCH_SIZE, createContext });
}

/** The handler of src/app/api/trpc/[trpc]/route.ts: the app's own router, with the session cookie's user. */
export function createTrpcRouteHandler(router: AnyTRPCRouter, app: AppKind, secret: () => string) {
  return (req: NextRequest): Promise<Response> =>
    serveTrpc(req, router, async () =>
      createContext({
        db: getDb(),
        sessionUser: await readSessionUser(req, app, secret()),
        requestId: req.headers.get(REQUEST_ID_HEADER) ?? undefined,
        ip: clientIp(Object.fromEntries(req.headers.entries())),
      }),
    );
}
