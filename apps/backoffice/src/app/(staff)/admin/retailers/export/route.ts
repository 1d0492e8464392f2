import type { NextRequest } from 'next/server';
import { createBackofficeRoutesCaller } from '@tobacco/api/routes';
import { searchParamsInput, serveRoute } from '@tobacco/server/route-handler';
import { auth } from '@/auth';

export const dynamic = 'force-dynamic';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** GET /admin/retailers/export?format=csv|xlsx&<the list's filters>: the filtered list, streamed. */
export async function GET(req: NextRequest): Promise<Response> {
  const { unassigned, ...raw } = searchParamsInput(req.nextUrl.searchParams, ['districtId', 'accountManagerId', 'grade']);
  const format = raw.format === 'xlsx' ? 'xlsx' : 'csv';
  return serveRoute({
    getSessionUser: auth.getSessionUser,
    caller: createBackofficeRoutesCaller,
    call: (routes) =>
      routes.retailerExport({ ...raw, format, ...(unassigned === '1' ? { unassigned: true } : {}) } as Parameters<
        typeof routes.retailerExport
      >[0]),
    respond: (body, ctx) =>
      new Response(body, {
        headers: {
          'Content-Type': TYPES[format],
          'Content-Disposition': `attachment; filename="retailers-${ctx.clock().toISOString().slice(0, 10)}.${format}"`,
          'Cache-Control': 'no-store',
        },
      }),
  });
}
