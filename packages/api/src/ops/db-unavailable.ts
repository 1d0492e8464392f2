// Tells "the database is down or restarting" apart from every other failure, so that the API and pages
// answer 503 "service temporarily unavailable" (retry shortly) instead of 500 "something went wrong".

const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024']);
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

// SQLSTATE class 08 (connection exception) and 57P01–57P03 (shutdown, crash, cannot connect now).
function unavailableSqlState(code: unknown): boolean {
  return typeof code === 'string' && (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code));
}

type Loose = {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: Loose } };
  cause?: unknown;
};

export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error as Loose | undefined, depth = 0;
    e && typeof e === 'object' && depth < 6;
    e = e.cause as Loose | undefined, depth += 1
  ) {
    if (typeof e.code === 'string' && (PRISMA_CODES.has(e.code) || NODE_CODES.has(e.code) || unavailableSqlState(e.code))) return true;
    const adapter = e.meta?.driverAdapterError?.cause ?? (typeof e.kind === 'string' ? e : undefined);
    if (
      adapter &&
      (ADAPTER_KINDS.has(String(adapter.kind)) || unavailableSqlState(adapter.originalCode) || unavailableSqlState(adapter.code))
    )
      return true;
    if (
      typeof e.message === 'string' &&
      /Connection terminated|terminating connection due to administrator command|the database system is (starting up|shutting down)/.test(
        e.message,
      )
    )
      return true;
  }
  return false;
}

// While the database is down, each app process remembers it (one flag per process, kept on globalThis so the
// proxy and the routes of one server see the same), probes it every 250 ms, and clears the flag at the
// first answer: pages then answer 503 at once from the proxy instead of each waiting to fail, and
// recover by themselves within a probe of the database coming back.
type Outage = { since: number; probing: boolean };
const globalForOutage = globalThis as unknown as { tobaccoDbOutage?: Outage | null };
const PROBE_MS = 250;

export function databaseUnavailable(): boolean {
  return !!globalForOutage.tobaccoDbOutage;
}

/** Marks the database unavailable and probes it (with `probe`, e.g. `SELECT 1`) until it answers. */
export function markDatabaseUnavailable(probe: () => Promise<unknown>): void {
  if (globalForOutage.tobaccoDbOutage?.probing) return;
  const outage: Outage = { since: Date.now(), probing: true };
  globalForOutage.tobaccoDbOutage = outage;
  const tick = () => {
    probe().then(
      () => {
        globalForOutage.tobaccoDbOutage = null;
      },
      () => {
        setTimeout(tick, PROBE_MS).unref();
      },
    );
  };
  setTimeout(tick, PROBE_MS).unref();
}
