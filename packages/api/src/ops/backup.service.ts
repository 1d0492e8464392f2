import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, type BackupManifest } from '@tobacco/db/backup';

// Where backups go and which are kept: files named by their UTC time, so the names sort by age.

const NAME = /^backup-(\d{8}T\d{6}Z)\.sql\.gz$/;

export function backupFileName(now: Date): string {
  return `backup-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}.sql.gz`;
}

function timeOf(name: string): Date | null {
  const m = NAME.exec(name)?.[1];
  return m ? new Date(`${m.slice(0, 4)}-${m.slice(4, 6)}-${m.slice(6, 8)}T${m.slice(9, 11)}:${m.slice(11, 13)}:${m.slice(13, 15)}Z`) : null;
}

export type BackupFile = { file: string; takenAt: Date };

/** The backups in `dir`, newest first (files of other names are left alone). */
export function listBackups(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => ({ file: path.join(dir, name), takenAt: timeOf(name) }))
    .filter((b): b is BackupFile => b.takenAt !== null)
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/** Deletes backups older than `keepDays`, but never the newest one. Returns the files deleted. */
export function pruneBackups(dir: string, keepDays: number, now: Date): string[] {
  const cutoff = now.getTime() - keepDays * 86_400_000;
  const [, ...older] = listBackups(dir);
  const doomed = older.filter((b) => b.takenAt.getTime() < cutoff).map((b) => b.file);
  for (const file of doomed) fs.rmSync(file);
  return doomed;
}

export async function takeBackup(url: string, dir: string, now: Date): Promise<{ file: string; manifest: BackupManifest }> {
  const file = path.join(dir, backupFileName(now));
  return { file, manifest: await backupDatabase(url, file) };
}
