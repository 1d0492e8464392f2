import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { apiEnv, type S3Env } from '../env';

// Where attachment bytes live: one interface, a local folder by default (git-ignored .storage/, or
// STORAGE_DIR) and any S3-compatible object store when S3_BUCKET is set, so that several app servers share
// the files. Keys are random and never served as URLs: every download goes through a route that asks the
// complaints service whether this person may see the case first.

export interface AttachmentStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

/** A new storage key: a date folder (for housekeeping) and a random name that says nothing about the case. */
export function newStorageKey(now: Date, ext: string): string {
  return `complaints/${now.toISOString().slice(0, 7)}/${randomUUID()}.${ext}`;
}

const KEY_RE = /^[\w/.-]+$/;
function assertKey(key: string): void {
  // Keys are made by newStorageKey; anything else (a path escaping the folder) is refused outright.
  if (!KEY_RE.test(key) || key.split('/').some((part) => part === '..' || part === '')) throw new Error(`Bad storage key: ${key}`);
}

export function localStorage(root: string): AttachmentStorage {
  const file = (key: string) => {
    assertKey(key);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Written under a temporary name and renamed: a reader never sees half a file.
      const temp = `${target}.${randomUUID()}.tmp`;
      await fs.writeFile(temp, bytes, { mode: 0o600 });
      await fs.rename(temp, target);
    },
    async get(key) {
      try {
        return new Uint8Array(await fs.readFile(file(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await fs.rm(file(key), { force: true });
    },
  };
}

type S3Sdk = typeof import('@aws-sdk/client-s3');
/** The part of the S3 client used here; tests pass a fake. */
export type S3Sender = {
  send: (
    command: InstanceType<S3Sdk['PutObjectCommand']> | InstanceType<S3Sdk['GetObjectCommand']> | InstanceType<S3Sdk['DeleteObjectCommand']>,
  ) => Promise<{ Body?: { transformToByteArray(): Promise<Uint8Array> } }>;
};

export function s3Storage(config: S3Env, sender?: S3Sender): AttachmentStorage {
  // Loaded on first use: installations on the local folder never load the SDK.
  const client = import('@aws-sdk/client-s3').then((sdk) => ({
    sdk,
    s3:
      sender ??
      (new sdk.S3Client({
        region: config.region,
        endpoint: config.endpoint,
        forcePathStyle: config.forcePathStyle,
        credentials:
          config.accessKeyId && config.secretAccessKey
            ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
            : undefined,
      }) as unknown as S3Sender),
  }));
  const objectKey = (key: string) => {
    assertKey(key);
    return `${config.prefix}${key}`;
  };
  return {
    async put(key, bytes, contentType) {
      const { sdk, s3 } = await client;
      await s3.send(new sdk.PutObjectCommand({ Bucket: config.bucket, Key: objectKey(key), Body: bytes, ContentType: contentType }));
    },
    async get(key) {
      const { sdk, s3 } = await client;
      try {
        const out = await s3.send(new sdk.GetObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
        return out.Body ? await out.Body.transformToByteArray() : null;
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') return null;
        throw error;
      }
    },
    async delete(key) {
      const { sdk, s3 } = await client;
      await s3.send(new sdk.DeleteObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }));
    },
  };
}

let configured: AttachmentStorage | undefined;

/** The storage the environment configures (one per process). */
export function attachmentStorage(): AttachmentStorage {
  if (configured) return configured;
  const { storage } = apiEnv();
  configured = storage.kind === 's3' ? s3Storage(storage.s3) : localStorage(storage.dir);
  return configured;
}
