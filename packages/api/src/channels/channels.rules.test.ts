import { describe, expect, it } from 'vitest';
import { canonicalQuery, percentEncode, signRpc } from './aliyun-sms.adapter';
import { channelsFor, maskRecipient, withinDailyCap } from './channels.rules';

describe('channel rules', () => {
  it('masks recipients in logs', () => {
    expect(maskRecipient('SMS', '13912345678')).toBe('139****5678');
    expect(maskRecipient('WECHAT', 'oAbCdEfGh1234')).toBe('…1234');
  });

  it('caps extra messages per day, never a reset code', () => {
    expect(withinDailyCap(4, 5, false)).toBe(true);
    expect(withinDailyCap(5, 5, false)).toBe(false);
    expect(withinDailyCap(0, 0, false)).toBe(false);
    expect(withinDailyCap(9, 5, true)).toBe(true);
  });

  it('sends only on channels chosen and reachable', () => {
    expect(channelsFor(null, { phone: '139', wechatOpenId: 'o' })).toEqual([]);
    expect(channelsFor({ sms: true, wechat: true }, { phone: '139', wechatOpenId: null })).toEqual(['SMS']);
    expect(channelsFor({ sms: false, wechat: true }, { phone: '139', wechatOpenId: 'o' })).toEqual(['WECHAT']);
  });
});

describe('Aliyun RPC signature', () => {
  it('percent-encodes as Aliyun does', () => {
    expect(percentEncode("a b*c~d!'()")).toBe('a%20b%2Ac~d%21%27%28%29');
    expect(percentEncode('阿')).toBe('%E9%98%BF');
  });

  // The worked example of Aliyun's SMS API documentation (signature version 1.0).
  it('reproduces the documented example', () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(canonicalQuery(params).startsWith('AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001')).toBe(true);
    expect(signRpc('GET', params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });
});
