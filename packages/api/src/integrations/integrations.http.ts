import type { Db } from '@tobacco/db/client';
import { translate, type MessageKey } from '@tobacco/i18n/messages';
import type { z } from 'zod';
import { DomainError } from '../errors';
import { bearerKey } from './integrations.rules';
import { INGEST_MAX_BODY_BYTES, ZIngestOrder, ZIngestProducts } from './integrations.schema';
import { authenticateIntegration, ingestOrder, ingestProducts, logCall, type IntegrationRef } from './integrations.service';

// The ingestion API over plain Request and Response, so that the back office's route handlers are one line
// and the integration tests call exactly what the server runs. Every call is logged with its integration,
// counts and outcome. Bad input answers 400 with field errors, a missing or revoked key 401, a conflicting
// replay 409 with the differences, an oversize body 413; nothing a client sends produces a 500.

type Locale = 'zh-CN' | 'en';
const localeOf = (req: Request): Locale => (/^en\b/i.test(req.headers.get('accept-language') ?? '') ? 'en' : 'zh-CN');

function problem(locale: Locale, status: number, key: MessageKey, extra: Record<string, unknown> = {}): Response {
  return Response.json(
    { error: { code: key, message: translate(locale, key) }, ...extra },
    { status, headers: { 'Cache-Control': 'no-store' } },
  );
}

/** The body as JSON, refusing more than INGEST_MAX_BODY_BYTES whatever the Content-Length claims. */
async function readJson(req: Request): Promise<{ ok: true; value: unknown } | { ok: false; status: 413 | 400 }> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > INGEST_MAX_BODY_BYTES) return { ok: false, status: 413 };
  if (!req.body) return { ok: false, status: 400 };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > INGEST_MAX_BODY_BYTES) {
      await reader.cancel();
      return { ok: false, status: 413 };
    }
    chunks.push(value);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, status: 400 };
  }
}

function fieldErrors(locale: Locale, error: z.ZodError) {
  return error.issues.map((issue) => ({
    path: issue.path.join('.'),
    // Our refinements carry message keys; zod's own messages (types, ranges) are passed on as they are.
    message: issue.message.startsWith('ingest.') ? translate(locale, issue.message as MessageKey) : issue.message,
  }));
}

async function withIntegration(
  db: Db,
  req: Request,
  endpoint: string,
  body: (integration: IntegrationRef, json: unknown, locale: Locale) => Promise<Response>,
): Promise<Response> {
  const locale = localeOf(req);
  const integration = await authenticateIntegration(db, bearerKey(req.headers.get('authorization')));
  if (!integration) {
    await logCall(db, { integrationId: null, endpoint, status: 401, outcome: 'unauthorized' });
    return problem(locale, 401, 'ingest.errors.unauthorized', {});
  }
  const json = await readJson(req);
  if (!json.ok) {
    await logCall(db, {
      integrationId: integration.id,
      endpoint,
      status: json.status,
      outcome: json.status === 413 ? 'too_large' : 'invalid',
    });
    return problem(locale, json.status, json.status === 413 ? 'ingest.errors.tooLarge' : 'ingest.errors.notJson');
  }
  try {
    return await body(integration, json.value, locale);
  } catch (error) {
    await logCall(db, { integrationId: integration.id, endpoint, status: error instanceof DomainError ? 409 : 503, outcome: 'error' });
    if (error instanceof DomainError) return problem(locale, 409, error.messageKey);
    // Unexpected (the database away): 503 so the sender retries; the order number keeps the retry safe.
    return problem(locale, 503, 'ingest.errors.retry');
  }
}

export async function handleOrderPost(db: Db, req: Request, now: Date): Promise<Response> {
  const endpoint = 'POST /orders';
  return withIntegration(db, req, endpoint, async (integration, json, locale) => {
    const parsed = ZIngestOrder.safeParse(json);
    if (!parsed.success) {
      await logCall(db, { integrationId: integration.id, endpoint, status: 400, outcome: 'invalid', received: 1 });
      return problem(locale, 400, 'ingest.errors.invalid', { errors: fieldErrors(locale, parsed.error) });
    }
    const result = await ingestOrder(db, integration, parsed.data, now);
    const externalRef = parsed.data.externalOrderNo;
    switch (result.outcome) {
      case 'invalid':
        await logCall(db, { integrationId: integration.id, endpoint, status: 400, outcome: 'invalid', received: 1, externalRef });
        return problem(locale, 400, 'ingest.errors.invalid', {
          errors: result.errors.map((e) => ({ path: e.path, message: translate(locale, e.message as MessageKey) })),
        });
      case 'conflict':
        await logCall(db, { integrationId: integration.id, endpoint, status: 409, outcome: 'conflict', received: 1, externalRef });
        return problem(locale, 409, 'ingest.errors.conflict', { differences: result.differences });
      default: {
        const flagged = result.lines.filter((l) => l.overLimitBy > 0).length;
        const status = result.outcome === 'created' ? 201 : 200;
        await logCall(db, {
          integrationId: integration.id,
          endpoint,
          status,
          outcome: result.outcome,
          received: 1,
          written: result.outcome === 'replayed' ? 0 : 1,
          flaggedLines: flagged,
          externalRef,
        });
        return Response.json(result, { status, headers: { 'Cache-Control': 'no-store' } });
      }
    }
  });
}

export async function handleProductsPost(db: Db, req: Request, now: Date): Promise<Response> {
  const endpoint = 'POST /products';
  return withIntegration(db, req, endpoint, async (integration, json, locale) => {
    const parsed = ZIngestProducts.safeParse(json);
    const received = Array.isArray((json as { products?: unknown })?.products) ? (json as { products: unknown[] }).products.length : 0;
    if (!parsed.success) {
      await logCall(db, { integrationId: integration.id, endpoint, status: 400, outcome: 'invalid', received });
      return problem(locale, 400, 'ingest.errors.invalid', { errors: fieldErrors(locale, parsed.error) });
    }
    const result = await ingestProducts(db, parsed.data, now);
    await logCall(db, {
      integrationId: integration.id,
      endpoint,
      status: 200,
      outcome: 'upserted',
      received,
      written: result.created + result.updated,
    });
    return Response.json(result, { status: 200, headers: { 'Cache-Control': 'no-store' } });
  });
}
