import type { Db } from '@tobacco/db/client';
import { dbEnv } from '@tobacco/db/env';
import { getSettings } from '../admin/settings.service';
import { opsEnv } from '../env';
import { listBackups, pruneBackups, takeBackup } from './backup.service';
import { getLogger } from './logger';

export const BACKUP_QUEUE = 'ops.backup';

/**
 * The scheduled backup: checked hourly, taken when the newest backup is older than the set interval
 * (`backup.everyHours`, 0 = off), then backups older than `backup.keepDays` are deleted. The worker's
 * own database URL is backed up, into BACKUP_DIR.
 */
export async function runScheduledBackup(db: Db, now: Date, options: { url?: string; dir?: string } = {}): Promise<string | null> {
  const dir = options.dir ?? opsEnv().backupDir;
  const settings = await getSettings(db, ['backup.everyHours', 'backup.keepDays']);
  const everyHours = settings['backup.everyHours'];
  if (everyHours === 0) return null;
  const url = options.url ?? dbEnv.databaseUrl;
  if (!url) throw new Error('DATABASE_URL is not set: the worker backs up the database it serves.');
  const newest = listBackups(dir)[0];
  // A few minutes' slack, so an hourly check does not drift a day's backup to the next hour each time.
  if (newest && now.getTime() - newest.takenAt.getTime() < everyHours * 3_600_000 - 10 * 60_000) return null;
  const began = Date.now();
  const { file, manifest } = await takeBackup(url, dir, now);
  const deleted = pruneBackups(dir, settings['backup.keepDays'], now);
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  getLogger().info({ file, rows, seconds: (Date.now() - began) / 1000, deleted: deleted.length }, 'backup taken');
  return file;
}
