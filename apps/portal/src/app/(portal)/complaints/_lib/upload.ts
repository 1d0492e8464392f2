import { MAX_ATTACHMENTS } from '@tobacco/api/complaints/complaints.constants';
import type { TUpload } from '@tobacco/api/complaints/complaints.schema';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import type { ActionResult } from '@/lib/action-result';

// The portal's upload routes: a form with files arrives as multipart, its files become bytes, and the same
// procedure the rest of the portal uses is called in-process (it checks every file's type by content and
// its size; the numbers here only turn away what could never pass before it is read into memory).
const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_BODY_BYTES = MAX_ATTACHMENTS * MAX_FILE_BYTES + 1024 * 1024;

export function tooLarge(req: Request): boolean {
  return Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES;
}

export async function readForm(req: Request): Promise<FormData | null> {
  try {
    return await req.formData();
  } catch {
    return null;
  }
}

export async function filesOf(form: FormData): Promise<TUpload[]> {
  const files = form
    .getAll('files')
    .filter((value): value is File => typeof value === 'object' && value !== null && 'arrayBuffer' in value && value.size > 0);
  return Promise.all(files.map(async (file) => ({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

export const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

export const optionalNumber = (form: FormData, name: string): number | null => {
  const value = text(form, name);
  return value === '' ? null : Number(value);
};

export function json<T>(result: ActionResult<T>, status = result.ok ? 200 : 400): Response {
  return Response.json(result, { status, headers: { 'Cache-Control': 'no-store' } });
}

export function failure(key: 'errors.VALIDATION' | 'complaints.error.uploadTooLarge', status: number): Response {
  return json({ ok: false, error: errorMessageOf({ data: { messageKey: key } }) }, status);
}
