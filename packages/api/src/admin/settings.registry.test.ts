import { describe, expect, it } from 'vitest';
import { crossSettingErrors, SETTING_GROUPS, SETTINGS, SETTING_KEYS } from './settings.registry';

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

describe('settings registry: every number of domain.md', () => {
  it('holds the defaults domain.md gives', () => {
    expect(SETTINGS['schedule.windowOpenWeekday'].default).toBe(6);
    expect(SETTINGS['schedule.windowOpenTime'].default).toBe('12:00');
    expect(SETTINGS['schedule.deliveryLagWorkingDays'].default).toBe(2);
    expect(SETTINGS['complaints.acceptWorkingDays'].default).toBe(1);
    expect(SETTINGS['complaints.resolveQuestionWorkingDays'].default).toBe(3);
    expect(SETTINGS['complaints.resolveComplaintWorkingDays'].default).toBe(13);
    expect(SETTINGS['complaints.reopenWindowDays'].default).toBe(7);
    expect(SETTINGS['surveys.anonymityThreshold'].default).toBe(5);
    expect(SETTINGS['surveys.sampleRate'].default).toBe(0.02);
    expect(SETTINGS['grading.periodMonths'].default).toBe(3);
    expect(SETTINGS['grading.scoreWeights'].default).toEqual({ volume: 35, amount: 55, variety: 5, classShare: 5 });
    expect(SETTINGS['anomalies.orderSpikeRatio'].default).toBe(2);
    expect(SETTINGS['anomalies.monthSpikeRatio'].default).toBe(2);
    expect(SETTINGS['anomalies.priceSpikeRatio'].default).toBe(2);
    expect(SETTINGS['anomalies.baselineCycles'].default).toBe(3);
    expect(SETTINGS['anomalies.minOrderQuantity'].default).toBe(20);
    expect(SETTINGS['anomalies.stoppedCycles'].default).toBe(3);
    expect(SETTINGS['anomalies.largeRetailerMonthly'].default).toBe(1000);
  });

  it('puts every setting in a group the settings screens show', () => {
    for (const key of SETTING_KEYS) expect(SETTING_GROUPS, key).toContain(SETTINGS[key].group);
  });

  it('refuses weights that do not add up to 100 and visit bands that leave a gap or overlap', () => {
    expect(SETTINGS['grading.scoreWeights'].schema.safeParse({ volume: 40, amount: 55, variety: 5, classShare: 5 }).success).toBe(false);
    const perMonth = { AAA: 1, AA: 1, A: 1, B: 1, C: 1, D: 1 };
    const matrix = SETTINGS['visits.frequencyMatrix'].schema;
    expect(matrix.safeParse([{ gradeFrom: 1, gradeTo: 30, perMonth }]).success).toBe(true);
    expect(matrix.safeParse([{ gradeFrom: 1, gradeTo: 20, perMonth }]).success).toBe(false);
    expect(
      matrix.safeParse([
        { gradeFrom: 1, gradeTo: 20, perMonth },
        { gradeFrom: 20, gradeTo: 30, perMonth },
      ]).success,
    ).toBe(false);
    expect(matrix.safeParse([{ gradeFrom: 1, gradeTo: 30, perMonth: { ...perMonth, D: -1 } }]).success).toBe(false);
  });

  it('refuses values of the wrong type or out of range', () => {
    expect(SETTINGS['schedule.windowOpenWeekday'].schema.safeParse(8).success).toBe(false);
    expect(SETTINGS['schedule.windowOpenWeekday'].schema.safeParse('6').success).toBe(false);
    expect(SETTINGS['complaints.acceptWorkingDays'].schema.safeParse(0).success).toBe(false);
    expect(SETTINGS['surveys.anonymityThreshold'].schema.safeParse(1).success).toBe(false);
    expect(SETTINGS['complaints.attachmentMaxMegabytes'].schema.safeParse(2.5).success).toBe(false);
    expect(SETTINGS['rewards.tiers'].schema.safeParse([]).success).toBe(false);
  });

  it('checks settings that depend on each other', () => {
    expect(crossSettingErrors({ 'complaints.businessHoursStart': '08:30', 'complaints.businessHoursEnd': '17:30' })).toEqual([]);
    expect(crossSettingErrors({ 'complaints.businessHoursStart': '18:00', 'complaints.businessHoursEnd': '17:30' })[0]?.keys).toEqual([
      'complaints.businessHoursStart',
      'complaints.businessHoursEnd',
    ]);
    expect(crossSettingErrors({ 'complaints.businessHoursStart': '09:00', 'complaints.businessHoursEnd': '09:00' })).toHaveLength(1);
  });
});
