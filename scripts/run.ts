/**
 * The README's commands after installation: start, dev, seed, test and generate.
 *   start  embedded PostgreSQL (unless DATABASE_URL) → migrations → demo data when empty → build → both apps
 *   dev    the same with hot reload instead of a build
 *   seed   the demo data, or `--scale province` for benchmarks
 *   test   lint, typecheck, unit, integration, build and end-to-end tests, with a summary
 *   e2e    build, then Playwright (optionally only the given specs)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dbEnv } from '../packages/db/src/env';
import { createDatabase, databaseUrlFor, dropDatabase, ensureDatabase, type DatabaseHandle } from '../packages/db/src/embedded';
import { applyMigrations } from '../packages/db/src/migrate';
import { installJobQueue, stopJobQueues } from '../packages/api/src/jobs/jobs.service';
import { JOB_HANDLERS } from '../packages/api/src/jobs/jobs.handlers';
import { flakyTests, type PlaywrightReport } from './test-report';

const root = dbEnv.repoRoot;
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const APPS = [
  { name: 'portal', workspace: '@tobacco/portal', dir: 'apps/portal', port: 3000 },
  { name: 'backoffice', workspace: '@tobacco/backoffice', dir: 'apps/backoffice', port: 3001 },
] as const;

function log(message: string) {
  console.log(`\x1b[36m›\x1b[0m ${message}`);
}

function run(command: string, args: string[], env: Record<string, string> = {}): boolean {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A stable secret for session cookies, made once per checkout unless AUTH_SECRET is given. */
function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(root, '.data', 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

async function prepareDatabase(): Promise<DatabaseHandle> {
  const db = await ensureDatabase();
  const applied = await applyMigrations(db.url);
  if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
  await installJobQueue(db.url, Object.keys(JOB_HANDLERS));
  const { seedIfEmpty } = await import('../prisma/seed/cli');
  await seedIfEmpty(db.url);
  return db;
}

function buildApps(): boolean {
  log('Building the apps (reused when nothing changed)…');
  return run(bin('turbo'), ['run', 'build', ...APPS.map((a) => `--filter=${a.workspace}`), '--output-logs=errors-only']);
}

function waitForExit(children: ChildProcess[], db: DatabaseHandle): void {
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('Stopping…');
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode !== null ? undefined : new Promise((r) => child.once('exit', r)))));
    await db.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  for (const child of children) child.once('exit', (code) => void stop(code ?? 1));
}

async function waitUntilAnswering(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function serve(mode: 'start' | 'dev'): Promise<void> {
  const began = Date.now();
  const db = await prepareDatabase();
  if (mode === 'start' && !buildApps()) {
    await db.stop();
    process.exit(1);
  }
  const secret = authSecret();
  const children = APPS.map((app) =>
    spawn(bin('next'), [mode, '--port', String(app.port)], {
      cwd: path.join(root, app.dir),
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: secret, NEXTAUTH_URL: `http://localhost:${app.port}` },
    }),
  );
  children.push(
    spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'worker.ts')], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: db.url },
    }),
  );
  waitForExit(children, db);
  await Promise.all(APPS.map((app) => waitUntilAnswering(`http://localhost:${app.port}/login`)));
  log(`Ready in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  log(`Retailer portal: http://localhost:3000   (licence 330100000001 or 330100000002, password demo-2026)`);
  log(`Back office:     http://localhost:3001   (admin, manager, marketing, agent, am01, am02, exec; password demo-2026)`);
  log('Press Ctrl-C to stop both apps and the database.');
}

async function seed(args: string[]): Promise<void> {
  const { runSeedCli } = await import('../prisma/seed/cli');
  await runSeedCli(args);
}

// ------------------------------------------------------------------------------------------ test

type StepResult = { name: string; ok: boolean; seconds: number; passed?: number; failed?: number; flaky?: string[] };

/**
 * What the end-to-end tests need from Debian: its Chromium, and Ceph's object gateway with a monitor and a
 * storage daemon for the multi-process test's S3-compatible store (e2e/object-store.ts). Installed when missing.
 */
