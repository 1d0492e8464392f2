import { ingestOpenApiDocument } from '@tobacco/api/integrations/integrations.openapi';

/** The ingestion API's OpenAPI document, generated from its zod schemas: public, it holds no data. */
export function GET(req: Request): Response {
  return Response.json(ingestOpenApiDocument(new URL('/api/ingest/v1', req.url).toString()));
}
