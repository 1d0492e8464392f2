import { z } from 'zod';

// Every number of domain.md lives here: type, default, unit and label in both languages.
// Code reads them through getSetting/getSettings (settings.service.ts); no such number is written anywhere else.

type Definition<S extends z.ZodType> = {
  group: 'auth' | 'schedule' | 'complaints' | 'grading' | 'surveys' | 'rewards' | 'anomalies' | 'allocation';
  schema: S;
  default: z.infer<S>;
  unit: string;
  label: { 'zh-CN': string; en: string };
};

function define<S extends z.ZodType>(definition: Definition<S>): Definition<S> {
  return definition;
}

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
const weekday = z.number().int().min(1).max(7);
const workingDays = z.number().min(0.25).max(60);

/** A pyramid: few retailers at the top grades, most at the bottom; 30 shares summing to 100. */
export const DEFAULT_GRADE_SHARES: number[] = [
  7, 7.5, 6.5, 6, 5.5, 5, 5, 4.5, 4.5, 4.5, 4, 4, 4, 3.5, 3.5, 3, 3, 3, 2.5, 2.5, 2, 2, 1.5, 1.5, 1, 1, 0.5, 0.5, 0.5, 0.5,
];

export const SETTINGS = {
  'auth.lockoutMaxAttempts': define({ group: 'auth', schema: z.number().int().min(3).max(20), default: 5, unit: 'times', label: { 'zh-CN': '锁定前允许的错误次数', en: 'Wrong passwords before lock' } }),
  'auth.lockoutWindowMinutes': define({ group: 'auth', schema: z.number().int().min(1).max(1440), default: 15, unit: 'minutes', label: { 'zh-CN': '错误次数统计时段', en: 'Window for counting wrong passwords' } }),
  'auth.lockoutMinutes': define({ group: 'auth', schema: z.number().int().min(1).max(1440), default: 15, unit: 'minutes', label: { 'zh-CN': '锁定时长', en: 'Lock duration' } }),

  'schedule.windowOpenWeekday': define({ group: 'schedule', schema: weekday, default: 6, unit: 'weekday', label: { 'zh-CN': '网上订货开始（星期）', en: 'Order window opens (weekday)' } }),
  'schedule.windowOpenTime': define({ group: 'schedule', schema: time, default: '12:00', unit: 'time', label: { 'zh-CN': '网上订货开始时间', en: 'Order window opens at' } }),
  'schedule.windowCloseTime': define({ group: 'schedule', schema: time, default: '23:59', unit: 'time', label: { 'zh-CN': '订货日前一天截止时间', en: 'Window closes on the day before the order day at' } }),
  'schedule.deliveryLagWorkingDays': define({ group: 'schedule', schema: z.number().int().min(0).max(10), default: 2, unit: 'working days', label: { 'zh-CN': '订货后第几个工作日送货', en: 'Delivery on working day N after the order day' } }),

  'allocation.publishWeekday': define({ group: 'allocation', schema: weekday, default: 6, unit: 'weekday', label: { 'zh-CN': '投放策略发布日（星期）', en: 'Allocation policy publish day' } }),
  'allocation.publishTime': define({ group: 'allocation', schema: time, default: '12:00', unit: 'time', label: { 'zh-CN': '投放策略发布时间', en: 'Allocation policy publish time' } }),

  'complaints.businessHoursStart': define({ group: 'complaints', schema: time, default: '08:30', unit: 'time', label: { 'zh-CN': '工作时间开始', en: 'Business hours start' } }),
  'complaints.businessHoursEnd': define({ group: 'complaints', schema: time, default: '17:30', unit: 'time', label: { 'zh-CN': '工作时间结束', en: 'Business hours end' } }),
  'complaints.acceptWorkingDays': define({ group: 'complaints', schema: workingDays, default: 1, unit: 'working days', label: { 'zh-CN': '受理时限', en: 'Accept within' } }),
  'complaints.resolveQuestionWorkingDays': define({ group: 'complaints', schema: workingDays, default: 3, unit: 'working days', label: { 'zh-CN': '咨询办结时限', en: 'Resolve a question within' } }),
  'complaints.resolveComplaintWorkingDays': define({ group: 'complaints', schema: workingDays, default: 13, unit: 'working days', label: { 'zh-CN': '投诉办结时限', en: 'Resolve a complaint within' } }),
  'complaints.resolveSuggestionWorkingDays': define({ group: 'complaints', schema: workingDays, default: 13, unit: 'working days', label: { 'zh-CN': '建议办结时限', en: 'Resolve a suggestion within' } }),
  'complaints.resolveReportWorkingDays': define({ group: 'complaints', schema: workingDays, default: 13, unit: 'working days', label: { 'zh-CN': '举报办结时限', en: 'Resolve a report within' } }),
  'complaints.reopenWindowDays': define({ group: 'complaints', schema: z.number().int().min(0).max(90), default: 7, unit: 'days', label: { 'zh-CN': '办结后可重新打开天数', en: 'Days a resolved case may be reopened' } }),
  'complaints.lowRatingReopens': define({ group: 'complaints', schema: z.number().int().min(0).max(5), default: 2, unit: 'rating', label: { 'zh-CN': '评价不高于此分时重新跟进', en: 'Ratings at or below this reopen the case' } }),

  'grading.periodMonths': define({ group: 'grading', schema: z.number().int().min(1).max(12), default: 3, unit: 'months', label: { 'zh-CN': '档位评定周期', en: 'Grading period' } }),
  'grading.integrityCapGrade': define({ group: 'grading', schema: z.number().int().min(1).max(30), default: 10, unit: 'grade', label: { 'zh-CN': '严重失信（C/D）档位上限', en: 'Grade cap for integrity C or D' } }),
  'grading.shareTable': define({
    group: 'grading',
    schema: z.array(z.number().min(0).max(100)).length(30).refine((shares) => Math.abs(shares.reduce((a, b) => a + b, 0) - 100) < 0.001, 'The 30 shares must add up to 100'),
    default: DEFAULT_GRADE_SHARES,
    unit: '%',
    label: { 'zh-CN': '各档位客户占比', en: 'Share of retailers per grade' },
  }),
  'grading.appealWorkingDays': define({ group: 'grading', schema: workingDays, default: 10, unit: 'working days', label: { 'zh-CN': '档位复核办理时限', en: 'Decide a grade appeal within' } }),

  'surveys.invitationsPerMonth': define({ group: 'surveys', schema: z.number().int().min(1).max(10), default: 2, unit: 'invitations', label: { 'zh-CN': '每户每月最多问卷邀请数', en: 'Survey invitations per retailer per month' } }),
  'surveys.anonymityThreshold': define({ group: 'surveys', schema: z.number().int().min(2).max(50), default: 5, unit: 'respondents', label: { 'zh-CN': '结果展示最少样本数', en: 'Smallest group shown' } }),
  'surveys.sampleRate': define({ group: 'surveys', schema: z.number().min(0.001).max(1), default: 0.02, unit: 'ratio', label: { 'zh-CN': '分层抽样比例', en: 'Stratified sample rate' } }),

  'rewards.tiers': define({
    group: 'rewards',
    schema: z.array(z.object({ name: z.string().min(1), nameEn: z.string().min(1), minPoints: z.number().int().min(0) })).min(1),
    default: [
      { name: '普通会员', nameEn: 'Member', minPoints: 0 },
      { name: '银卡会员', nameEn: 'Silver', minPoints: 1000 },
      { name: '金卡会员', nameEn: 'Gold', minPoints: 3000 },
      { name: '钻石会员', nameEn: 'Diamond', minPoints: 8000 },
    ],
    unit: 'points',
    label: { 'zh-CN': '积分等级', en: 'Points tiers' },
  }),

  'anomalies.orderSpikeRatio': define({ group: 'anomalies', schema: z.number().min(1).max(20), default: 2, unit: 'ratio', label: { 'zh-CN': '单次订货异动倍数', en: 'Order spike ratio' } }),
  'anomalies.minOrderQuantity': define({ group: 'anomalies', schema: z.number().int().min(0), default: 20, unit: 'tiao', label: { 'zh-CN': '忽略小于该量的订单', en: 'Ignore orders under' } }),
  'anomalies.stoppedCycles': define({ group: 'anomalies', schema: z.number().int().min(1).max(52), default: 3, unit: 'cycles', label: { 'zh-CN': '连续未订货周期', en: 'Cycles without orders' } }),
  'anomalies.largeRetailerMonthly': define({ group: 'anomalies', schema: z.number().int().min(1), default: 1000, unit: 'tiao', label: { 'zh-CN': '大户月订货量', en: 'Large retailer monthly volume' } }),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
