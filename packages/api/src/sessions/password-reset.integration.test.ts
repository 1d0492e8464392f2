import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { signInRetailer } from '@tobacco/auth/sign-in';
import type { Db } from '@tobacco/db/client';
import { createDistrict, createRetailer, testDb, uniqueNumber } from '@tobacco/db/testing';
import { deliverMessage } from '../channels/channels.service';
import { findJob } from '../jobs/jobs.service';
import type { DevOutboxLine } from '../channels/dev-log.adapter';
import { devLogAdapter } from '../channels/dev-log.adapter';
import { createPortalCaller } from '../portal';
import { retailerActor } from '../testing/callers';
import { issueResetCode, RESET_CODE_QUEUE } from './password-reset.service';

const db = testDb();
let passwordHash: string;
let districtId: number;
const outbox = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reset-outbox-')), 'outbox.jsonl');
const dev = {
  SMS: devLogAdapter('SMS', { outboxFile: outbox, production: false }),
  WECHAT: devLogAdapter('WECHAT', { outboxFile: null, production: false }),
};

beforeAll(async () => {
  passwordHash = await hashPassword('old-password-1');
  districtId = (await createDistrict(db)).id;
});
afterAll(() => fs.rmSync(path.dirname(outbox), { recursive: true, force: true }));

const t0 = new Date('2033-05-01T02:00:00Z');
/** A caller as a visitor who is not signed in, from its own address (each test its own, so throttles stay apart). */
function visitor(clock: () => Date = () => t0, ip = `10.9.${uniqueNumber() % 250}.${uniqueNumber() % 250}`) {
  return createPortalCaller({ db: db as Db, actor: null, requestId: 'test', clock, ip }).passwordReset;
}

type Visitor = ReturnType<typeof visitor>;

/** Asks for a code as a visitor, then runs the job the request queued (the worker would). */
async function ask(api: Visitor, licenceNo: string, phoneLast4: string, at = t0) {
  const answer = await api.request({ licenceNo, phoneLast4 });
  const job = await findJob(db, `reset:${licenceNo}:${at.toISOString()}`);
  expect(job).toMatchObject({ queue: RESET_CODE_QUEUE, payload: { licenceNo, phoneLast4 } });
  await issueResetCode(db, job!.payload as { licenceNo: string; phoneLast4: string }, at);
  return answer;
}

/** Sends the shop's queued reset SMS through the development adapter and reads the code from its outbox. */
async function codeSentTo(retailerId: number): Promise<string> {
  const row = await db.notificationDelivery.findFirstOrThrow({ where: { retailerId, secret: true }, orderBy: { id: 'desc' } });
  await deliverMessage(db, { deliveryId: row.id }, t0, dev);
  const after = await db.notificationDelivery.findUniqueOrThrow({ where: { id: row.id } });
  // The code is not kept in the delivery log once the message is out.
  expect(after.params).toEqual({});
  const lines = fs
    .readFileSync(outbox, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as DevOutboxLine);
  return lines.at(-1)!.params.code!;
}

const last4 = (phone: string) => phone.slice(-4);
const wrong4 = (phone: string) => String((Number(phone.slice(-4)) + 1) % 10_000).padStart(4, '0');

