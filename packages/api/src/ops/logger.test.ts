import { describe, expect, it } from 'vitest';
import { memoryLog } from '../testing/memory-log';

describe('logger', () => {
  it('writes one JSON object per line with level and time', () => {
    const { lines, logger } = memoryLog();
    logger.info({ requestId: 'abc123def', procedure: 'home.get' }, 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'request', requestId: 'abc123def', procedure: 'home.get' });
    expect(typeof lines[0]!.time).toBe('string');
  });

  it('never writes phone numbers, names or passwords, at the top or nested', () => {
    const { lines, logger } = memoryLog();
    logger.warn(
      {
        phone: '13912345678',
        password: 'demo-2026',
        name: '张三',
        input: { contactPhone: '13800001111', shopName: '便利店甲', newPassword: 'secret-pass-9' },
        err: { data: { ownerName: '李四', mobile: '13700002222' } },
        headers: { cookie: 'session=abc', authorization: 'Bearer token' },
        retailerId: 42,
      },
      'something happened',
    );
    const text = JSON.stringify(lines);
    for (const secret of [
      '13912345678',
      'demo-2026',
      '张三',
      '13800001111',
      '便利店甲',
      'secret-pass-9',
      '李四',
      '13700002222',
      'session=abc',
      'Bearer token',
    ]) {
      expect(text).not.toContain(secret);
    }
    // What is not personal stays readable.
    expect(lines[0]).toMatchObject({ retailerId: 42, phone: '[redacted]', input: { contactPhone: '[redacted]' } });
  });
});
