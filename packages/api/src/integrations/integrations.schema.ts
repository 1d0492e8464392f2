import { z } from 'zod';

// The ingestion API's payloads (zod, the one source of the OpenAPI document in integrations.openapi.ts)
// and the back office's inputs for managing integrations.

export const INGEST_MAX_BODY_BYTES = 1_048_576;
export const INGEST_MAX_LINES = 500;
export const INGEST_MAX_BATCH = 200;
export const INGEST_MAX_PRODUCTS = 1000;
export const CALL_PAGE_SIZE = 50;

/** What a logged call came to; the call log shows each in words (`ingest.outcome.*`). */
export const CALL_OUTCOMES = [
  'created',
  'replayed',
  'cancelled',
  'conflict',
  'invalid',
  'unauthorized',
  'too_large',
  'error',
  'upserted',
  'batch',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

const id = z.number().int().positive().max(2147483647);
const code = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[0-9A-Za-z-]+$/, 'ingest.validation.code');

export const ZIngestOrderLine = z
  .object({
    productCode: code.describe('Product code (卷烟规格代码), as sent by the products endpoint'),
    quantity: z.number().int().positive().max(100_000).describe('Quantity in 条 (cartons), a positive whole number'),
    unitPriceFen: z.number().int().min(0).max(100_000_000).describe('Unit price per 条 in fen (分)'),
  })
  .strict();

export const ZIngestOrder = z
  .object({
    licenceNo: z
      .string()
      .regex(/^\d{12}$/, 'ingest.validation.licence')
      .describe('The retailer’s 12-digit licence number (许可证号)'),
    externalOrderNo: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[\x21-\x7e]+$/, 'ingest.validation.orderNo')
      .describe('The ordering system’s order number: the idempotency key'),
    orderedAt: z.iso
      .datetime({ offset: true })
      .describe('When the order was placed, ISO 8601 with an offset, e.g. 2026-12-09T09:30:00+08:00'),
    status: z.enum(['CONFIRMED', 'CANCELLED']).describe('A confirmed order may later be sent again as CANCELLED'),
    channel: z.enum(['ONLINE', 'PHONE', 'VISIT']).default('ONLINE').describe('How the order was taken'),
    lines: z.array(ZIngestOrderLine).min(1).max(INGEST_MAX_LINES),
  })
  .strict()
  .superRefine((order, ctx) => {
    const seen = new Set<string>();
    order.lines.forEach((line, i) => {
      if (seen.has(line.productCode))
        ctx.addIssue({ code: 'custom', path: ['lines', i, 'productCode'], message: 'ingest.validation.duplicateProduct' });
      seen.add(line.productCode);
    });
  });
export type TIngestOrder = z.output<typeof ZIngestOrder>;

/** A batch: each order is validated on its own (one bad order is answered, not the whole batch refused). */
export const ZIngestOrderBatch = z
  .object({
    orders: z
      .array(z.unknown())
      .min(1)
      .max(INGEST_MAX_BATCH)
      .describe(`1 to ${INGEST_MAX_BATCH} orders, each as the single-order endpoint takes it, stored in the order sent`),
  })
  .strict();

export const ZIngestProduct = z
  .object({
    code: code.describe('Product code (卷烟规格代码), unique'),
    brand: z.string().trim().min(1).max(40),
    name: z.string().trim().min(1).max(80),
    productClass: z.number().int().min(1).max(5).describe('一类 … 五类'),
    wholesalePriceFen: z.number().int().min(0).max(100_000_000).describe('Wholesale price per 条 in fen'),
    retailPriceFen: z.number().int().min(0).max(100_000_000).describe('Suggested retail price per 条 in fen'),
    scarce: z.boolean().default(false).describe('紧俏'),
    active: z.boolean().default(true),
  })
  .strict();

export const ZIngestProducts = z
  .object({ products: z.array(ZIngestProduct).min(1).max(INGEST_MAX_PRODUCTS) })
  .strict()
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.products.forEach((p, i) => {
      if (seen.has(p.code)) ctx.addIssue({ code: 'custom', path: ['products', i, 'code'], message: 'ingest.validation.duplicateCode' });
      seen.add(p.code);
    });
  });
export type TIngestProducts = z.output<typeof ZIngestProducts>;

export const ZCreateIntegrationInput = z.object({ name: z.string().trim().min(1, 'ingest.validation.name').max(60) });
export const ZIntegrationIdInput = z.object({ integrationId: id });
export const ZListCallsInput = z.object({ integrationId: id, page: z.number().int().min(1).max(10_000).default(1) });
