import type { IMPORT_KIND_NAMES } from '@tobacco/api/imports/imports.schema';
import { formatNumber } from '@tobacco/i18n/format';
import type { Locale } from '@tobacco/i18n/locale';
import type { MessageKey } from '@tobacco/i18n/messages';
import { joinList, type Translate } from '@tobacco/i18n/translator';

// What the import screens (and the pages that start an import of their own kind) show of an import:
// names of kinds and states, sizes, progress. No I/O: the server pages and the client islands share it.

/** The messages the import screens' client islands translate. */
export const IMPORT_CLIENT_MESSAGES = ['imports.'];

export type ImportKindName = (typeof IMPORT_KIND_NAMES)[number];

/** A column a kind expects, by the name people see (the first of the names it accepts). */
export type ImportColumn = { name: string; required: boolean };

/** While an import is in one of these states a job is working on it: its page follows it. */
const LIVE = ['UPLOADED', 'CHECKING', 'APPLYING'];
export const isLive = (status: string): boolean => LIVE.includes(status);

export const kindLabel = (kind: string) => `imports.kind.${kind}` as MessageKey;
export const statusLabel = (status: string) => `imports.status.${status}` as MessageKey;

export const STATUS_TONE: Record<string, 'ok' | 'warn' | 'bad' | 'muted'> = {
  UPLOADED: 'muted',
  CHECKING: 'muted',
  CHECKED: 'warn',
  APPLYING: 'warn',
  APPLIED: 'ok',
  REJECTED: 'bad',
  DISCARDED: 'muted',
};

const MB = 1024 * 1024;

/** 350 KB, 12.5 MB */
export function formatFileSize(bytes: number, locale: Locale): string {
  if (bytes < MB) return `${formatNumber(Math.ceil(bytes / 1024), locale)} KB`;
  return `${formatNumber(Math.round((bytes / MB) * 10) / 10, locale)} MB`;
}

/** Megabytes with one decimal, for the size messages. */
export const megabytes = (bytes: number, locale: Locale): string => formatNumber(Math.round((bytes / MB) * 10) / 10, locale);

/** How much of the file the check has read, 0–100. */
export function checkedPercent(bytesRead: number, byteSize: number): number {
  return byteSize > 0 ? Math.min(100, Math.floor((bytesRead * 100) / byteSize)) : 0;
}

/** The detected format as the person knows it: Excel, or CSV with its encoding. */
export function encodingLabel(encoding: string): string {
  return encoding === 'xlsx' ? 'Excel .xlsx' : `CSV · ${encoding.toUpperCase()}`;
}

/** "许可证号*、订单号*、备注": the expected columns, the required ones marked. */
export function columnsText(t: Translate, columns: readonly ImportColumn[]): string {
  return joinList(
    t,
    columns.map((c) => (c.required ? `${c.name}*` : c.name)),
  );
}

/** The counts an applied import reports (its kind's summary), in the order they are shown. */
export const SUMMARY_LABELS: readonly (readonly [string, MessageKey])[] = [
  ['orders', 'imports.summary.orders'],
  ['lines', 'imports.summary.lines'],
  ['overLimitLines', 'imports.summary.overLimitLines'],
  ['created', 'imports.summary.created'],
  ['updated', 'imports.summary.updated'],
  ['recorded', 'imports.summary.recorded'],
  ['capped', 'imports.summary.capped'],
  ['rows', 'imports.summary.rows'],
  ['changed', 'imports.summary.changed'],
];
