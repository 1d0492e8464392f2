import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { notifyRetailer } from '../notifications/notifications.service';
import { backofficeCallerFor, portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import { findJob } from '../jobs/jobs.service';
import { aliyunSmsAdapter } from './aliyun-sms.adapter';
import type { DevOutboxLine } from './dev-log.adapter';
import { devLogAdapter } from './dev-log.adapter';
import { deliverMessage, DELIVERY_QUEUE, queueFanOutDeliveries, type Adapters } from './channels.service';
import { wechatAdapter } from './wechat.adapter';

const db = testDb();
let passwordHash: string;
let districtId: number;

// ---------------------------------------------------------------- the providers, played by local servers

type Seen = { path: string; query: URLSearchParams; body?: unknown };

/**
 * Aliyun's SendSms endpoint as far as a client can tell: it recomputes the signature from the query
 * (written here apart from the adapter, from the documented rule) and refuses a wrong one.
 */
function aliyunServer(secret: string, seen: Seen[]): Server {
  const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    seen.push({ path: url.pathname, query: url.searchParams });
    const params = [...url.searchParams.entries()].filter(([k]) => k !== 'Signature').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const canonical = params.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
    const expected = createHmac('sha1', `${secret}&`)
      .update(`${req.method}&${enc('/')}&${enc(canonical)}`)
      .digest('base64');
    const q = url.searchParams;
    res.setHeader('content-type', 'application/json');
    const required = ['AccessKeyId', 'Action', 'PhoneNumbers', 'SignName', 'TemplateCode', 'Timestamp', 'SignatureNonce', 'Version'];
    if (required.some((k) => !q.get(k)) || q.get('SignatureMethod') !== 'HMAC-SHA1' || q.get('SignatureVersion') !== '1.0')
      return res.end(JSON.stringify({ Code: 'MissingParameter', Message: 'missing' }));
    if (q.get('Signature') !== expected) return res.end(JSON.stringify({ Code: 'SignatureDoesNotMatch', Message: 'bad signature' }));
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(q.get('Timestamp')!))
      return res.end(JSON.stringify({ Code: 'InvalidTimeStamp.Format' }));
    if (q.get('TemplateCode') === 'SMS_BROKEN') return res.end(JSON.stringify({ Code: 'isp.SYSTEM_ERROR', Message: 'try later' }));
    JSON.parse(q.get('TemplateParam') ?? '{}');
    res.end(JSON.stringify({ Code: 'OK', Message: 'OK', BizId: `biz-${seen.length}`, RequestId: 'r' }));
  });
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** WeChat: a token for the right app id and secret only; template sends only with a live token. */
function wechatServer(seen: Seen[], state: { tokens: number; expireNext: boolean }): Server {
  return createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://local');
      res.setHeader('content-type', 'application/json');
      if (url.pathname === '/cgi-bin/token') {
        seen.push({ path: url.pathname, query: url.searchParams });
        const q = url.searchParams;
        if (q.get('grant_type') !== 'client_credential' || q.get('appid') !== 'wx-app' || q.get('secret') !== 'wx-secret')
          return res.end(JSON.stringify({ errcode: 40013, errmsg: 'invalid appid' }));
        state.tokens += 1;
        return res.end(JSON.stringify({ access_token: `token-${state.tokens}`, expires_in: 7200 }));
      }
      if (url.pathname === '/cgi-bin/message/template/send' && req.method === 'POST') {
        const body = (await readBody(req)) as { touser?: string; template_id?: string; data?: Record<string, { value?: string }> };
        seen.push({ path: url.pathname, query: url.searchParams, body });
        if (url.searchParams.get('access_token') !== `token-${state.tokens}` || state.expireNext) {
          state.expireNext = false;
          return res.end(JSON.stringify({ errcode: 42001, errmsg: 'access_token expired' }));
        }
        if (!body.touser || !body.template_id || !body.data || Object.values(body.data).some((v) => typeof v.value !== 'string'))
          return res.end(JSON.stringify({ errcode: 47001, errmsg: 'data format error' }));
        return res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', msgid: 1000 + seen.length }));
      }
      res.statusCode = 404;
      res.end('{}');
    })();
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const smsSeen: Seen[] = [];
const wechatSeen: Seen[] = [];
const wechatState = { tokens: 0, expireNext: false };
const servers = [aliyunServer('sms-secret', smsSeen), wechatServer(wechatSeen, wechatState)];
let smsBase: string;
let wechatBase: string;
const outbox = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-')), 'outbox.jsonl');

