import type { NextRequest } from 'next/server';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { MAX_IMPORT_BYTES } from '@tobacco/api/imports/imports.schema';
import { REQUEST_ID_HEADER } from '@tobacco/api/ops/request-id';
import { createBackofficeRoutesCaller } from '@tobacco/api/routes';
import type { MessageKey, MessageParams } from '@tobacco/i18n/messages';
import { isCrossOriginWrite } from '@tobacco/server/origin-check';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { auth } from '@/auth';

export const dynamic = 'force-dynamic';

// POST /imports/upload?kind=&fileName=&policyId=, the file's bytes as the body (application/octet-stream).
// A file can be as large as MAX_IMPORT_BYTES, so it is never read whole: the request's stream goes to the
// `importUpload` procedure, called in-process (session, temporary password, permission, zod input), which
// stores it in pieces as it arrives.
//
// The proxy does not run for this address (see proxy.ts): a proxy makes Next buffer the request body for it,
// and cut it at its size limit. So the proxy's cross-origin check is made here, and the session is checked by
// the procedure as for every other call.

type Failure = { key: MessageKey; params?: MessageParams };

function failureOf(error: unknown, requestId: string): { status: number; error: Failure } {
  if (isUnauthorized(error)) return { status: 401, error: { key: 'errors.UNAUTHORIZED' } };
  const trpc = error instanceof TRPCError ? error : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
  const cause = trpc.cause as { code?: unknown; messageKey?: unknown; params?: MessageParams; issues?: { message: string }[] } | undefined;
  // The file passed the limit while it was read (no Content-Length, or a wrong one).
  if (cause?.code === 'LIMIT_EXCEEDED') return { status: 413, error: errorMessageOf(trpc, requestId) };
  if (trpc.code === 'FORBIDDEN') return { status: 403, error: errorMessageOf(trpc, requestId) };
  const status = getHTTPStatusCodeFromError(trpc);
  if (status >= 500) return { status, error: errorMessageOf(trpc, requestId) };
  if (trpc.code === 'BAD_REQUEST' && typeof cause?.messageKey !== 'string') {
    // A validation error of the in-process caller carries the zod issues, whose messages are message keys.
    const issue = cause?.issues?.[0]?.message;
    return { status: 400, error: { key: issue?.includes('.') ? (issue as MessageKey) : 'errors.VALIDATION' } };
  }
  return { status: 400, error: errorMessageOf(trpc, requestId) };
}

export async function POST(req: NextRequest): Promise<Response> {
  const ctx = await auth.createRequestContext();
  const { t } = await getI18n();
  const headers = { 'Cache-Control': 'no-store', [REQUEST_ID_HEADER]: ctx.requestId };
  // The message goes along translated, for keys of other areas than the upload form's (a policy no longer a draft).
  const fail = (status: number, error: Failure) =>
    Response.json({ ok: false, error: { ...error, message: t(error.key, error.params) } }, { status, headers });

  if (isCrossOriginWrite(req)) return fail(403, { key: 'errors.FORBIDDEN' });
  // Turned away before a byte is read; a body without a length is counted as it is stored.
  if (Number(req.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES)
    return fail(413, { key: 'imports.reject.tooLarge', params: { max: MAX_IMPORT_BYTES / 1024 / 1024 } });
  if (!req.body) return fail(400, { key: 'imports.reject.empty' });

  const q = req.nextUrl.searchParams;
  const policyId = q.get('policyId');
  const routes = createBackofficeRoutesCaller(ctx);
  try {
    const { id } = await routes.importUpload({
      kind: q.get('kind') ?? '',
      fileName: q.get('fileName') ?? '',
      // The procedure's schemas check these like any other input (a policy id that is not a number is refused).
      options: policyId === null ? {} : { policyId: /^\d{1,20}$/.test(policyId) ? Number(policyId) : policyId },
      // A web ReadableStream is async-iterable in Node: read piece by piece as the upload arrives.
      body: req.body as unknown as AsyncIterable<Uint8Array>,
    } as Parameters<typeof routes.importUpload>[0]);
    return Response.json({ ok: true, data: { id } }, { status: 200, headers });
  } catch (error) {
    const { status, error: failure } = failureOf(error, ctx.requestId);
    return fail(status, failure);
  }
}
