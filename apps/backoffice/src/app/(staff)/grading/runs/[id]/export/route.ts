import type { NextRequest } from 'next/server';
import { createContext } from '@tobacco/api/context';
import { DomainError } from '@tobacco/api/errors';
import { exportRun } from '@tobacco/api/grading/grading.export';
import { getDb } from '@tobacco/db/client';
import { auth } from '@/auth';

export const dynamic = 'force-dynamic';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** GET /grading/runs/:id/export?format=csv|xlsx: the run's rows in the caller's scope, streamed. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const ctx = await createContext({ db: getDb(), sessionUser: await auth.getSessionUser() });
  if (!ctx.actor) return new Response(null, { status: 401 });
  const runId = Number((await params).id);
  if (!Number.isInteger(runId) || runId <= 0 || runId > 2147483647) return new Response(null, { status: 404 });
  const format = req.nextUrl.searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  try {
    const { filename, body } = await exportRun(ctx, runId, format);
    return new Response(body, {
      headers: {
        'Content-Type': TYPES[format],
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return new Response(null, { status: error.code === 'NOT_FOUND' ? 404 : 403 });
    throw error;
  }
}
