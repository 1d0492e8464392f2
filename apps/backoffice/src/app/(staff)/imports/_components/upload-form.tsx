'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';
import { MAX_IMPORT_BYTES } from '@tobacco/api/imports/imports.schema';
import { formatNumber } from '@tobacco/i18n/format';
import type { MessageKey, MessageParams } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { SelectField } from '@tobacco/ui/field';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { FormMessage } from '../../admin/_components/feedback';
import { columnsText, kindLabel, megabytes, type ImportColumn, type ImportKindName } from './labels';

type Reply = { ok: true; data: { id: number } } | { ok: false; error: { key: MessageKey; params?: MessageParams; message?: string } };
type Sent = { status: number; reply: Reply | null } | 'aborted';

const ACCEPT = '.csv,.xlsx,text/csv';

/**
 * Sends the file as the request's body (the upload route streams it into the database), reporting how much
 * has gone. XMLHttpRequest rather than fetch: only it tells how far an upload has got.
 */
function sendFile(url: string, file: File, onProgress: (percent: number) => void, started: (xhr: XMLHttpRequest) => void): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(100, Math.floor((event.loaded * 100) / event.total)));
    };
    xhr.onload = () => {
      let reply: Reply | null;
      try {
        reply = JSON.parse(xhr.responseText) as Reply;
      } catch {
        reply = null;
      }
      resolve({ status: xhr.status, reply });
    };
    xhr.onabort = () => resolve('aborted');
    xhr.onerror = () => reject(new TypeError('network'));
    started(xhr);
    xhr.send(file);
  });
}

/** A CSV with just the header row, so that a file can be started with the right column names. */
function templateHref(columns: readonly ImportColumn[]): string {
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${columns.map((c) => cell(c.name)).join(',')}\r\n`)}`;
}

/**
 * The upload of a file to import: the kind (or one fixed kind, for a page that imports its own, such as a
 * draft policy's limits), the columns it expects, the file with its size checked here first, the upload's
 * progress, then the import's page, where the check runs and the report appears.
 */
export function ImportUpload({
  kinds,
  columns,
  initialKind,
  fixed = false,
  options,
  note,
}: {
  kinds: readonly ImportKindName[];
  columns: Partial<Record<ImportKindName, ImportColumn[]>>;
  initialKind?: ImportKindName;
  /** One kind, named in the legend instead of chosen. */
  fixed?: boolean;
  /** What the kind needs besides the file (ALLOCATION: the draft's policyId). */
  options?: Record<string, number | string>;
  /** A line about what this import does, under the legend. */
  note?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<ImportKindName>(initialKind && kinds.includes(initialKind) ? initialKind : kinds[0]!);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const request = useRef<XMLHttpRequest | null>(null);
  const uploading = percent !== null;
  const max = formatNumber(MAX_IMPORT_BYTES / 1024 / 1024, locale);
  const kindColumns = columns[kind] ?? [];

  const checkFile = (chosen: File | null): string | undefined => {
    if (!chosen) return t('imports.upload.noFile');
    if (chosen.size > MAX_IMPORT_BYTES) return t('imports.upload.tooLarge', { size: megabytes(chosen.size, locale), max });
    return undefined;
  };

  const reasonOf = (sent: { status: number; reply: Reply | null }): string => {
    const reply = sent.reply;
    if (reply && !reply.ok) return reply.error.message ?? t(reply.error.key, reply.error.params);
    // Something in front of the app (a proxy's own limit) answered without the route's JSON.
    if (sent.status === 413) return t('imports.reject.tooLarge', { max });
    if (sent.status === 401) return t('errors.UNAUTHORIZED');
    return t('errors.unexpectedNoId');
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const problem = checkFile(file);
    setFileError(problem);
    if (problem || !file) {
      document.getElementById(`${id}-file`)?.focus();
      return;
    }
    const query = new URLSearchParams({ kind, fileName: file.name });
    for (const [key, value] of Object.entries(options ?? {})) query.set(key, String(value));
    setPercent(0);
    try {
      const sent = await sendFile(`/imports/upload?${query.toString()}`, file, setPercent, (xhr) => (request.current = xhr));
      if (sent === 'aborted') {
        setPercent(null);
        return;
      }
      if (sent.reply?.ok) {
        router.push(`/imports/${sent.reply.data.id}`);
        return;
      }
      setFailure(t('imports.upload.failed', { reason: reasonOf(sent) }));
    } catch {
      setFailure(t('imports.upload.failed', { reason: t('errors.network') }));
    } finally {
      request.current = null;
    }
    setPercent(null);
  };

  const describedBy = [`${id}-hint`, `${id}-columns`, fileError ? `${id}-file-error` : null].filter(Boolean).join(' ');
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="flex flex-col gap-4 rounded-xl border border-line bg-surface p-4"
      data-testid="import-upload"
    >
      <fieldset disabled={uploading} className="flex min-w-0 flex-col gap-4">
        <legend className="mb-1 text-lg font-bold">
          {fixed ? t('imports.newFor', { kind: t(kindLabel(kind)) }) : t('imports.upload.legend')}
        </legend>
        {note ? <p className="text-ink-muted">{note}</p> : null}
        {fixed ? null : (
          <SelectField
            id={`${id}-kind`}
            label={t('imports.upload.kind')}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ImportKindName);
              setFailure(null);
            }}
            options={kinds.map((k) => ({ value: k, label: t(kindLabel(k)) }))}
            className="max-w-sm"
          />
        )}
        <div className="flex flex-col gap-1">
          <p id={`${id}-columns`} data-testid="import-columns">
            {t('imports.upload.columns', { columns: columnsText(t, kindColumns) })}
          </p>
          <p>
            <a
              href={templateHref(kindColumns)}
              download={`${kind.toLowerCase()}-template.csv`}
              className="inline-flex min-h-11 items-center text-brand-700 underline"
            >
              {t('imports.upload.template')}
            </a>
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-file`} className="font-semibold text-ink">
            {t('imports.upload.file')}
          </label>
          <p id={`${id}-hint`} className="text-sm text-ink-subtle">
            {t('imports.upload.hint', { max })}
          </p>
          <input
            id={`${id}-file`}
            type="file"
            accept={ACCEPT}
            aria-describedby={describedBy}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              setFailure(null);
              // Too large is said at once; a missing file only when the person tries to upload.
              setFileError(chosen ? checkFile(chosen) : undefined);
            }}
            className="block min-h-12 w-full max-w-xl rounded-lg border border-control bg-surface px-3 py-2 text-base text-ink aria-invalid:border-2 aria-invalid:border-danger-700"
            data-testid="import-file"
          />
          {fileError ? (
            <p id={`${id}-file-error`} className="text-sm font-medium text-danger-700">
              {fileError}
            </p>
          ) : null}
        </div>
        <div>
          <Button type="submit" aria-busy={uploading || undefined}>
            {uploading ? t('imports.upload.uploading') : t('imports.upload.submit')}
          </Button>
        </div>
      </fieldset>
      {uploading ? (
        <div className="flex flex-wrap items-center gap-3">
          <progress max={100} value={percent} aria-label={t('imports.upload.progress')} className="h-3 w-full max-w-md accent-brand-700" />
          <span className="tabular-nums">{t('imports.upload.percent', { percent: formatNumber(percent, locale) })}</span>
          <Button variant="ghost" onClick={() => request.current?.abort()}>
            {t('imports.upload.cancel')}
          </Button>
        </div>
      ) : null}
      <FormMessage error={failure} />
    </form>
  );
}