describe('forgotten password', () => {
  it('a code by SMS and a new password: the shop signs in with it, its old sessions end, the code works once', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash });
    const api = visitor();
    expect(await ask(api, shop.licenceNo, last4(shop.phone))).toEqual({ ok: true, minutes: 10 });
    const code = await codeSentTo(shop.id);
    expect(code).toMatch(/^\d{6}$/);
    await api.confirm({ licenceNo: shop.licenceNo, code, newPassword: 'new-password-2', confirmPassword: 'new-password-2' });
    expect((await signInRetailer(db, { loginName: shop.licenceNo, password: 'new-password-2' })).ok).toBe(true);
    expect((await signInRetailer(db, { loginName: shop.licenceNo, password: 'old-password-1' })).ok).toBe(false);
    expect((await db.retailerLogin.findUniqueOrThrow({ where: { id: shop.logins[0]!.id } })).sessionVersion).toBe(1);
    await expect(
      api.confirm({ licenceNo: shop.licenceNo, code, newPassword: 'new-password-3', confirmPassword: 'new-password-3' }),
    ).rejects.toMatchObject({ cause: { messageKey: 'auth.reset.invalidCode' } });
  });

  it('answers the same whether the licence exists or the digits match; only a match sends a code', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash });
    const unknownLicence = String(800_000_000_000 + uniqueNumber()).slice(0, 12);
    const answers = [
      await ask(visitor(), unknownLicence, '1234'),
      await ask(visitor(), shop.licenceNo, wrong4(shop.phone)),
      await ask(
        visitor(() => new Date(t0.getTime() + 1)),
        shop.licenceNo,
        last4(shop.phone),
        new Date(t0.getTime() + 1),
      ),
    ];
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(await db.passwordResetCode.count({ where: { retailerId: shop.id } })).toBe(1);
    // A code for a licence that does not exist is refused with the same words as a wrong one.
    const refusal = async (licenceNo: string) =>
      visitor()
        .confirm({ licenceNo, code: '000000', newPassword: 'new-password-2', confirmPassword: 'new-password-2' })
        .catch((e: { code: string; cause: { messageKey: string } }) => [e.code, e.cause.messageKey]);
    expect(await refusal(unknownLicence)).toEqual(await refusal(shop.licenceNo));
  });

  it('expires after 10 minutes', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash });
    await ask(visitor(), shop.licenceNo, last4(shop.phone));
    const code = await codeSentTo(shop.id);
    const later = visitor(() => new Date(t0.getTime() + 10 * 60_000 + 1000));
    await expect(
      later.confirm({ licenceNo: shop.licenceNo, code, newPassword: 'new-password-2', confirmPassword: 'new-password-2' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { messageKey: 'auth.reset.invalidCode' } });
  });

  it('five wrong tries void the code, even the right one after them', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash });
    const api = visitor();
    await ask(api, shop.licenceNo, last4(shop.phone));
    const code = await codeSentTo(shop.id);
    const wrong = code === '000000' ? '000001' : '000000';
    await Promise.all(
      Array.from({ length: 5 }, () =>
        api
          .confirm({ licenceNo: shop.licenceNo, code: wrong, newPassword: 'new-password-2', confirmPassword: 'new-password-2' })
          .catch(() => null),
      ),
    );
    expect(await db.passwordResetCode.findFirstOrThrow({ where: { retailerId: shop.id } })).toMatchObject({
      attempts: 5,
      voidedAt: expect.any(Date),
    });
    await expect(
      api.confirm({ licenceNo: shop.licenceNo, code, newPassword: 'new-password-2', confirmPassword: 'new-password-2' }),
    ).rejects.toMatchObject({ cause: { messageKey: 'auth.reset.invalidCode' } });
    expect((await signInRetailer(db, { loginName: shop.licenceNo, password: 'old-password-1' })).ok).toBe(true);
  });

  it('throttles requests per licence and per address', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash });
    for (let i = 0; i < 3; i += 1) await visitor().request({ licenceNo: shop.licenceNo, phoneLast4: last4(shop.phone) });
    await expect(visitor().request({ licenceNo: shop.licenceNo, phoneLast4: last4(shop.phone) })).rejects.toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      cause: { messageKey: 'auth.reset.rateLimited' },
    });
    // A licence that does not exist is throttled the same way, so the throttle tells nothing either.
    const unknown = String(700_000_000_000 + uniqueNumber()).slice(0, 12);
    for (let i = 0; i < 3; i += 1) await visitor().request({ licenceNo: unknown, phoneLast4: '1234' });
    await expect(visitor().request({ licenceNo: unknown, phoneLast4: '1234' })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });

    const ip = `10.200.${uniqueNumber() % 250}.1`;
    for (let i = 0; i < 20; i += 1) {
      const licenceNo = String(600_000_000_000 + uniqueNumber()).slice(0, 12);
      await visitor(() => t0, ip).request({ licenceNo, phoneLast4: '1234' });
    }
    await expect(visitor(() => t0, ip).request({ licenceNo: shop.licenceNo, phoneLast4: '1234' })).rejects.toMatchObject({
      cause: { messageKey: 'auth.reset.rateLimited' },
    });
  });

  it('bad input is refused with a translated message and changes nothing; a signed-in caller is refused', async () => {
    const shop = await createRetailer(db, { districtId, passwordHash });
    await expect(visitor().request({ licenceNo: '12345', phoneLast4: 'abcd' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      visitor().confirm({ licenceNo: shop.licenceNo, code: '12345', newPassword: 'short', confirmPassword: 'other' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await db.passwordResetCode.count({ where: { retailerId: shop.id } })).toBe(0);
    const signedIn = createPortalCaller({ db: db as Db, actor: retailerActor(shop), requestId: 'test', clock: () => t0 });
    await expect(signedIn.passwordReset.request({ licenceNo: shop.licenceNo, phoneLast4: last4(shop.phone) })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
