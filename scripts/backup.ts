/**
 * npm run backup                       backs the application database up into BACKUP_DIR (default .data/backups)
 * npm run backup -- --out <file>       … into that file
 * npm run restore -- <file>            restores into the application database, which must be empty or absent
 * npm run restore -- <file> --into <name>      … into a new database of that name on the same server
 * npm run restore -- <file> --replace  drops the application database first (stop the apps and workers)
 * The server is DATABASE_URL's, or the embedded one (started for the command when it is not running).
 */
import path from 'node:path';
import { opsEnv } from '../packages/api/src/env';
import { takeBackup } from '../packages/api/src/ops/backup.service';
import { backupDatabase, restoreDatabase } from '../packages/db/src/backup';
import { createDatabase, databaseUrlFor, dropDatabase, ensureDatabase } from '../packages/db/src/embedded';

const [command, ...args] = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const server = await ensureDatabase();
const began = Date.now();
const seconds = () => ((Date.now() - began) / 1000).toFixed(1);
const total = (tables: Record<string, number>) =>
  Object.values(tables)
    .reduce((a, b) => a + b, 0)
    .toLocaleString('en');
try {
  if (command === 'backup') {
    const out = option('--out');
    const { file, manifest } = out
      ? { file: path.resolve(out), manifest: await backupDatabase(server.url, path.resolve(out)) }
      : await takeBackup(server.url, opsEnv().backupDir, new Date());
    console.log(`Backed up ${total(manifest.tables)} rows of ${Object.keys(manifest.tables).length} tables to ${file} in ${seconds()} s`);
  } else if (command === 'restore') {
    const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--into');
    if (!file) throw new Error('Usage: npm run restore -- <file> [--into <database>] [--replace]');
    const name = option('--into') ?? new URL(server.url).pathname.slice(1);
    if (args.includes('--replace')) await dropDatabase(server.adminUrl, name);
    await createDatabase(server.adminUrl, name);
    const manifest = await restoreDatabase(databaseUrlFor(server.adminUrl, name), path.resolve(file));
    console.log(`Restored ${total(manifest.tables)} rows (backup of ${manifest.createdAt}) into database "${name}" in ${seconds()} s`);
  } else {
    throw new Error('Use: backup or restore');
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await server.stop();
}
