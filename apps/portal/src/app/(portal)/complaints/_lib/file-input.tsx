'use client';

import { useId, useState } from 'react';
import { ATTACHMENT_MIME_TYPES, MAX_ATTACHMENTS } from '@tobacco/api/complaints/complaints.constants';
import type { MessageParams } from '@tobacco/i18n/messages';
import { useT } from '@tobacco/ui/i18n';

const MAX_MB = 10;
const ACCEPT = ATTACHMENT_MIME_TYPES.join(',');

/**
 * Up to five photos or PDFs. Checked here for a quick answer (count, size, declared type); the server checks
 * again by what the bytes are, which is the check that counts.
 */
export function FileInput({ files, onChange, disabled }: { files: File[]; onChange: (files: File[]) => void; disabled?: boolean }) {
  const t = useT();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const add = (list: FileList | null) => {
    setError(null);
    const picked = [...(list ?? [])];
    const next = [...files, ...picked];
    if (next.length > MAX_ATTACHMENTS) return setError(t('complaints.error.tooManyFiles', { max: MAX_ATTACHMENTS }));
    const big = picked.find((f) => f.size > MAX_MB * 1024 * 1024);
    if (big) return setError(t('complaints.error.fileTooLarge', { name: big.name, max: MAX_MB }));
    const wrong = picked.find((f) => f.type && !(ATTACHMENT_MIME_TYPES as readonly string[]).includes(f.type));
    if (wrong) return setError(t('complaints.error.fileType', { name: wrong.name }));
    onChange(next);
  };
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="font-semibold text-ink">
        {t('complaints.form.attachments')}
      </label>
      <p id={`${id}-hint`} className="text-sm text-ink-subtle">
        {t('complaints.form.attachmentsHint', { max: MAX_ATTACHMENTS, mb: MAX_MB })}
      </p>
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPT}
        disabled={disabled || files.length >= MAX_ATTACHMENTS}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
        className="block w-full min-h-12 rounded-lg border border-control bg-surface px-3 py-2 text-base file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:font-semibold file:text-brand-800"
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
      {files.length > 0 ? (
        <ul className="flex flex-col gap-1" aria-label={t('complaints.form.chosenFiles')}>
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="flex items-center justify-between gap-2 rounded-lg bg-canvas px-3 py-2">
              <span className="truncate">
                {file.name} <span className="text-sm text-ink-muted">({Math.max(1, Math.round(file.size / 1024))} KB)</span>
              </span>
              <button
                type="button"
                className="min-h-11 shrink-0 rounded-lg px-3 font-semibold text-danger-700 hover:bg-danger-50"
                disabled={disabled}
                onClick={() => onChange(files.filter((_, i) => i !== index))}
              >
                <span aria-hidden="true">{t('complaints.form.remove')}</span>
                <span className="sr-only">{t('complaints.form.removeFile', { name: file.name })}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Posts a form with its files to one of the upload routes; the answer is an ActionResult. */
export async function postWithFiles<T>(url: string, fields: Record<string, string | number | null | undefined>, files: File[]) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== null && value !== undefined) body.set(key, String(value));
  for (const file of files) body.append('files', file);
  try {
    const res = await fetch(url, { method: 'POST', body });
    if (res.status === 413) return { ok: false as const, error: { key: 'complaints.error.uploadTooLarge' as const } };
    if (res.redirected || res.status === 401) {
      window.location.href = '/login';
      return { ok: false as const, error: { key: 'errors.UNAUTHORIZED' as const } };
    }
    return (await res.json()) as
      { ok: true; data: T } | { ok: false; error: { key: string; params?: MessageParams }; fieldErrors?: Record<string, string[]> };
  } catch {
    return { ok: false as const, error: { key: 'errors.network' as const } };
  }
}
