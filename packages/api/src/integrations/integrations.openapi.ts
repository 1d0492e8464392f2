import { z } from 'zod';
import { INGEST_MAX_BATCH, INGEST_MAX_BODY_BYTES, ZIngestOrder, ZIngestProducts } from './integrations.schema';

// The OpenAPI document of the ingestion API, generated from the same zod schemas the handlers validate
// with, so the document cannot drift from the code. Served by the back office at /api/ingest/v1/openapi.json.

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', target: 'openapi-3.0', unrepresentable: 'any' });

const problem = {
  type: 'object',
  properties: {
    error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] },
    errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
    differences: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, stored: { nullable: true }, received: { nullable: true } } },
    },
  },
  required: ['error'],
};

const orderResult = {
  type: 'object',
  properties: {
    outcome: { type: 'string', enum: ['created', 'replayed', 'cancelled'] },
    orderId: { type: 'integer' },
    externalOrderNo: { type: 'string' },
    cycle: {
      type: 'string',
      description:
        'The order cycle (ISO week, e.g. 2026-W50) derived from the order time, the retailer’s order day and the working-day calendar',
    },
    status: { type: 'string', enum: ['CONFIRMED', 'CANCELLED'] },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          productCode: { type: 'string' },
          quantity: { type: 'integer' },
          overLimitBy: { type: 'integer', description: '条 beyond the retailer’s remaining allowance; stored and flagged, not refused' },
        },
      },
    },
  },
};

// The batch's items are validated one by one with the Order schema (so its zod form is an array of
// unknowns); the document names the Order schema for them.
const orderBatch = {
  type: 'object',
  properties: {
    orders: { type: 'array', minItems: 1, maxItems: INGEST_MAX_BATCH, items: { $ref: '#/components/schemas/Order' } },
  },
  required: ['orders'],
  additionalProperties: false,
};

const orderBatchResult = {
  type: 'object',
  properties: {
    counts: {
      type: 'object',
      properties: Object.fromEntries(['created', 'replayed', 'cancelled', 'conflict', 'invalid'].map((k) => [k, { type: 'integer' }])),
    },
    results: {
      type: 'array',
      description: 'One item per order sent, in the order sent',
      items: {
        type: 'object',
        properties: {
          index: { type: 'integer', description: 'The order’s position in the batch, from 0' },
          externalOrderNo: { type: 'string', nullable: true },
          status: { type: 'integer', description: 'The status the single-order endpoint would have answered: 201, 200, 400 or 409' },
          body: {
            description: 'What the single-order endpoint would have answered',
            oneOf: [{ $ref: '#/components/schemas/OrderResult' }, { $ref: '#/components/schemas/Problem' }],
          },
        },
      },
    },
  },
};

const errors = (extra: Record<string, string>) =>
  Object.fromEntries(
    Object.entries({
      '400': 'Invalid JSON or field errors; nothing was changed',
      '401': 'No key, or a wrong or revoked key',
      '413': `Body larger than ${INGEST_MAX_BODY_BYTES} bytes`,
      '503': 'Temporarily unable to process; retry with the same content',
      ...extra,
    }).map(([code, description]) => [
      code,
      { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } },
    ]),
  );

export function ingestOpenApiDocument(serverUrl: string) {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Retailer service platform: ingestion API',
      version: '1.0.0',
      description:
        'Orders and products from the company’s ordering and distribution system. Authenticate with `Authorization: Bearer <key>`; an administrator creates the key under Administration → Integrations (shown once; rotate or revoke it there). Every call is logged.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Order: schema(ZIngestOrder),
        OrderBatch: orderBatch,
        Products: schema(ZIngestProducts),
        Problem: problem,
        OrderResult: orderResult,
        OrderBatchResult: orderBatchResult,
      },
    },
    paths: {
      '/orders': {
        post: {
          summary: 'Send one order (idempotent per externalOrderNo)',
          description:
            'Sending the same content again returns the first result (200, outcome replayed). The same content with status CANCELLED cancels a confirmed order (200, outcome cancelled). Different content under a known order number is refused with 409 and the differences.',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } },
          responses: {
            '201': { description: 'Stored', content: { 'application/json': { schema: { $ref: '#/components/schemas/OrderResult' } } } },
            '200': {
              description: 'A replay or a cancellation',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/OrderResult' } } },
            },
            ...errors({ '409': 'This order number holds an order with different content' }),
          },
        },
      },
      '/orders/batch': {
        post: {
          summary: `Send up to ${INGEST_MAX_BATCH} orders in one call`,
          description:
            'Each order is checked and stored on its own, in the order sent, and answered in `results` with the status and body its single call would have had; one bad order does not refuse the others. After a 503 the whole batch can be sent again: stored orders answer as replays.',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/OrderBatch' } } } },
          responses: {
            '200': {
              description: 'Every order answered',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/OrderBatchResult' } } },
            },
            ...errors({}),
          },
        },
      },
      '/products': {
        post: {
          summary: 'Create or update products by code',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Products' } } } },
          responses: {
            '200': {
              description: 'Counts',
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { created: { type: 'integer' }, updated: { type: 'integer' } } },
                },
              },
            },
            ...errors({}),
          },
        },
      },
    },
  };
}
