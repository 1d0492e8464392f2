import type { NextRequest } from 'next/server';
import { createPortalRoutesCaller } from '@tobacco/api/routes';
import { serveRoute } from '@tobacco/server/route-handler';
import { auth } from '@/auth';

export const dynamic = 'force-dynamic';

/** GET /report/export?month=YYYY-MM: the signed-in shop's own monthly report as an Excel file. */
export async function GET(req: NextRequest): Promise<Response> {
  const month = req.nextUrl.searchParams.get('month') ?? undefined;
  return serveRoute({
    getSessionUser: auth.getSessionUser,
    caller: createPortalRoutesCaller,
    // The procedure validates the month like any other input (a malformed one is a 400).
    call: (routes, locale) => routes.reportExport({ month, locale }),
    respond: ({ filename, body }) =>
      new Response(body, {
        headers: {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': `attachment; filename="${filename}"`,
          'Cache-Control': 'no-store',
        },
      }),
  });
}
