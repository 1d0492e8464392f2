import type { NextRequest } from 'next/server';
import { createBackofficeRoutesCaller } from '@tobacco/api/routes';
import { serveRoute } from '@tobacco/server/route-handler';
import { auth } from '@/auth';

export const dynamic = 'force-dynamic';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** GET /products/demand/export?districtId=&productId=&format=csv|xlsx: the demand list, every product of the scope. */
export async function GET(req: NextRequest): Promise<Response> {
  const q = req.nextUrl.searchParams;
  const format = q.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  const number = (key: string) => (q.get(key) && /^\d{1,20}$/.test(q.get(key)!) ? Number(q.get(key)) : (q.get(key) ?? undefined));
  return serveRoute({
    getSessionUser: auth.getSessionUser,
    caller: createBackofficeRoutesCaller,
    // The procedure validates every field like any other input (a bad id is a 400).
    call: (routes, locale) =>
      routes.productsDemandExport({
        districtId: number('districtId'),
        productId: number('productId'),
        format,
        locale,
      } as Parameters<typeof routes.productsDemandExport>[0]),
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
