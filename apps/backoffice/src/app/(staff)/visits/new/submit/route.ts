import type { NextRequest } from 'next/server';
import { MAX_VISIT_PHOTOS } from '@tobacco/api/visits/visits.schema';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getServerApi } from '@/trpc/server';

export const dynamic = 'force-dynamic';

// Photos cannot travel in JSON: the visit form posts multipart here, and the same `visits.log` procedure is
// called in-process (it checks the shop, the role and every photo's bytes). This limit only turns away what
// could never pass before it is read into memory.
const MAX_BODY_BYTES = MAX_VISIT_PHOTOS * 50 * 1024 * 1024 + 1024 * 1024;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};
const optionalNumber = (form: FormData, name: string) => (text(form, name) === '' ? undefined : Number(text(form, name)));
const reply = (body: unknown, status: number) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

export async function POST(req: NextRequest): Promise<Response> {
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES)
    return reply({ ok: false, error: { key: 'visits.error.uploadTooLarge' } }, 413);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return reply({ ok: false, error: { key: 'errors.VALIDATION' } }, 400);
  }
  const files = form.getAll('photos').filter((v): v is File => typeof v === 'object' && v !== null && 'arrayBuffer' in v && v.size > 0);
  const photos = await Promise.all(files.map(async (file) => ({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
  const { api, requestId } = await getServerApi();
  try {
    const result = await api.visits.log({
      retailerId: Number(text(form, 'retailerId')),
      visitId: optionalNumber(form, 'visitId'),
      purpose: text(form, 'purpose'),
      findings: text(form, 'findings'),
      competitorPrices: text(form, 'competitorPrices'),
      scarceStock: text(form, 'scarceStock'),
      latitude: optionalNumber(form, 'latitude'),
      longitude: optionalNumber(form, 'longitude'),
      photos,
    });
    return reply({ ok: true, data: result }, 200);
  } catch (error) {
    if (isUnauthorized(error)) return reply({ ok: false, error: { key: 'errors.UNAUTHORIZED' } }, 401);
    // A validation error of the in-process caller carries the zod issues, whose messages are message keys.
    const issue = (error as { cause?: { issues?: { message: string }[] } }).cause?.issues?.[0]?.message;
    return reply({ ok: false, error: issue?.includes('.') ? { key: issue } : errorMessageOf(error, requestId) }, 400);
  }
}
