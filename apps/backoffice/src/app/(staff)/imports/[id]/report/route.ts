import { createBackofficeRoutesCaller } from '@tobacco/api/routes';
import { serveRoute } from '@tobacco/server/route-handler';
import { auth } from '@/auth';

export const dynamic = 'force-dynamic';

/** GET /imports/:id/report: an import's report (line, column, problem, value) as CSV, in the reader's language. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return serveRoute({
    getSessionUser: auth.getSessionUser,
    caller: createBackofficeRoutesCaller,
    // The procedure validates the id like any other input (anything but a plain number is a 400).
    call: (routes, locale) =>
      routes.importReport({ id: /^\d{1,20}$/.test(id) ? Number(id) : id, locale } as { id: number; locale: typeof locale }),
    respond: ({ filename, body }) =>
      new Response(body, {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${filename}"`,
          'Cache-Control': 'no-store',
        },
      }),
  });
}
