import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkUploads, cleanFileName } from './complaints.attachments';
import { localStorage, newStorageKey } from './complaints.storage';

const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, ...new Array(40).fill(0)]);
const PDF = Uint8Array.from(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
const HTML = Uint8Array.from(Buffer.from('<html><script>alert(1)</script></html>'));
const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)]);

describe('checkUploads: the type is what the bytes are', () => {
  it('accepts images and PDF and names them by their real type', async () => {
    const out = await checkUploads(
      [
        { fileName: 'a.pdf', bytes: PNG },
        { fileName: '照片', bytes: JPEG },
        { fileName: 'scan.PDF', bytes: PDF },
      ],
      10,
    );
    expect(out.map((f) => [f.fileName, f.mimeType])).toEqual([
      ['a.png', 'image/png'],
      ['照片.jpg', 'image/jpeg'],
      ['scan.PDF', 'application/pdf'],
    ]);
  });

  it('refuses HTML, archives and unknown bytes whatever they are called', async () => {
    for (const bytes of [HTML, ZIP, Uint8Array.from([1, 2, 3, 4, 5])]) {
      await expect(checkUploads([{ fileName: 'photo.jpg', bytes }], 10)).rejects.toMatchObject({
        code: 'VALIDATION',
        messageKey: 'complaints.error.fileType',
      });
    }
  });

  it('refuses an empty file, one over the limit, and more than five', async () => {
    await expect(checkUploads([{ fileName: 'e.png', bytes: new Uint8Array(0) }], 10)).rejects.toMatchObject({
      messageKey: 'complaints.error.emptyFile',
    });
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(PNG);
    await expect(checkUploads([{ fileName: 'b.png', bytes: big }], 1)).rejects.toMatchObject({
      messageKey: 'complaints.error.fileTooLarge',
      params: { max: 1 },
    });
    expect(await checkUploads([{ fileName: 'b.png', bytes: big.subarray(0, 1024 * 1024) }], 1)).toHaveLength(1);
    await expect(
      checkUploads(
        Array.from({ length: 6 }, () => ({ fileName: 'p.png', bytes: PNG })),
        10,
      ),
    ).rejects.toMatchObject({ messageKey: 'complaints.error.tooManyFiles' });
  });
});

describe('cleanFileName', () => {
  it('drops folders and characters unsafe in a header, keeps Chinese names', () => {
    expect(cleanFileName('C:\\Users\\x\\送货单.png', 'png')).toBe('送货单.png');
    expect(cleanFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(cleanFileName('a"b<c>.jpg', 'jpg')).toBe('abc.jpg');
    expect(cleanFileName('', 'png')).toBe('attachment.png');
    expect(cleanFileName('photo.jpeg', 'jpg')).toBe('photo.jpg');
  });
});

describe('localStorage', () => {
  it('stores, reads and deletes under random keys, and refuses keys that leave the folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storage-test-'));
    try {
      const storage = localStorage(dir);
      const key = newStorageKey(new Date('2033-03-08T02:00:00Z'), 'png');
      expect(key).toMatch(/^complaints\/2033-03\/[0-9a-f-]{36}\.png$/);
      await storage.put(key, PNG, 'image/png');
      expect(Buffer.from((await storage.get(key))!)).toEqual(Buffer.from(PNG));
      await storage.delete(key);
      expect(await storage.get(key)).toBeNull();
      await expect(storage.get('../outside.png')).rejects.toThrow(/Bad storage key/);
      await expect(storage.put('complaints//x.png', PNG, 'image/png')).rejects.toThrow(/Bad storage key/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('s3Storage', () => {
  it('puts, gets and deletes objects under the prefix, and answers null for a missing key', async () => {
    const { s3Storage } = await import('./complaints.storage');
    const objects = new Map<string, Uint8Array>();
    const sent: string[] = [];
    const fake = {
      async send(command: {
        constructor: { name: string };
        input: { Bucket?: string; Key?: string; Body?: unknown; ContentType?: string };
      }) {
        const { Bucket, Key, Body, ContentType } = command.input;
        sent.push(`${command.constructor.name} ${Bucket}/${Key}${ContentType ? ` ${ContentType}` : ''}`);
        if (command.constructor.name === 'PutObjectCommand') objects.set(Key!, Body as Uint8Array);
        if (command.constructor.name === 'DeleteObjectCommand') objects.delete(Key!);
        if (command.constructor.name === 'GetObjectCommand') {
          const body = objects.get(Key!);
          if (!body) throw Object.assign(new Error('missing'), { name: 'NoSuchKey' });
          return { Body: { transformToByteArray: async () => body } };
        }
        return {};
      },
    };
    const storage = s3Storage({ bucket: 'files', region: 'us-east-1', forcePathStyle: true, prefix: 'tobacco/' }, fake as never);
    await storage.put('complaints/2033-03/a.png', PNG, 'image/png');
    expect(await storage.get('complaints/2033-03/a.png')).toBe(PNG);
    await storage.delete('complaints/2033-03/a.png');
    expect(await storage.get('complaints/2033-03/a.png')).toBeNull();
    expect(sent[0]).toBe('PutObjectCommand files/tobacco/complaints/2033-03/a.png image/png');
    await expect(storage.get('../x')).rejects.toThrow(/Bad storage key/);
  });
});
