import type { NextRequest } from 'next/server';
import { createBackofficeRoutesCaller } from '@tobacco/api/routes';
import { serveRoute } from '@tobacco/server/route-handler';
import { auth } from '@/auth';

export const dynamic = 'force-dynamic';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** GET /rankings/export?month=&metric=&districtId=&gradeBand=&q=&format=csv|xlsx: the ranking in the caller's scope. */
export async function GET(req: NextRequest): Promise<Response> {
  const q = req.nextUrl.searchParams;
  const format = q.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  const number = (key: string) => (q.get(key) && /^\d{1,20}$/.test(q.get(key)!) ? Number(q.get(key)) : (q.get(key) ?? undefined));
  return serveRoute({
    getSessionUser: auth.getSessionUser,
    caller: createBackofficeRoutesCaller,
    // The procedure validates every field like any other input (a bad month or id is a 400).
    call: (routes, locale) =>
      routes.rankingsExport({
        month: q.get('month') ?? undefined,
        metric: q.get('metric') ?? undefined,
        districtId: number('districtId'),
        gradeBand: number('gradeBand'),
        q: q.get('q') ?? undefined,
        format,
        locale,
      } as Parameters<typeof routes.rankingsExport>[0]),
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
