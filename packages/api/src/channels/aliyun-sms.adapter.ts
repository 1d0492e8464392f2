import { createHmac, randomUUID } from 'node:crypto';
import type { AliyunSmsEnv } from '../env';
import { PermanentSendError, type ChannelAdapter, type OutgoingMessage, type SendResult } from './channels.adapter';

// Aliyun SMS (Dysmsapi 2017-05-25, SendSms) over its RPC protocol: every parameter in the query string,
// signed with HMAC-SHA1 over the canonicalised query (signature version 1.0).

/** Aliyun's percent-encoding: RFC 3986 unreserved characters stay, everything else is %XX (space is %20). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The sorted, encoded `key=value&…` string the signature covers. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key]!)}`)
    .join('&');
}

/** Signature = Base64(HMAC-SHA1(secret + "&", METHOD + "&" + enc("/") + "&" + enc(canonical query))). */
export function signRpc(method: 'GET' | 'POST', params: Record<string, string>, accessKeySecret: string): string {
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign).digest('base64');
}

/** Aliyun wants the timestamp in UTC without milliseconds: 2026-12-05T07:40:00Z. */
const timestamp = (now: Date) => `${now.toISOString().slice(0, 19)}Z`;

export function aliyunSmsAdapter(env: AliyunSmsEnv, now: () => Date = () => new Date()): ChannelAdapter {
  return {
    channel: 'SMS',
    live: true,
    async send(message: OutgoingMessage): Promise<SendResult> {
      const templateCode = env.templates[message.messageKey];
      if (!templateCode) throw new PermanentSendError(`No SMS template for ${message.messageKey}`);
      const params: Record<string, string> = {
        AccessKeyId: env.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: message.to,
        RegionId: 'cn-hangzhou',
        SignName: env.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: templateCode,
        TemplateParam: JSON.stringify(message.params),
        Timestamp: timestamp(now()),
        Version: '2017-05-25',
      };
      const signature = signRpc('GET', params, env.accessKeySecret);
      const url = `${env.endpoint.replace(/\/$/, '')}/?Signature=${percentEncode(signature)}&${canonicalQuery(params)}`;
      const response = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(10_000) });
      const body = (await response.json().catch(() => ({}))) as { Code?: string; Message?: string; BizId?: string };
      if (body.Code === 'OK') return { providerId: body.BizId ?? '' };
      const error = `Aliyun SMS ${response.status} ${body.Code ?? ''} ${body.Message ?? ''}`.trim();
      // Wrong parameters, an unknown template or a bad number do not get better by retrying.
      if (body.Code?.startsWith('isv.') && body.Code !== 'isv.BUSINESS_LIMIT_CONTROL') throw new PermanentSendError(error);
      throw new Error(error);
    },
  };
}