function ensureE2eTools(): string | undefined {
  const wanted: [pkg: string, file: string][] = [
    ['chromium', '/usr/bin/chromium'],
    ['ceph-mon', '/usr/bin/ceph-mon'],
    ['ceph-osd', '/usr/bin/ceph-osd'],
    ['radosgw', '/usr/bin/radosgw'],
  ];
  const missing = wanted.filter(([, file]) => !fs.existsSync(file)).map(([pkg]) => pkg);
  if (missing.length > 0 && process.platform === 'linux' && fs.existsSync('/usr/bin/apt-get')) {
    log(`Installing Debian’s ${missing.join(', ')} for the end-to-end tests…`);
    const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    const [cmd, ...rest] = [...sudo, 'apt-get'];
    run(cmd!, [...rest, 'update', '-qq'], env);
    if (!run(cmd!, [...rest, 'install', '-y', '-qq', ...missing], env))
      throw new Error(`Could not install ${missing.join(', ')} with apt-get.`);
  }
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  // Elsewhere Playwright's own Chromium is used (it can be downloaded there).
  run(bin('playwright'), ['install', 'chromium']);
  return undefined;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function step(results: StepResult[], name: string, body: () => boolean | Omit<StepResult, 'name' | 'seconds'>): boolean {
  log(`${name}…`);
  const began = Date.now();
  let outcome: boolean | Omit<StepResult, 'name' | 'seconds'>;
  try {
    outcome = body();
  } catch (error) {
    console.error(error);
    outcome = false;
  }
  const result = { name, seconds: (Date.now() - began) / 1000, ...(typeof outcome === 'boolean' ? { ok: outcome } : outcome) };
  results.push(result);
  return result.ok;
}

function vitestStep(project: 'unit' | 'integration'): Omit<StepResult, 'name' | 'seconds'> {
  const report = path.join(root, 'test-results', `vitest-${project}.json`);
  fs.rmSync(report, { force: true });
  const ok = run(bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  const json = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTests: number }>(report);
  // The report decides as well as the exit code: a failed test fails the step whatever vitest's exit status.
  return {
    ok: ok && !!json && json.numTotalTests > 0 && json.numFailedTests === 0,
    passed: json?.numPassedTests,
    failed: json?.numFailedTests,
  };
}

async function test(): Promise<void> {
  const results: StepResult[] = [];
  const began = Date.now();
  step(results, 'Lint', () => run(bin('eslint'), ['.', '--max-warnings=0'], { NODE_OPTIONS: '--max-old-space-size=8192' }));
  step(results, 'Format', () => run(bin('prettier'), ['--check', '.', '--log-level=warn']));
  step(
    results,
    'Typecheck',
    () => run(bin('turbo'), ['run', 'typecheck', '--output-logs=errors-only']) && run(bin('tsc'), ['-p', 'tsconfig.tools.json']),
  );
  step(results, 'Unit tests', () => vitestStep('unit'));
  step(results, 'Integration tests', () => vitestStep('integration'));
  const built = step(results, 'Build', () => buildApps());

  if (built) await e2eStep(results, []);
  printSummary(results, began);
}

/** Playwright against the built apps, on a freshly migrated and seeded database that is dropped after. */
async function e2eStep(results: StepResult[], playwrightArgs: string[]): Promise<void> {
  const server = await ensureDatabase('postgres');
  const name = `e2e_${Date.now()}_${process.pid}`;
  const url = databaseUrlFor(server.adminUrl, name);
  try {
    await createDatabase(server.adminUrl, name);
    await applyMigrations(url);
    await installJobQueue(url, Object.keys(JOB_HANDLERS));
    const { seedIfEmpty } = await import('../prisma/seed/cli');
    await seedIfEmpty(url);
    const chromium = ensureE2eTools();
    const report = path.join(root, 'test-results', `playwright-${process.pid}.json`);
    step(results, 'End-to-end tests', () => {
      const ok = run(bin('playwright'), ['test', ...playwrightArgs], {
        E2E_DATABASE_URL: url,
        AUTH_SECRET: randomBytes(32).toString('base64url'),
        CHROMIUM_PATH: chromium ?? '',
        PLAYWRIGHT_JSON_OUTPUT_NAME: report,
      });
      const json = readJson<PlaywrightReport>(report);
      const passed = (json?.stats.expected ?? 0) + (json?.stats.flaky ?? 0);
      // A test that passed only on a retry is named and fails the step (playwright.config.ts retries in CI
      // only, and fails such a run there itself): a flaky test hides a real fault as often as a slow machine.
      const flaky = json ? flakyTests(json.suites) : [];
      return { ok: ok && passed > 0 && flaky.length === 0, passed, failed: json?.stats.unexpected, flaky };
    });
  } finally {
    await stopJobQueues();
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  }
}

function printSummary(results: StepResult[], began: number): never {
  console.log('\nSummary');
  for (const r of results) {
    const counts = r.passed !== undefined ? `  ${r.passed} passed, ${r.failed ?? 0} failed` : '';
    const flaky = r.flaky?.length ? `, ${r.flaky.length} passed only on retry` : '';
    console.log(
      `  ${r.ok ? '\x1b[32m✓\x1b[0m' : '\x1b[31m✗\x1b[0m'} ${r.name.padEnd(20)} ${r.seconds.toFixed(1).padStart(6)} s${counts}${flaky}`,
    );
    for (const name of r.flaky ?? []) console.log(`      flaky: ${name}`);
  }
  const failedSteps = results.filter((r) => !r.ok).length;
  const passed = results.reduce((sum, r) => sum + (r.passed ?? 0), 0);
  const failed = results.reduce((sum, r) => sum + (r.failed ?? 0), 0);
  console.log(
    `  ${failedSteps === 0 ? 'All steps passed' : `${failedSteps} step(s) failed`} in ${((Date.now() - began) / 60_000).toFixed(1)} min`,
  );
  console.log(`\nTests: ${passed} passed, ${failed} failed (Node.js ${process.version})`);
  process.exit(failedSteps === 0 && failed === 0 ? 0 : 1);
}

// ------------------------------------------------------------------------------------------ main

const [command = 'start', ...args] = process.argv.slice(2);
switch (command) {
  case 'start':
  case 'dev':
    await serve(command);
    break;
  case 'seed':
    await seed(args);
    break;
  case 'test':
    await test();
    break;
  case 'e2e': {
    // One or more specs against freshly built apps: npm run test:e2e -- e2e/auth.e2e.ts
    // (--no-build reuses the last build: scripts/clock-sweep.sh runs the specs at several moments).
    const results: StepResult[] = [];
    const began = Date.now();
    const noBuild = args.includes('--no-build');
    const specs = args.filter((arg) => arg !== '--no-build');
    if (noBuild || step(results, 'Build', () => buildApps())) await e2eStep(results, specs);
    printSummary(results, began);
    break;
  }
  case 'generate':
    // scripts/bootstrap.mjs generated the client before handing over: nothing is left to do.
    break;
  default:
    console.error(`Unknown command ${command}: use start, dev, seed, test or generate.`);
    process.exit(2);
}
