import type { NextRequest } from 'next/server';
import { runAction } from '@/lib/run-action';
import { failure, filesOf, json, optionalNumber, readForm, text, tooLarge } from '../../_lib/upload';

export const dynamic = 'force-dynamic';

/** Files a case from the portal's form (multipart, with up to five attachments). */
export async function POST(req: NextRequest): Promise<Response> {
  if (tooLarge(req)) return failure('complaints.error.uploadTooLarge', 413);
  const form = await readForm(req);
  if (!form) return failure('errors.VALIDATION', 400);
  const attachments = await filesOf(form);
  const result = await runAction((api) =>
    api.complaints.file({
      kind: text(form, 'kind') as 'COMPLAINT',
      categoryId: Number(text(form, 'categoryId')),
      subject: text(form, 'subject'),
      description: text(form, 'description'),
      relatedOrderId: optionalNumber(form, 'relatedOrderId'),
      idempotencyKey: text(form, 'idempotencyKey'),
      attachments,
    }),
  );
  return json(result);
}
