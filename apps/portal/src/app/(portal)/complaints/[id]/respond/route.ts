import type { NextRequest } from 'next/server';
import { runAction } from '@/lib/run-action';
import { failure, filesOf, json, readForm, text, tooLarge } from '../../_lib/upload';

export const dynamic = 'force-dynamic';

/** The retailer's answer to a request for information, with optional attachments. */
export async function POST(req: NextRequest, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  if (tooLarge(req)) return failure('complaints.error.uploadTooLarge', 413);
  const form = await readForm(req);
  if (!form) return failure('errors.VALIDATION', 400);
  const attachments = await filesOf(form);
  const id = Number((await params).id);
  const result = await runAction((api) =>
    api.complaints.respond({ id, version: Number(text(form, 'version')), body: text(form, 'body'), attachments }),
  );
  return json(result);
}
