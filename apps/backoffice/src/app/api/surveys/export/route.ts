import type { NextRequest } from 'next/server';
import { createBackofficeRoutesCaller } from '@tobacco/api/routes';
import { csvStream, xlsxStream } from '@tobacco/api/surveys/surveys.export';
import { searchParamsInput, serveRoute } from '@tobacco/server/route-handler';
import { auth } from '@/auth';

export const dynamic = 'force-dynamic';

const NUMERIC = ['surveyId', 'districtId', 'gradeBand', 'accountManagerId'];

/**
 * Streams an export of the survey analytics screen: ?surveyId=…&table=answers|dimensions|district|…&format=csv|xlsx
 * plus the screen's filters. The same procedure checks, permissions and anonymity rules as the screen; the
 * file is written as it is read, a batch of responses at a time.
 */
export async function GET(req: NextRequest): Promise<Response> {
  const raw = searchParamsInput(req.nextUrl.searchParams, NUMERIC);
  return serveRoute({
    getSessionUser: auth.getSessionUser,
    caller: createBackofficeRoutesCaller,
    call: (routes, locale) => routes.surveyExport({ ...raw, locale } as Parameters<typeof routes.surveyExport>[0]),
    respond: (out) => {
      const xlsx = raw.format === 'xlsx';
      return new Response(xlsx ? xlsxStream(out.rows, out.sheet) : csvStream(out.rows), {
        headers: {
          'Content-Type': xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${out.filename}.${xlsx ? 'xlsx' : 'csv'}"`,
          'Cache-Control': 'no-store',
          // Rows to come (besides the header), so the page can show how far a large export has got.
          'X-Export-Rows': String(out.total),
        },
      });
    },
  });
}
