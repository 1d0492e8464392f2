import type { WechatEnv } from '../env';
import { PermanentSendError, type ChannelAdapter, type OutgoingMessage, type SendResult } from './channels.adapter';

// WeChat official-account template messages: an access_token from the app id and secret (cached until
// shortly before it expires: WeChat limits how often one may be fetched), then POST
// /cgi-bin/message/template/send with it.

type Token = { value: string; expiresAt: number };
// WeChat's codes for an access_token that is invalid or expired: fetch a new one and try once more.
const STALE_TOKEN = new Set([40001, 40014, 42001]);

export function wechatAdapter(env: WechatEnv, now: () => number = () => Date.now()): ChannelAdapter & { tokenFetches(): number } {
  let token: Token | null = null;
  let fetches = 0;
  const base = env.apiBase.replace(/\/$/, '');

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > now()) return token.value;
    fetches += 1;
    const query = new URLSearchParams({ grant_type: 'client_credential', appid: env.appId, secret: env.appSecret });
    const response = await fetch(`${base}/cgi-bin/token?${query.toString()}`, { signal: AbortSignal.timeout(10_000) });
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      errcode?: number;
      errmsg?: string;
    };
    if (!body.access_token) throw new Error(`WeChat token ${response.status} ${body.errcode ?? ''} ${body.errmsg ?? ''}`.trim());
    // Renewed five minutes early, so a token never expires between reading and using it.
    token = { value: body.access_token, expiresAt: now() + Math.max(0, (body.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  }

  async function post(message: OutgoingMessage, templateId: string) {
    const data = Object.fromEntries(Object.entries(message.params).map(([key, value]) => [key, { value }]));
    const response = await fetch(`${base}/cgi-bin/message/template/send?access_token=${encodeURIComponent(await accessToken())}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ touser: message.to, template_id: templateId, ...(message.link ? { url: message.link } : {}), data }),
      signal: AbortSignal.timeout(10_000),
    });
    return (await response.json().catch(() => ({ errcode: -1, errmsg: `HTTP ${response.status}` }))) as {
      errcode?: number;
      errmsg?: string;
      msgid?: number;
    };
  }

  return {
    channel: 'WECHAT',
    live: true,
    tokenFetches: () => fetches,
    async send(message: OutgoingMessage): Promise<SendResult> {
      const templateId = env.templates[message.messageKey];
      if (!templateId) throw new PermanentSendError(`No WeChat template for ${message.messageKey}`);
      let body = await post(message, templateId);
      if (body.errcode !== undefined && STALE_TOKEN.has(body.errcode)) {
        token = null;
        body = await post(message, templateId);
      }
      if (body.errcode === 0) return { providerId: String(body.msgid ?? '') };
      const error = `WeChat ${body.errcode ?? '?'} ${body.errmsg ?? ''}`.trim();
      // 43004: the shop no longer follows the official account; 40003: not a valid openid.
      if (body.errcode === 43004 || body.errcode === 40003 || body.errcode === 40037) throw new PermanentSendError(error);
      throw new Error(error);
    },
  };
}
