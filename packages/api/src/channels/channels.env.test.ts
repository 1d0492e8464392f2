import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelsEnv, resetChannelsEnv } from '../env';

// Channels are off unless fully configured; the development outbox is refused in production.
afterEach(() => {
  vi.unstubAllEnvs();
  resetChannelsEnv();
});

const SMS = {
  ALIYUN_SMS_ACCESS_KEY_ID: 'id',
  ALIYUN_SMS_ACCESS_KEY_SECRET: 'secret',
  ALIYUN_SMS_SIGN_NAME: '烟草服务',
  ALIYUN_SMS_TEMPLATES: '{"auth.reset.sms":"SMS_1"}',
};

function stub(vars: Record<string, string>) {
  for (const key of [...Object.keys(SMS), 'WECHAT_APP_ID', 'WECHAT_APP_SECRET', 'WECHAT_TEMPLATES', 'DEV_OUTBOX_FILE']) vi.stubEnv(key, '');
  for (const [key, value] of Object.entries(vars)) vi.stubEnv(key, value);
  resetChannelsEnv();
}

describe('the channels environment', () => {
  it('has both channels off with nothing set', () => {
    stub({});
    expect(channelsEnv()).toMatchObject({ sms: null, wechat: null, devOutboxFile: null });
  });

  it('turns SMS on only when every variable is there', () => {
    stub({ ...SMS, ALIYUN_SMS_SIGN_NAME: '' });
    expect(channelsEnv().sms).toBeNull();
    stub(SMS);
    expect(channelsEnv().sms).toEqual({
      accessKeyId: 'id',
      accessKeySecret: 'secret',
      signName: '烟草服务',
      templates: { 'auth.reset.sms': 'SMS_1' },
      endpoint: 'https://dysmsapi.aliyuncs.com',
    });
  });

  it('says what is wrong with a template map that is not JSON', () => {
    stub({ ...SMS, ALIYUN_SMS_TEMPLATES: 'SMS_1' });
    expect(() => channelsEnv()).toThrow(/JSON object[\s\S]*ALIYUN_SMS_TEMPLATES/);
  });

  it('refuses the development outbox in production', () => {
    stub({ DEV_OUTBOX_FILE: 'outbox.jsonl', NODE_ENV: 'production' });
    expect(() => channelsEnv()).toThrow(/DEV_OUTBOX_FILE/);
    stub({ DEV_OUTBOX_FILE: 'outbox.jsonl', NODE_ENV: 'development' });
    expect(channelsEnv().devOutboxFile).toMatch(/outbox\.jsonl$/);
  });
});
