import type { Db } from '@tobacco/db/client';
import { translate, type MessageKey } from '@tobacco/i18n/messages';
import type { z } from 'zod';
import { DomainError } from '../errors';
import { bearerKey } from './integrations.rules';
import { INGEST_MAX_BODY_BYTES, ZIngestOrder, ZIngestOrderBatch, ZIngestProducts, type TIngestOrder } from './integrations.schema';
import {
  authenticateIntegration,
  ingestOrder,
  ingestOrders,
  ingestProducts,
  logCall,
  type IngestOrderResult,
  type IntegrationRef,
} from './integrations.service';

// The ingestion API over plain Request and Response, so that the back office's route handlers are one line
// and the integration tests call exactly what the server runs. Every call is logged with its integration,
// counts and outcome. Bad input answers 400 with field errors, a missing or revoked key 401, a conflicting
// replay 409 with the differences, an oversize body 413; nothing a client sends produces a 500.

type Locale = 'zh-CN' | 'en';
const localeOf = (req: Request): Locale => (/^en\b/i.test(req.headers.get('accept-language') ?? '') ? 'en' : 'zh-CN');

function problemBody(locale: Locale, key: MessageKey, extra: Record<string, unknown> = {}) {
  return { error: { code: key, message: translate(locale, key) }, ...extra };
}

function problem(locale: Locale, status: number, key: MessageKey, extra: Record<string, unknown> = {}): Response {
  return Response.json(problemBody(locale, key, extra), { status, headers: { 'Cache-Control': 'no-store' } });
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

/** What one order's result answers: its HTTP status and body (the single call's response, a batch's item). */
function orderReply(locale: Locale, result: IngestOrderResult): { status: number; body: Record<string, unknown> } {
  switch (result.outcome) {
    case 'invalid':
      return {
        status: 400,
        body: problemBody(locale, 'ingest.errors.invalid', {
          errors: result.errors.map((e) => ({ path: e.path, message: translate(locale, e.message as MessageKey) })),
        }),
      };
    case 'conflict':
      return { status: 409, body: problemBody(locale, 'ingest.errors.conflict', { differences: result.differences }) };
    default:
      return { status: result.outcome === 'created' ? 201 : 200, body: result };
  }
}

const flaggedLinesOf = (result: IngestOrderResult) =>
  'lines' in result && result.outcome === 'created' ? result.lines.filter((l) => l.overLimitBy > 0).length : 0;

export async function handleOrderPost(db: Db, req: Request, now: Date): Promise<Response> {
  const endpoint = 'POST /orders';
  return withIntegration(db, req, endpoint, async (integration, json, locale) => {
    const parsed = ZIngestOrder.safeParse(json);
    if (!parsed.success) {
      await logCall(db, { integrationId: integration.id, endpoint, status: 400, outcome: 'invalid', received: 1 });
      return problem(locale, 400, 'ingest.errors.invalid', { errors: fieldErrors(locale, parsed.error) });
    }
    const result = await ingestOrder(db, integration, parsed.data, now);
    const reply = orderReply(locale, result);
    await logCall(db, {
      integrationId: integration.id,
      endpoint,
      status: reply.status,
      outcome: result.outcome,
      received: 1,
      written: result.outcome === 'created' || result.outcome === 'cancelled' ? 1 : 0,
      flaggedLines: flaggedLinesOf(result),
      externalRef: parsed.data.externalOrderNo,
    });
    return Response.json(reply.body, { status: reply.status, headers: { 'Cache-Control': 'no-store' } });
  });
}

/**
 * Up to INGEST_MAX_BATCH orders in one call, as an ordering system catching up sends them: each order is
 * checked on its own and they are stored together (ingestOrders: a later order of a shop weighs the allowance
 * the earlier ones took), each answered with the status and body its single call would have had. One bad order does not
 * refuse the others; a batch cut short by an outage (503) is safe to send again whole, since every order is
 * idempotent by its number. One call-log row counts the batch.
 */
export async function handleOrderBatchPost(db: Db, req: Request, now: Date): Promise<Response> {
  const endpoint = 'POST /orders/batch';
  return withIntegration(db, req, endpoint, async (integration, json, locale) => {
    const parsed = ZIngestOrderBatch.safeParse(json);
    if (!parsed.success) {
      await logCall(db, { integrationId: integration.id, endpoint, status: 400, outcome: 'invalid' });
      return problem(locale, 400, 'ingest.errors.invalid', { errors: fieldErrors(locale, parsed.error) });
    }
    type Item = { index: number; externalOrderNo: string | null; status: number; body: Record<string, unknown> };
    const results: Item[] = new Array(parsed.data.orders.length);
    const counts = { created: 0, replayed: 0, cancelled: 0, conflict: 0, invalid: 0 };
    const valid: { index: number; order: TIngestOrder }[] = [];
    parsed.data.orders.forEach((raw, index) => {
      const one = ZIngestOrder.safeParse(raw);
      if (one.success) {
        valid.push({ index, order: one.data });
        return;
      }
      counts.invalid += 1;
      const sentNo = (raw as { externalOrderNo?: unknown } | null)?.externalOrderNo;
      results[index] = {
        index,
        externalOrderNo: typeof sentNo === 'string' ? sentNo : null,
        status: 400,
        body: problemBody(locale, 'ingest.errors.invalid', { errors: fieldErrors(locale, one.error) }),
      };
    });
    const ingested = await ingestOrders(
      db,
      integration,
      valid.map((v) => v.order),
      now,
    );
    let flaggedLines = 0;
    ingested.forEach((result, k) => {
      const { index, order } = valid[k]!;
      counts[result.outcome] += 1;
      flaggedLines += flaggedLinesOf(result);
      results[index] = { index, externalOrderNo: order.externalOrderNo, ...orderReply(locale, result) };
    });
    await logCall(db, {
      integrationId: integration.id,
      endpoint,
      status: 200,
      outcome: 'batch',
      received: results.length,
      written: counts.created + counts.cancelled,
      flaggedLines,
    });
    return Response.json({ counts, results }, { status: 200, headers: { 'Cache-Control': 'no-store' } });
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