const smsEnv = (secret = 'sms-secret') => ({
  accessKeyId: 'sms-id',
  accessKeySecret: secret,
  signName: '烟草服务',
  templates: { 'notifications.complaintReplied': 'SMS_100', 'care.birthday': 'SMS_BROKEN' },
  endpoint: smsBase,
});
const wechatEnv = () => ({
  appId: 'wx-app',
  appSecret: 'wx-secret',
  templates: { 'notifications.complaintReplied': 'tpl-reply' },
  apiBase: wechatBase,
});

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
  smsBase = await listen(servers[0]!);
  wechatBase = await listen(servers[1]!);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  fs.rmSync(path.dirname(outbox), { recursive: true, force: true });
});
afterEach(async () => {
  await db.setting.deleteMany({ where: { key: 'notifications.dailyCap' } });
});

describe('the Aliyun SMS adapter against a server that checks the signature', () => {
  it('sends a signed SendSms request with the template and its parameters', async () => {
    const sent = await aliyunSmsAdapter(smsEnv()).send({
      to: '13900001111',
      messageKey: 'notifications.complaintReplied',
      params: { title: '您的诉求有新回复', caseNo: 'TS-1' },
      text: '…',
    });
    expect(sent.providerId).toMatch(/^biz-/);
    const q = smsSeen.at(-1)!.query;
    expect(q.get('Action')).toBe('SendSms');
    expect(q.get('PhoneNumbers')).toBe('13900001111');
    expect(q.get('TemplateCode')).toBe('SMS_100');
    expect(q.get('SignName')).toBe('烟草服务');
    expect(JSON.parse(q.get('TemplateParam')!)).toEqual({ title: '您的诉求有新回复', caseNo: 'TS-1' });
  });

  it('fails when the signature is wrong, and refuses a message with no template', async () => {
    await expect(
      aliyunSmsAdapter(smsEnv('not-the-secret')).send({
        to: '13900001111',
        messageKey: 'notifications.complaintReplied',
        params: {},
        text: '',
      }),
    ).rejects.toThrow(/SignatureDoesNotMatch/);
    await expect(aliyunSmsAdapter(smsEnv()).send({ to: '13900001111', messageKey: 'unknown', params: {}, text: '' })).rejects.toThrow(
      /No SMS template/,
    );
  });
});

describe('the WeChat template-message adapter against a local server', () => {
  it('fetches an access token once, reuses it, and fetches anew when WeChat says it expired', async () => {
    const adapter = wechatAdapter(wechatEnv());
    const message = {
      to: 'oOPENID1234',
      messageKey: 'notifications.complaintReplied',
      params: { title: '新回复', body: '请查看' },
      text: '',
    };
    await adapter.send(message);
    await adapter.send({ ...message, link: 'https://portal.example/complaints/1' });
    expect(adapter.tokenFetches()).toBe(1);
    const posted = wechatSeen.filter((s) => s.path === '/cgi-bin/message/template/send').at(-1)!.body;
    expect(posted).toEqual({
      touser: 'oOPENID1234',
      template_id: 'tpl-reply',
      url: 'https://portal.example/complaints/1',
      data: { title: { value: '新回复' }, body: { value: '请查看' } },
    });
    wechatState.expireNext = true;
    await expect(adapter.send(message)).resolves.toMatchObject({ providerId: expect.any(String) });
    expect(adapter.tokenFetches()).toBe(2);
  });

  it('does not get a token with the wrong secret', async () => {
    const adapter = wechatAdapter({ ...wechatEnv(), appSecret: 'wrong' });
    await expect(adapter.send({ to: 'o1', messageKey: 'notifications.complaintReplied', params: {}, text: '' })).rejects.toThrow(/40013/);
  });
});

// ---------------------------------------------------------------- preferences, the delivery log, the cap

function adapters(): Adapters {
  return { SMS: aliyunSmsAdapter(smsEnv()), WECHAT: wechatAdapter(wechatEnv()) };
}

async function shop(prefs?: { sms: boolean; wechat: boolean }) {
  const s = await createRetailer(db, { districtId, passwordHash });
  await db.retailer.update({ where: { id: s.id }, data: { wechatOpenId: `oOPEN${s.id}` } });
  if (prefs)
    await portalCallerFor(db, retailerActor(s)).channels.update({ greetings: true, preferences: [{ kind: 'COMPLAINT_UPDATE', ...prefs }] });
  return s;
}

const notice = { kind: 'COMPLAINT_UPDATE' as const, messageKey: 'notifications.complaintReplied' as const, link: '/complaints/1' };

