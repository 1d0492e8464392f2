import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// Every environment variable the API package reads, validated once, on first use (so `next build` needs none).

const ZEnv = z.object({
  STORAGE_DIR: z.string().optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['0', '1', 'true', 'false']).optional(),
  S3_PREFIX: z.string().default(''),
});

export type S3Env = {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  prefix: string;
};
export type ApiEnv = { storage: { kind: 'local'; dir: string } | { kind: 's3'; s3: S3Env } };

// The apps run from their own folders (apps/portal, apps/backoffice) and scripts from the root; the
// checkout's root is the folder that holds prisma/schema.prisma, whichever of them started.
function repoRoot(): string {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'prisma', 'schema.prisma'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

let cached: ApiEnv | undefined;

export function apiEnv(): ApiEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(Object.fromEntries(Object.keys(ZEnv.shape).map((key) => [key, process.env[key] || undefined])));
  if (!parsed.success) throw new Error(`The API's environment is not valid:\n${z.prettifyError(parsed.error)}`);
  const env = parsed.data;
  cached = env.S3_BUCKET
    ? {
        storage: {
          kind: 's3',
          s3: {
            bucket: env.S3_BUCKET,
            region: env.S3_REGION,
            endpoint: env.S3_ENDPOINT,
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
            forcePathStyle: env.S3_FORCE_PATH_STYLE === '1' || env.S3_FORCE_PATH_STYLE === 'true',
            prefix: env.S3_PREFIX,
          },
        },
      }
    : { storage: { kind: 'local', dir: path.resolve(env.STORAGE_DIR ?? path.join(repoRoot(), '.storage')) } };
  return cached;
}

const ZLogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

/** The log level alone: logging never fails because another operations setting is wrong. */
export function logLevel(): string {
  return ZLogLevel.catch('info').parse(process.env.LOG_LEVEL || undefined);
}

const ZOpsEnv = z.object({
  LOG_LEVEL: ZLogLevel,
  // Without a token the metrics route answers 404: metrics are never public by accident.
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  BACKUP_DIR: z.string().optional(),
});

export type OpsEnv = { logLevel: string; metricsToken?: string; backupDir: string; migrationsDir: string };

let cachedOps: OpsEnv | undefined;

/** Logging, metrics, backups: read apart from apiEnv so that a storage misconfiguration never silences the logs. */
export function opsEnv(): OpsEnv {
  if (cachedOps) return cachedOps;
  const parsed = ZOpsEnv.safeParse(Object.fromEntries(Object.keys(ZOpsEnv.shape).map((key) => [key, process.env[key] || undefined])));
  if (!parsed.success) throw new Error(`The operations environment is not valid:\n${z.prettifyError(parsed.error)}`);
  const root = repoRoot();
  cachedOps = {
    logLevel: parsed.data.LOG_LEVEL,
    metricsToken: parsed.data.METRICS_TOKEN,
    backupDir: path.resolve(parsed.data.BACKUP_DIR ?? path.join(root, '.data', 'backups')),
    migrationsDir: path.join(root, 'prisma', 'migrations'),
  };
  return cachedOps;
}

// ---------------------------------------------------------------- notification channels

const ZTemplates = z
  .string()
  .transform((text, ctx) => {
    try {
      return z.record(z.string(), z.string().min(1)).parse(JSON.parse(text));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object of message key → template id' });
      return z.NEVER;
    }
  })
  .optional();

const ZChannelsEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
  ALIYUN_SMS_ACCESS_KEY_ID: z.string().optional(),
  ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().optional(),
  ALIYUN_SMS_SIGN_NAME: z.string().optional(),
  ALIYUN_SMS_TEMPLATES: ZTemplates,
  ALIYUN_SMS_ENDPOINT: z.url().default('https://dysmsapi.aliyuncs.com'),
  WECHAT_APP_ID: z.string().optional(),
  WECHAT_APP_SECRET: z.string().optional(),
  WECHAT_TEMPLATES: ZTemplates,
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  DEV_OUTBOX_FILE: z.string().optional(),
});

export type AliyunSmsEnv = {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templates: Record<string, string>;
  endpoint: string;
};
export type WechatEnv = { appId: string; appSecret: string; templates: Record<string, string>; apiBase: string };
export type ChannelsEnv = {
  /** Off (the development adapter logs instead) unless all of its variables are set. */
  sms: AliyunSmsEnv | null;
  wechat: WechatEnv | null;
  /** Where the development adapter also appends what it would send, for local testing; never in production. */
  devOutboxFile: string | null;
  production: boolean;
};

let cachedChannels: ChannelsEnv | undefined;

/** SMS (Aliyun) and WeChat template messages: each is on only when all of its variables are set. */
export function channelsEnv(): ChannelsEnv {
  if (cachedChannels) return cachedChannels;
  const parsed = ZChannelsEnv.safeParse(
    Object.fromEntries(Object.keys(ZChannelsEnv.shape).map((key) => [key, process.env[key] || undefined])),
  );
  if (!parsed.success) throw new Error(`The notification channels' environment is not valid:\n${z.prettifyError(parsed.error)}`);
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  if (env.DEV_OUTBOX_FILE && production) throw new Error('DEV_OUTBOX_FILE is for development and tests only: unset it in production.');
  cachedChannels = {
    sms:
      env.ALIYUN_SMS_ACCESS_KEY_ID && env.ALIYUN_SMS_ACCESS_KEY_SECRET && env.ALIYUN_SMS_SIGN_NAME && env.ALIYUN_SMS_TEMPLATES
        ? {
            accessKeyId: env.ALIYUN_SMS_ACCESS_KEY_ID,
            accessKeySecret: env.ALIYUN_SMS_ACCESS_KEY_SECRET,
            signName: env.ALIYUN_SMS_SIGN_NAME,
            templates: env.ALIYUN_SMS_TEMPLATES,
            endpoint: env.ALIYUN_SMS_ENDPOINT,
          }
        : null,
    wechat:
      env.WECHAT_APP_ID && env.WECHAT_APP_SECRET && env.WECHAT_TEMPLATES
        ? { appId: env.WECHAT_APP_ID, appSecret: env.WECHAT_APP_SECRET, templates: env.WECHAT_TEMPLATES, apiBase: env.WECHAT_API_BASE }
        : null,
    devOutboxFile: env.DEV_OUTBOX_FILE ? path.resolve(env.DEV_OUTBOX_FILE) : null,
    production,
  };
  return cachedChannels;
}

/** Forgets the channels' environment, so a test can change it. */
export function resetChannelsEnv(): void {
  cachedChannels = undefined;
}
