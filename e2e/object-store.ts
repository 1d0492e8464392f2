import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';

// A real S3-compatible object store for the multi-process test: Ceph's RADOS Gateway (Debian's radosgw) over a
// one-node Ceph cluster of its own — one monitor and one in-memory OSD — in a temporary folder, on two ports
// of its own. `npm test` installs the Debian packages (scripts/run.ts). Started in a few seconds, stopped and
// removed with the test.

export type ObjectStore = {
  env: Record<string, string>;
  client: S3Client;
  bucket: string;
  stop: () => void;
};

const CEPH_BINARIES = ['/usr/bin/ceph-mon', '/usr/bin/ceph-osd', '/usr/bin/radosgw', '/usr/bin/radosgw-admin'];

function objectStoreInstalled(): boolean {
  return CEPH_BINARIES.every((file) => fs.existsSync(file));
}

function runSync(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout || result.error}`);
  return result.stdout;
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 90_000, log?: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // The daemon's own last words say why, in the test's failure.
  const tail = log && fs.existsSync(log) ? `\n${fs.readFileSync(log, 'utf8').split('\n').slice(-30).join('\n')}` : '';
  throw new Error(`The object store did not start: ${what}${tail}`);
}

const CLUSTER_ATTEMPTS = 3;

/**
 * Starts the store with the monitor on `port` and the gateway's S3 endpoint on `port + 1`, and creates a bucket.
 * On two busy cores a new one-node cluster's storage daemon has, a few times in CI, never reported up, and
 * starting that daemon again did not help (the monitor then refused it: "wrong fsid"); a whole new cluster
 * came up, as Playwright's retry of the test showed — once only the third did (2026-12-07: two fresh clusters
 * refused in a row, the retry's passed). So a start that fails is made again from nothing, on the same ports,
 * up to three clusters in all, before the test fails; a failed start costs a minute.
 */
export async function startObjectStore(port: number): Promise<ObjectStore> {
  if (!objectStoreInstalled())
    throw new Error(`The object store needs Debian's ceph-mon, ceph-osd and radosgw (${CEPH_BINARIES.join(', ')}).`);
  const failures: Error[] = [];
  while (failures.length < CLUSTER_ATTEMPTS) {
    try {
      return await startCluster(port);
    } catch (error) {
      failures.push(error as Error);
    }
  }
  const [last, ...earlier] = failures.reverse();
  throw new Error([last!.message, ...earlier.map((e) => `An earlier start had failed too: ${e.message}`)].join('\n\n'), { cause: last });
}

/** One attempt: a new cluster in a new folder; on failure everything it started is stopped and removed. */
async function startCluster(port: number): Promise<ObjectStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-object-store-'));
  const conf = path.join(dir, 'ceph.conf');
  const fsid = randomUUID();
  const mon = `127.0.0.1:${port}`;
  const endpoint = `http://127.0.0.1:${port + 1}`;
  // No authentication (loopback only), one copy of everything, data in memory: a store for one test run.
  fs.writeFileSync(
    conf,
    `[global]
fsid = ${fsid}
mon host = [v1:${mon}]
auth cluster required = none
auth service required = none
auth client required = none
ms bind msgr2 = false
osd objectstore = memstore
memstore device bytes = 536870912
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd crush chooseleaf type = 0
mon allow pool size one = true
mon warn on pool no redundancy = false
mon data avail warn = 1
mon data avail crit = 0
run dir = ${dir}/run
admin socket = ${dir}/run/$name.asok
log file = ${dir}/$name.log
[mon.a]
mon data = ${dir}/mon
public addr = ${mon}
[osd.0]
osd data = ${dir}/osd
[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:${port + 1}
rgw data = ${dir}/rgw
`,
  );
  for (const sub of ['run', 'mon', 'osd', 'rgw']) fs.mkdirSync(path.join(dir, sub));
  const children: ChildProcess[] = [];
  const daemon = (command: string, args: string[]) => {
    const child = spawn(command, ['-c', conf, ...args, '-f'], { stdio: 'ignore' });
    children.push(child);
    return child;
  };
  const stop = () => {
    for (const child of children.reverse()) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    runSync('monmaptool', ['--create', '--fsid', fsid, '--addv', 'a', `[v1:${mon}]`, path.join(dir, 'monmap')]);
    runSync('ceph-mon', ['-c', conf, '-i', 'a', '--mkfs', '--monmap', path.join(dir, 'monmap')]);
    daemon('ceph-mon', ['-i', 'a']);
    const ceph = (...args: string[]) =>
      spawnSync('ceph', ['-c', conf, '--connect-timeout', '10', ...args], { encoding: 'utf8', timeout: 30_000 });
    await until('monitor', () => ceph('mon', 'stat').status === 0);

    // `mon stat` answers before the monitor serves every command: once in a CI run `osd new` right after it was
    // refused ("EPERM: problem getting command descriptions from mon"). `osd new` with the same uuid is
    // idempotent, so it is asked again until the monitor accepts it.
    const osdUuid = randomUUID();
    await until('monitor accepting commands', () => ceph('osd', 'new', osdUuid).status === 0, 60_000, path.join(dir, 'mon.a.log'));
    runSync('ceph-osd', ['-c', conf, '-i', '0', '--mkfs', '--osd-uuid', osdUuid]);
    const osdUp = () => {
      const stat = ceph('osd', 'stat', '-f', 'json');
      return stat.status === 0 && (JSON.parse(stat.stdout) as { num_up_osds: number }).num_up_osds >= 1;
    };
    daemon('ceph-osd', ['-i', '0']);
    await until('storage daemon', osdUp, 60_000, path.join(dir, 'osd.0.log'));

    const accessKeyId = `E2E${randomBytes(8).toString('hex').toUpperCase()}`;
    const secretAccessKey = randomBytes(24).toString('base64url');
    runSync('radosgw-admin', [
      '-c',
      conf,
      '-n',
      'client.rgw',
      'user',
      'create',
      '--uid=e2e',
      '--display-name=e2e',
      `--access-key=${accessKeyId}`,
      `--secret=${secretAccessKey}`,
    ]);
    daemon('radosgw', ['-n', 'client.rgw']);
    await until('gateway', () =>
      fetch(endpoint).then(
        (r) => r.ok,
        () => false,
      ),
    );

    const bucket = 'attachments';
    const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    return {
      env: {
        S3_BUCKET: bucket,
        S3_REGION: 'us-east-1',
        S3_ENDPOINT: endpoint,
        S3_ACCESS_KEY_ID: accessKeyId,
        S3_SECRET_ACCESS_KEY: secretAccessKey,
        S3_FORCE_PATH_STYLE: 'true',
      },
      client,
      bucket,
      stop: () => {
        client.destroy();
        stop();
      },
    };
  } catch (error) {
    // The daemons are gone before the next attempt binds the same ports.
    const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
    const exited = Promise.all(running.map((child) => new Promise((resolve) => child.once('exit', resolve))));
    stop();
    await exited;
    throw error;
  }
}