describe('channel preferences and the delivery log', () => {
  it('a notice goes to the inbox only, unless the shop chose more for its kind', async () => {
    const quiet = await shop();
    const keen = await shop({ sms: true, wechat: true });
    for (const s of [quiet, keen]) await db.$transaction((tx) => notifyRetailer(tx, s.id, notice));
    expect(await db.notification.count({ where: { retailerId: quiet.id } })).toBe(1);
    expect(await db.notificationDelivery.count({ where: { retailerId: quiet.id } })).toBe(0);
    const rows = await db.notificationDelivery.findMany({ where: { retailerId: keen.id }, orderBy: { channel: 'asc' } });
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['SMS', 'QUEUED'],
      ['WECHAT', 'QUEUED'],
    ]);
    // Each delivery's job was queued with the notice.
    expect(await findJob(db, `delivery:${rows[0]!.id}`)).toMatchObject({ queue: DELIVERY_QUEUE, payload: { deliveryId: rows[0]!.id } });
    for (const row of rows) await deliverMessage(db, { deliveryId: row.id }, new Date(), adapters());
    const after = await db.notificationDelivery.findMany({ where: { retailerId: keen.id }, orderBy: { channel: 'asc' } });
    expect(after.map((r) => [r.channel, r.status, r.attempts])).toEqual([
      ['SMS', 'SENT', 1],
      ['WECHAT', 'SENT', 1],
    ]);
    expect(smsSeen.at(-1)!.query.get('PhoneNumbers')).toBe(keen.phone);
  });

  it('a preference for another kind does not apply, and a rolled-back notice queues nothing', async () => {
    const s = await shop({ sms: true, wechat: false });
    await db.$transaction((tx) => notifyRetailer(tx, s.id, { kind: 'PROMOTION', messageKey: 'notifications.gradePublished' }));
    await expect(
      db.$transaction(async (tx) => {
        await notifyRetailer(tx, s.id, notice);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.notificationDelivery.count({ where: { retailerId: s.id } })).toBe(0);
  });

  it('keeps to the daily cap (a setting) and records the ones skipped', async () => {
    await db.setting.upsert({
      where: { key: 'notifications.dailyCap' },
      create: { key: 'notifications.dailyCap', value: 2 },
      update: { value: 2 },
    });
    const s = await shop({ sms: true, wechat: false });
    for (let i = 0; i < 3; i += 1) await db.$transaction((tx) => notifyRetailer(tx, s.id, notice));
    const rows = await db.notificationDelivery.findMany({ where: { retailerId: s.id }, orderBy: { id: 'asc' } });
    for (const row of rows) await deliverMessage(db, { deliveryId: row.id }, new Date(), adapters());
    const statuses = (await db.notificationDelivery.findMany({ where: { retailerId: s.id }, orderBy: { id: 'asc' } })).map((r) => r.status);
    expect(statuses).toEqual(['SENT', 'SENT', 'SKIPPED_CAP']);
  });

  it('retries a failed send through the queue and marks it failed after the last attempt', async () => {
    const s = await shop();
    const [row] = await db.notificationDelivery.createManyAndReturn({
      data: [
        {
          retailerId: s.id,
          kind: 'GREETING',
          channel: 'SMS',
          messageKey: 'care.birthday',
          params: { points: 0 },
          day: new Date('2027-01-01'),
        },
      ],
    });
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await expect(deliverMessage(db, { deliveryId: row!.id }, new Date(), adapters())).rejects.toThrow(/isp.SYSTEM_ERROR/);
      expect(await db.notificationDelivery.findUnique({ where: { id: row!.id } })).toMatchObject({ status: 'QUEUED', attempts: attempt });
    }
    await deliverMessage(db, { deliveryId: row!.id }, new Date(), adapters());
    expect(await db.notificationDelivery.findUnique({ where: { id: row!.id } })).toMatchObject({
      status: 'FAILED',
      attempts: 5,
      lastError: expect.stringContaining('isp.SYSTEM_ERROR'),
    });
  });

  it('with nothing configured, the development adapter logs the message and the row says the channel is off', async () => {
    const s = await shop({ sms: true, wechat: false });
    await db.$transaction((tx) => notifyRetailer(tx, s.id, notice));
    const row = await db.notificationDelivery.findFirstOrThrow({ where: { retailerId: s.id } });
    const dev = devLogAdapter('SMS', { outboxFile: outbox, production: false });
    await deliverMessage(db, { deliveryId: row.id }, new Date(), {
      SMS: dev,
      WECHAT: devLogAdapter('WECHAT', { outboxFile: null, production: false }),
    });
    expect(await db.notificationDelivery.findUnique({ where: { id: row.id } })).toMatchObject({ status: 'SKIPPED_OFF' });
    const lines = fs
      .readFileSync(outbox, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as DevOutboxLine);
    expect(lines.at(-1)).toMatchObject({
      channel: 'SMS',
      to: `${s.phone.slice(0, 3)}****${s.phone.slice(-4)}`,
      messageKey: notice.messageKey,
    });
    expect(lines.at(-1)!.text).toContain('您的诉求有新回复');
  });
});

