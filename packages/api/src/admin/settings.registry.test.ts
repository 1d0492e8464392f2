import { describe, expect, it } from 'vitest';
import { SETTINGS, SETTING_KEYS } from './settings.registry';

describe('settings registry', () => {
  it('has a valid default, a unit and both labels for every setting', () => {
    for (const key of SETTING_KEYS) {
      const definition = SETTINGS[key];
      expect(definition.schema.safeParse(definition.default).success, key).toBe(true);
      expect(definition.unit, key).not.toBe('');
      expect(definition.label['zh-CN'], key).not.toBe('');
      expect(definition.label.en, key).not.toBe('');
    }
  });

  it('refuses bad values', () => {
    expect(SETTINGS['auth.lockoutMaxAttempts'].schema.safeParse(0).success).toBe(false);
    expect(SETTINGS['schedule.windowOpenTime'].schema.safeParse('25:00').success).toBe(false);
    expect(SETTINGS['grading.shareTable'].schema.safeParse(Array(30).fill(3)).success).toBe(false);
    expect(SETTINGS['surveys.sampleRate'].schema.safeParse(2).success).toBe(false);
  });
});
