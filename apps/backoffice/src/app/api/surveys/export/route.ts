import type { NextRequest } from 'next/server';
import { hasPermission } from '@tobacco/auth/permissions';
import { DomainError } from '@tobacco/api/errors';
import { csvStream, exportRows, xlsxStream } from '@tobacco/api/surveys/surveys.export';
import { ZExportInput } from '@tobacco/api/surveys/surveys.schema';
import { replicaOf } from '@tobacco/db/replica';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { auth } from '@/auth';
import { getLogger } from '@tobacco/api/ops/logger';

export const dynamic = 'force-dynamic';

const STATUS: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, VALIDATION: 400, INVALID_STATE: 409, CONFLICT: 409, LIMIT_EXCEEDED: 422 };
const NUMERIC = ['surveyId', 'districtId', 'gradeBand', 'accountManagerId'];

/**
 * Streams an export of the survey analytics screen: ?surveyId=…&table=answers|dimensions|district|…&format=csv|xlsx
 * plus the screen's filters. The same session, permissions and anonymity rules as the screen; the file is
 * written as it is read, a batch of responses at a time.
 */
export async function GET(req: NextRequest): Promise<Response> {
  const { t, locale } = await getI18n();
  const fail = (status: number, key: Parameters<typeof t>[0]) => Response.json({ error: t(key) }, { status });

  const ctx = await auth.createRequestContext();
  if (!ctx.actor) return fail(401, 'errors.UNAUTHORIZED');
  if (ctx.actor.kind !== 'staff' || !hasPermission(ctx.actor.roles, 'analytics.read')) return fail(403, 'errors.FORBIDDEN');

  const raw: Record<string, unknown> = {};
  for (const [key, value] of req.nextUrl.searchParams) {
    if (value === '') continue;
    raw[key] = NUMERIC.includes(key) ? Number(value) : value;
  }
  const input = ZExportInput.safeParse(raw);
  if (!input.success) return fail(400, 'errors.VALIDATION');

  try {
    // Exports read from the replica when there is one, like the analytics screen they come from.
    const out = await exportRows({ db: replicaOf(ctx.db), actor: ctx.actor, clock: ctx.clock }, input.data, locale);
    const xlsx = input.data.format === 'xlsx';
    const filename = `${out.filename}.${input.data.format}`;
    return new Response(xlsx ? xlsxStream(out.rows, out.sheet) : csvStream(out.rows), {
      headers: {
        'Content-Type': xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
        // Rows to come (besides the header), so the page can show how far a large export has got.
        'X-Export-Rows': String(out.total),
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return fail(STATUS[error.code] ?? 400, error.messageKey);
    getLogger().error({ err: error, requestId: ctx.requestId }, 'survey export failed');
    return Response.json({ error: t('errors.unexpected', { requestId: ctx.requestId }) }, { status: 500 });
  }
}
