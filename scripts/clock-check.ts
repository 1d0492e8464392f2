// Prints the time each part of the stack sees: this Node process, the (embedded) PostgreSQL server and
// Chromium. scripts/clock-sweep.sh runs it under libfaketime to show the whole stack sees the faked time.
import pg from 'pg';
import { chromium } from '@playwright/test';
import { ensureDatabase } from '../packages/db/src/embedded';

const node = new Date().toISOString();
const server = await ensureDatabase('postgres');
let database: string;
try {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  database = (await client.query<{ now: Date }>('SELECT now() AS now')).rows[0]!.now.toISOString();
  await client.end();
} finally {
  await server.stop();
}
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage();
const browserTime = await page.evaluate(() => new Date().toISOString());
await browser.close();
process.stdout.write(`node=${node} postgres=${database} chromium=${browserTime}\n`);
