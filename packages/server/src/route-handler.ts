import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { headers } from 'next/headers';
import { createContext, type Context } from '@tobacco/api/context';
import { getLogger } from '@tobacco/api/ops/logger';
import { REQUEST_ID_HEADER } from '@tobacco/api/ops/request-id';
import type { Locale } from '@tobacco/i18n/locale';
import type { MessageKey } from '@tobacco/i18n/messages';
import type { SessionUser } from '@tobacco/auth/next-auth';
import { getDb } from '@tobacco/db/client';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';

type RouteCall<C, T> = {
  getSessionUser: () => Promise<SessionUser | null>;
  /** The app's route caller factory (`createPortalRoutesCaller` / `createBackofficeRoutesCaller`). */
  caller: (ctx: Context) => C;
  /** The one procedure this route serves; its input goes through the procedure's own zod schema. */
  call: (routes: C, locale: Locale) => Promise<T>;
  /** Turns the procedure's answer into the response (a file, a stream). */
  respond: (value: T, ctx: Context) => Response;
};

/**
 * Serves a download or an export from a route handler through a procedure called in-process: the same
 * context (session re-checked against the account), procedure builder (role, temporary password,
 * permission), zod input and scoped service as the tRPC endpoint. Errors answer with the HTTP status tRPC
 * would give and a translated message; nothing unexpected leaks its text.
 */
export async function serveRoute<C, T>({ getSessionUser, caller, call, respond }: RouteCall<C, T>): Promise<Response> {
  const { t, locale } = await getI18n();
  const ctx = await createContext({
    db: getDb(),
    sessionUser: await getSessionUser(),
    requestId: (await headers()).get(REQUEST_ID_HEADER) ?? undefined,
  });
  try {
    return respond(await call(caller(ctx), locale), ctx);
  } catch (error) {
    const trpc = error instanceof TRPCError ? error : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
    const status = getHTTPStatusCodeFromError(trpc);
    if (status >= 500) getLogger().error({ requestId: ctx.requestId, err: error }, 'route failed');
    const message =
      trpc.code === 'BAD_REQUEST' && !(trpc.cause && 'messageKey' in trpc.cause)
        ? { key: 'errors.VALIDATION' as MessageKey }
        : errorMessageOf(trpc, ctx.requestId);
    return Response.json({ error: t(message.key, message.params) }, { status, headers: { 'Cache-Control': 'no-store' } });
  }
}

/**
 * A query string as a procedure's input: the named keys as numbers (anything that is not a plain decimal
 * number stays a string, which the schema then refuses), empty values left out.
 */
export function searchParamsInput(params: URLSearchParams, numeric: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of params) {
    if (value === '') continue;
    out[key] = numeric.includes(key) && /^-?\d{1,20}$/.test(value) ? Number(value) : value;
  }
  return out;
}
