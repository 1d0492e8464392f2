import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../errors';
import { ATTACHMENT_MIME_TYPES, MAX_ATTACHMENTS } from './complaints.constants';
import type { TUpload } from './complaints.schema';

// Attachments are checked by what the bytes are, never by the name or the type the browser claims: a
// renamed .exe is refused, a photo called "invoice.pdf" is stored as the image it is.

export type CheckedUpload = { fileName: string; mimeType: string; ext: string; bytes: Uint8Array; sizeBytes: number };

const ALLOWED = new Set<string>(ATTACHMENT_MIME_TYPES);

/** A file name safe to show and to put in a Content-Disposition header: no folders, no control characters. */
export function cleanFileName(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .slice(0, 120);
  if (!base) return `attachment.${ext}`;
  return base.toLowerCase().endsWith(`.${ext}`) ? base : `${base.replace(/\.[^.]*$/, '')}.${ext}`;
}

export async function checkUploads(files: readonly TUpload[], maxMegabytes: number): Promise<CheckedUpload[]> {
  if (files.length > MAX_ATTACHMENTS) throw new DomainError('VALIDATION', 'complaints.error.tooManyFiles', { max: MAX_ATTACHMENTS });
  const maxBytes = maxMegabytes * 1024 * 1024;
  const out: CheckedUpload[] = [];
  for (const file of files) {
    if (file.bytes.byteLength === 0) throw new DomainError('VALIDATION', 'complaints.error.emptyFile', { name: file.fileName });
    if (file.bytes.byteLength > maxBytes)
      throw new DomainError('VALIDATION', 'complaints.error.fileTooLarge', { name: file.fileName, max: maxMegabytes });
    const type = await fileTypeFromBuffer(file.bytes);
    if (!type || !ALLOWED.has(type.mime)) throw new DomainError('VALIDATION', 'complaints.error.fileType', { name: file.fileName });
    out.push({
      fileName: cleanFileName(file.fileName, type.ext),
      mimeType: type.mime,
      ext: type.ext,
      bytes: file.bytes,
      sizeBytes: file.bytes.byteLength,
    });
  }
  return out;
}
