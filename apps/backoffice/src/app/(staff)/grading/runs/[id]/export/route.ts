import type { NextRequest } from 'next/server';
import { createBackofficeRoutesCaller } from '@tobacco/api/routes';
import { serveRoute } from '@tobacco/server/route-handler';
import { auth } from '@/auth';

export const dynamic = 'force-dynamic';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** GET /grading/runs/:id/export?format=csv|xlsx: the run's rows in the caller's scope and language, streamed. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const format = req.nextUrl.searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  return serveRoute({
    getSessionUser: auth.getSessionUser,
    caller: createBackofficeRoutesCaller,
    call: (routes, locale) =>
      routes.gradingRunExport({ id: /^\d{1,20}$/.test(id) ? Number(id) : id, format, locale } as {
        id: number;
        format: typeof format;
        locale: typeof locale;
      }),
    respond: ({ filename, body }) =>
      new Response(body, {
        headers: {
          'Content-Type': TYPES[format],
          'Content-Disposition': `attachment; filename="${filename}"`,
          'Cache-Control': 'no-store',
        },
      }),
  });
}
