import pino, { type DestinationStream, type Logger } from 'pino';
import { logLevel } from '../env';

export type { Logger } from 'pino';

// Personal data never reaches the logs: these keys are censored wherever they appear, at the top of a
// log line or one or two objects down (an input, an error's data). Logging whole inputs is still avoided;
// this is the net under that rule.
const PERSONAL_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'temporaryPassword',
  'phone',
  'mobile',
  'contactPhone',
  'ownerPhone',
  'name',
  'shopName',
  'ownerName',
  'contactName',
  'realName',
  'idNumber',
  'address',
  'email',
  'authorization',
  'cookie',
];
export const REDACT_PATHS = PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/** A JSON logger; tests pass their own destination to read what was written. */
export function createLogger(destination?: DestinationStream, level = logLevel()): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    // Written without blocking: while one write is under way the next lines gather and go out together, so a
    // busy server makes a few large writes instead of one per line (7 % of a busy survey bench's samples went
    // to those writes), and a quiet one still writes each line at once. pino flushes what is left at exit.
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

const globalForLog = globalThis as unknown as { tobaccoLogger?: Logger };

/** The process's logger (one per process, kept across hot reloads). */
export function getLogger(): Logger {
  return (globalForLog.tobaccoLogger ??= createLogger());
}

/** Sends the process's logs elsewhere (tests read them from a stream). */
export function setLogger(logger: Logger): void {
  globalForLog.tobaccoLogger = logger;
}