describe('the portal procedures of channel settings', () => {
  it('reads and writes the shop’s own preferences and greetings choice; bad input changes nothing', async () => {
    const s = await shop();
    const caller = portalCallerFor(db, retailerActor(s));
    expect((await caller.channels.mine()).preferences.every((p) => !p.sms && !p.wechat)).toBe(true);
    await caller.channels.update({ greetings: false, preferences: [{ kind: 'GREETING', sms: true, wechat: false }] });
    const mine = await caller.channels.mine();
    expect(mine.greetings).toBe(false);
    expect(mine.wechatLinked).toBe(true);
    expect(mine.preferences.find((p) => p.kind === 'GREETING')).toEqual({ kind: 'GREETING', sms: true, wechat: false });
    await expect(
      caller.channels.update({
        greetings: true,
        preferences: [
          { kind: 'GREETING', sms: false, wechat: false },
          { kind: 'GREETING', sms: true, wechat: false },
        ],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      caller.channels.update({ greetings: true, preferences: [{ kind: 'SLA_REMINDER' as 'GREETING', sms: true, wechat: false }] }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect((await caller.channels.mine()).greetings).toBe(false);
  });
});

describe('the back office’s delivery log', () => {
  it('lists deliveries newest first, filtered by status and channel, without their parameters', async () => {
    const admin = await createStaff(db, { roles: ['ADMIN'], passwordHash });
    const s = await shop({ sms: true, wechat: true });
    await db.$transaction((tx) => notifyRetailer(tx, s.id, notice));
    const caller = backofficeCallerFor(db, staffActor(admin));
    const wechat = await caller.channels.deliveries({ status: 'QUEUED', channel: 'WECHAT', pageSize: 100 });
    const mine = wechat.items.filter((r) => r.retailer.licenceNo === s.licenceNo);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ channel: 'WECHAT', status: 'QUEUED', attempts: 0 });
    expect(mine[0]).not.toHaveProperty('params');
    expect(wechat.items.every((r) => r.channel === 'WECHAT' && r.status === 'QUEUED')).toBe(true);
    const manager = await createStaff(db, { roles: ['MANAGER'], passwordHash });
    await expect(backofficeCallerFor(db, staffActor(manager)).channels.deliveries({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller.channels.deliveries({ status: 'LOST' as 'SENT' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('fan-outs written in one statement', () => {
  it('queue the extra channels of exactly their own notices, once', async () => {
    const keen = await shop();
    const quiet = await shop();
    await portalCallerFor(db, retailerActor(keen)).channels.update({
      greetings: true,
      preferences: [{ kind: 'PROMOTION', sms: true, wechat: true }],
    });
    const at = new Date('2031-05-06T04:00:00.123Z');
    const link = `/promotions/${keen.id}`;
    const fanOut = () =>
      db.$executeRaw`
        INSERT INTO "Notification" ("retailerId", kind, "messageKey", params, link, "createdAt")
        SELECT id, 'PROMOTION', 'promotions.notify.new', '{}'::jsonb, ${link}, ${at} FROM "Retailer" WHERE id IN (${keen.id}, ${quiet.id})`;
    await fanOut();
    // Another fan-out of the same kind at another moment is not this one.
    await db.notification.create({
      data: { retailerId: keen.id, kind: 'PROMOTION', messageKey: 'promotions.notify.new', link: '/promotions/0' },
    });
    const queued = await db.$transaction((tx) =>
      queueFanOutDeliveries(tx, { kind: 'PROMOTION', messageKey: 'promotions.notify.new', link, createdAt: at }),
    );
    expect(queued).toBe(2);
    const rows = await db.notificationDelivery.findMany({
      where: { retailerId: { in: [keen.id, quiet.id] } },
      orderBy: { channel: 'asc' },
    });
    expect(rows.map((r) => [r.retailerId, r.channel, r.status])).toEqual([
      [keen.id, 'SMS', 'QUEUED'],
      [keen.id, 'WECHAT', 'QUEUED'],
    ]);
    expect(await findJob(db, `delivery:${rows[0]!.id}`)).toMatchObject({ queue: DELIVERY_QUEUE });
    expect(
      await db.$transaction((tx) =>
        queueFanOutDeliveries(tx, { kind: 'PROMOTION', messageKey: 'promotions.notify.new', link, createdAt: at }),
      ),
    ).toBe(0);
  });
});
