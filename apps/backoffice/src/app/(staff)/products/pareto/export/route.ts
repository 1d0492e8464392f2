import type { NextRequest } from 'next/server';
import { createBackofficeRoutesCaller } from '@tobacco/api/routes';
import { serveRoute } from '@tobacco/server/route-handler';
import { auth } from '@/auth';

export const dynamic = 'force-dynamic';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** GET /products/pareto/export?period=&districtId=&gradeBand=&measure=&format=csv|xlsx: the 80/20 list. */
export async function GET(req: NextRequest): Promise<Response> {
  const q = req.nextUrl.searchParams;
  const format = q.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  const number = (key: string) => (q.get(key) && /^\d{1,20}$/.test(q.get(key)!) ? Number(q.get(key)) : (q.get(key) ?? undefined));
  return serveRoute({
    getSessionUser: auth.getSessionUser,
    caller: createBackofficeRoutesCaller,
    // The procedure validates every field like any other input (a bad period or id is a 400).
    call: (routes, locale) =>
      routes.productsParetoExport({
        period: q.get('period') ?? undefined,
        districtId: number('districtId'),
        gradeBand: number('gradeBand'),
        measure: q.get('measure') ?? undefined,
        format,
        locale,
      } as Parameters<typeof routes.productsParetoExport>[0]),
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
