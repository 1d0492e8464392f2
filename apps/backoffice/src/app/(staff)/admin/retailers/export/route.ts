import type { NextRequest } from 'next/server';
import { exportFilterOf, exportRetailers } from '@tobacco/api/admin/retailer-export';
import { DomainError } from '@tobacco/api/errors';
import { replicaOf } from '@tobacco/db/replica';
import { auth } from '@/auth';

export const dynamic = 'force-dynamic';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** GET /admin/retailers/export?format=csv|xlsx&<the list's filters>: the filtered list, streamed. */
export async function GET(req: NextRequest): Promise<Response> {
  const ctx = await auth.createRequestContext();
  if (!ctx.actor) return new Response(null, { status: 401 });
  const format = req.nextUrl.searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  try {
    // Exports read from the replica when there is one.
    const body = exportRetailers({ ...ctx, db: replicaOf(ctx.db) }, exportFilterOf(req.nextUrl.searchParams), format);
    const stamp = ctx.clock().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        'Content-Type': TYPES[format],
        'Content-Disposition': `attachment; filename="retailers-${stamp}.${format}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return new Response(null, { status: 403 });
    throw error;
  }
}
