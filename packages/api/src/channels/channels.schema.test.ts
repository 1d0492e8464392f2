import { describe, expect, it } from 'vitest';
import { ZChannelSettingsInput } from './channels.schema';

const valid = {
  preferences: [
    { kind: 'PROMOTION', sms: true, wechat: false },
    { kind: 'COMPLAINT_UPDATE', sms: false, wechat: true },
  ],
  greetings: true,
};

describe('the channel settings a shop sends', () => {
  it('accepts one choice per notice kind', () => {
    expect(ZChannelSettingsInput.safeParse(valid)).toEqual({ success: true, data: valid });
  });

  it('refuses a kind given twice, with the translated reason', () => {
    const twice = { ...valid, preferences: [...valid.preferences, { kind: 'PROMOTION', sms: false, wechat: false }] };
    const result = ZChannelSettingsInput.safeParse(twice);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['channels.error.duplicateKind']);
  });

  it('refuses unknown kinds, unknown fields and more rows than there are kinds', () => {
    expect(ZChannelSettingsInput.safeParse({ ...valid, preferences: [{ kind: 'LOTTERY', sms: true, wechat: true }] }).success).toBe(false);
    expect(ZChannelSettingsInput.safeParse({ ...valid, channel: 'SMS' }).success).toBe(false);
    expect(
      ZChannelSettingsInput.safeParse({ ...valid, preferences: [{ kind: 'PROMOTION', sms: true, wechat: true, email: true }] }).success,
    ).toBe(false);
    const tooMany = Array.from({ length: 10 }, () => ({ kind: 'PROMOTION', sms: true, wechat: true }));
    expect(ZChannelSettingsInput.safeParse({ ...valid, preferences: tooMany }).error?.issues[0]?.code).toBe('too_big');
  });
});
