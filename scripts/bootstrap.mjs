#!/usr/bin/env node
// Entry point of the README's commands. Plain JavaScript with no dependencies, because it runs before
// anything is installed: it installs what is missing, then hands over to scripts/run.ts on the Node.js
// that the install brought (the `node` package of the npm registry, pinned in package.json), so the
// apps, the worker and the tests run on that version whatever Node.js started this script.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node.js 20.19 or newer is needed; this is ${process.version}.`);
  process.exit(1);
}

function mtime(file) {
  try {
    return fs.statSync(path.join(root, file)).mtimeMs;
  } catch {
    return 0;
  }
}

// Optional local overrides (see .env.example); variables already set win.
if (fs.existsSync(path.join(root, '.env'))) {
  const own = { ...process.env };
  process.loadEnvFile(path.join(root, '.env'));
  Object.assign(process.env, own);
}

// npm writes node_modules/.package-lock.json on every install: older than the lockfile or any
// package.json means the dependencies changed since the last install.
const manifests = [
  'package.json',
  'package-lock.json',
  ...['apps', 'packages'].flatMap((dir) => fs.readdirSync(path.join(root, dir)).map((name) => path.join(dir, name, 'package.json'))),
];
const installedAt = mtime('node_modules/.package-lock.json');
if (!installedAt || manifests.some((file) => mtime(file) > installedAt)) {
  console.log('› Installing dependencies (npm install)…');
  // `npm ci` would refuse a lockfile written on one platform; `npm install` still follows the lockfile.
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// node_modules/.bin first on PATH: every child that starts `node` (scripts' `#!/usr/bin/env node`, npm,
// turbo's tasks, Playwright's web servers) gets the pinned Node.js too, as npm scripts already do.
const binDir = path.join(root, 'node_modules', '.bin');
const pinnedNode = path.join(binDir, 'node');
if (!fs.existsSync(pinnedNode)) {
  console.error(`The pinned Node.js is missing (${path.relative(root, pinnedNode)}); run npm install.`);
  process.exit(1);
}

// Prisma's client is generated from the schema before run.ts starts, because run.ts and everything it
// imports load the client; regenerated only when the schema changed.
const schema = fs.readFileSync(path.join(root, 'prisma', 'schema.prisma'));
const schemaHash = createHash('sha256').update(schema).digest('hex');
const stamp = path.join(root, 'packages', 'db', 'src', 'generated', '.schema-hash');
if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== schemaHash) {
  console.log('› Generating the Prisma client…');
  // `prisma generate` does not use the schema engine, but the CLI downloads one unless it is told where
  // one is; any executable satisfies it, and the download servers are not reachable from every machine.
  const result = spawnSync(path.join(binDir, 'prisma'), ['generate'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PATH: [binDir, process.env.PATH].join(path.delimiter),
      PRISMA_SCHEMA_ENGINE_BINARY: pinnedNode,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stamp, schemaHash);
}

// Ctrl-C reaches both processes; this one waits for run.ts to stop the apps and the database cleanly.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
const result = spawnSync(pinnedNode, ['--import', 'tsx', path.join(root, 'scripts', 'run.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PATH: [binDir, process.env.PATH].filter(Boolean).join(path.delimiter),
    TURBO_TELEMETRY_DISABLED: '1',
    NEXT_TELEMETRY_DISABLED: '1',
  },
});
process.exit(result.status ?? 1);
