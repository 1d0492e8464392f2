import { z } from 'zod';
import { DEFAULT_LOCKOUT_POLICY } from '@tobacco/auth/lockout';
import { DEFAULT_INITIAL_GRADES, PERIOD_MONTHS } from '../grading/grading.rules';
import { ALERT_RULES } from '../alerts/alerts.rules';

// Every number of domain.md lives here: type, default, unit and label in both languages.
// Code reads them through getSetting/getSettings (settings.service.ts); no such number is written anywhere else.

/** The grouped screens of the settings page, in this order. */
export const SETTING_GROUPS = [
  'auth',
  'schedule',
  'allocation',
  'complaints',
  'grading',
  'surveys',
  'rewards',
  'anomalies',
  'visits',
  'backup',
  'notifications',
] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number];

type Definition<S extends z.ZodType> = {
  group: SettingGroup;
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

const visitsPerMonth = z.number().int().min(0).max(31);
const grade = z.number().int().min(1).max(30);

/** Grade bands (inclusive) that cover 1–30 with no gap and no overlap. */
function coversAllGrades(bands: readonly { gradeFrom: number; gradeTo: number }[]): boolean {
  const seen = new Array<number>(31).fill(0);
  for (const band of bands) {
    if (band.gradeFrom > band.gradeTo) return false;
    for (let grade = band.gradeFrom; grade <= band.gradeTo; grade += 1) seen[grade] = (seen[grade] ?? 0) + 1;
  }
  return seen.slice(1).every((count) => count === 1);
}

/** A pyramid: few retailers at the top grades, most at the bottom; 30 shares summing to 100. */
export const DEFAULT_GRADE_SHARES: number[] = [
  7, 7.5, 6.5, 6, 5.5, 5, 5, 4.5, 4.5, 4.5, 4, 4, 4, 3.5, 3.5, 3, 3, 3, 2.5, 2.5, 2, 2, 1.5, 1.5, 1, 1, 0.5, 0.5, 0.5, 0.5,
];

export const SETTINGS = {
  'auth.lockoutMaxAttempts': define({
    group: 'auth',
    schema: z.number().int().min(3).max(20),
    default: DEFAULT_LOCKOUT_POLICY.maxAttempts,
    unit: 'times',
    label: { 'zh-CN': '锁定前允许的错误次数', en: 'Wrong passwords before lock' },
  }),
  'auth.lockoutWindowMinutes': define({
    group: 'auth',
    schema: z.number().int().min(1).max(1440),
    default: DEFAULT_LOCKOUT_POLICY.windowMinutes,
    unit: 'minutes',
    label: { 'zh-CN': '错误次数统计时段', en: 'Window for counting wrong passwords' },
  }),
  'auth.lockoutMinutes': define({
    group: 'auth',
    schema: z.number().int().min(1).max(1440),
    default: DEFAULT_LOCKOUT_POLICY.lockMinutes,
    unit: 'minutes',
    label: { 'zh-CN': '锁定时长', en: 'Lock duration' },
  }),

  'schedule.windowOpenWeekday': define({
    group: 'schedule',
    schema: weekday,
    default: 6,
    unit: 'weekday',
    label: { 'zh-CN': '网上订货开始（星期）', en: 'Order window opens (weekday)' },
  }),
  'schedule.windowOpenTime': define({
    group: 'schedule',
    schema: time,
    default: '12:00',
    unit: 'time',
    label: { 'zh-CN': '网上订货开始时间', en: 'Order window opens at' },
  }),
  'schedule.windowCloseTime': define({
    group: 'schedule',
    schema: time,
    default: '23:59',
    unit: 'time',
    label: { 'zh-CN': '订货日前一天截止时间', en: 'Window closes on the day before the order day at' },
  }),
  'schedule.deliveryLagWorkingDays': define({
    group: 'schedule',
    schema: z.number().int().min(0).max(10),
    default: 2,
    unit: 'working days',
    label: { 'zh-CN': '订货后第几个工作日送货', en: 'Delivery on working day N after the order day' },
  }),
  'schedule.windowReminders': define({
    group: 'schedule',
    schema: z.object({ dayBefore: z.number().int().min(0).max(1), atOpening: z.number().int().min(0).max(1) }).strict(),
    default: { dayBefore: 1, atOpening: 1 },
    unit: 'switch',
    label: {
      'zh-CN': '订货提醒（1 发送，0 不发）：开放前一天 dayBefore，开放时 atOpening',
      en: 'Order-window reminders (1 on, 0 off): the day before it opens (dayBefore), when it opens (atOpening)',
    },
  }),

  'allocation.publishWeekday': define({
    group: 'allocation',
    schema: weekday,
    default: 6,
    unit: 'weekday',
    label: { 'zh-CN': '投放策略发布日（星期）', en: 'Allocation policy publish day' },
  }),
  'allocation.publishTime': define({
    group: 'allocation',
    schema: time,
    default: '12:00',
    unit: 'time',
    label: { 'zh-CN': '投放策略发布时间', en: 'Allocation policy publish time' },
  }),

  'complaints.businessHoursStart': define({
    group: 'complaints',
    schema: time,
    default: '08:30',
    unit: 'time',
    label: { 'zh-CN': '工作时间开始', en: 'Business hours start' },
  }),
  'complaints.businessHoursEnd': define({
    group: 'complaints',
    schema: time,
    default: '17:30',
    unit: 'time',
    label: { 'zh-CN': '工作时间结束', en: 'Business hours end' },
  }),
  'complaints.acceptWorkingDays': define({
    group: 'complaints',
    schema: workingDays,
    default: 1,
    unit: 'working days',
    label: { 'zh-CN': '受理时限', en: 'Accept within' },
  }),
  'complaints.resolveQuestionWorkingDays': define({
    group: 'complaints',
    schema: workingDays,
    default: 3,
    unit: 'working days',
    label: { 'zh-CN': '咨询办结时限', en: 'Resolve a question within' },
  }),
  'complaints.resolveComplaintWorkingDays': define({
    group: 'complaints',
    schema: workingDays,
    default: 13,
    unit: 'working days',
    label: { 'zh-CN': '投诉办结时限', en: 'Resolve a complaint within' },
  }),
  'complaints.resolveSuggestionWorkingDays': define({
    group: 'complaints',
    schema: workingDays,
    default: 13,
    unit: 'working days',
    label: { 'zh-CN': '建议办结时限', en: 'Resolve a suggestion within' },
  }),
  'complaints.resolveReportWorkingDays': define({
    group: 'complaints',
    schema: workingDays,
    default: 13,
    unit: 'working days',
    label: { 'zh-CN': '举报办结时限', en: 'Resolve a report within' },
  }),
  'complaints.reopenWindowDays': define({
    group: 'complaints',
    schema: z.number().int().min(0).max(90),
    default: 7,
    unit: 'days',
    label: { 'zh-CN': '办结后可重新打开天数', en: 'Days a resolved case may be reopened' },
  }),
  'complaints.lowRatingReopens': define({
    group: 'complaints',
    schema: z.number().int().min(0).max(5),
    default: 2,
    unit: 'rating',
    label: { 'zh-CN': '评价不高于此分时重新跟进', en: 'Ratings at or below this reopen the case' },
  }),

  'grading.periodMonths': define({
    group: 'grading',
    schema: z
      .number()
      .int()
      .refine((m) => (PERIOD_MONTHS as readonly number[]).includes(m), 'One of 1, 2, 3, 4, 6 or 12 months'),
    default: 3,
    unit: 'months',
    label: { 'zh-CN': '档位评定周期', en: 'Grading period' },
  }),
  'grading.integrityCapGrade': define({
    group: 'grading',
    schema: z.number().int().min(1).max(30),
    default: 10,
    unit: 'grade',
    label: { 'zh-CN': '严重失信（C/D）档位上限', en: 'Grade cap for integrity C or D' },
  }),
  'grading.shareTable': define({
    group: 'grading',
    schema: z
      .array(z.number().min(0).max(100))
      .length(30)
      .refine((shares) => Math.abs(shares.reduce((a, b) => a + b, 0) - 100) < 0.001, 'The 30 shares must add up to 100'),
    default: DEFAULT_GRADE_SHARES,
    unit: '%',
    label: { 'zh-CN': '各档位客户占比', en: 'Share of retailers per grade' },
  }),
  'grading.scoreWeights': define({
    group: 'grading',
    schema: z
      .object({
        volume: z.number().min(0).max(100),
        amount: z.number().min(0).max(100),
        variety: z.number().min(0).max(100),
        classShare: z.number().min(0).max(100),
      })
      .refine((w) => Math.abs(w.volume + w.amount + w.variety + w.classShare - 100) < 0.001, 'The four weights must add up to 100'),
    default: { volume: 35, amount: 55, variety: 5, classShare: 5 },
    unit: 'points',
    label: {
      'zh-CN': '档位评分权重（条量、金额、规格数、二类以上占比）',
      en: 'Grading score weights (volume, amount, variety, class share)',
    },
  }),
  'grading.initialGrades': define({
    group: 'grading',
    schema: z.object({
      formBase: z.object({ Z: grade, B: grade, S: grade, N: grade, Y: grade, F: grade, Q: grade }),
      marketBonus: z.object({ C: z.number().int().min(-29).max(29), X: z.number().int().min(-29).max(29) }),
      areaBonus: z
        .array(z.object({ minM2: z.number().int().min(1).max(100_000), bonus: z.number().int().min(-29).max(29) }))
        .max(10)
        .refine((steps) => steps.every((s, i) => i === 0 || s.minM2 > steps[i - 1]!.minM2), 'Areas must ascend'),
    }),
    default: DEFAULT_INITIAL_GRADES,
    unit: 'grade',
    label: {
      'zh-CN': '新户初始档位（业态基数、城乡加档、经营面积加档）',
      en: 'Initial grade of a new retailer (form base, market and shop-area bonus)',
    },
  }),
  'grading.appealWorkingDays': define({
    group: 'grading',
    schema: workingDays,
    default: 10,
    unit: 'working days',
    label: { 'zh-CN': '档位复核办理时限', en: 'Decide a grade appeal within' },
  }),

  'surveys.invitationsPerMonth': define({
    group: 'surveys',
    schema: z.number().int().min(1).max(10),
    default: 2,
    unit: 'invitations',
    label: { 'zh-CN': '每户每月最多问卷邀请数', en: 'Survey invitations per retailer per month' },
  }),
  'surveys.anonymityThreshold': define({
    group: 'surveys',
    schema: z.number().int().min(2).max(50),
    default: 5,
    unit: 'respondents',
    label: { 'zh-CN': '结果展示最少样本数', en: 'Smallest group shown' },
  }),
  'surveys.sampleRate': define({
    group: 'surveys',
    schema: z.number().min(0.001).max(1),
    default: 0.02,
    unit: 'ratio',
    label: { 'zh-CN': '分层抽样比例', en: 'Stratified sample rate' },
  }),

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

  'anomalies.orderSpikeRatio': define({
    group: 'anomalies',
    schema: z.number().min(1).max(20),
    default: 2,
    unit: 'ratio',
    label: { 'zh-CN': '单次订货异动倍数', en: 'Order spike ratio' },
  }),
  'anomalies.monthSpikeRatio': define({
    group: 'anomalies',
    schema: z.number().min(1).max(20),
    default: 2,
    unit: 'ratio',
    label: { 'zh-CN': '月订货量异动倍数（对比上月）', en: 'Month volume spike ratio (vs previous month)' },
  }),
  'anomalies.priceSpikeRatio': define({
    group: 'anomalies',
    schema: z.number().min(1).max(20),
    default: 2,
    unit: 'ratio',
    label: { 'zh-CN': '条均价异动倍数', en: 'Mean price per carton spike ratio' },
  }),
  'anomalies.baselineCycles': define({
    group: 'anomalies',
    schema: z.number().int().min(1).max(12),
    default: 3,
    unit: 'cycles',
    label: { 'zh-CN': '异动比较的前期周期数', en: 'Cycles averaged as the baseline' },
  }),
  'anomalies.minOrderQuantity': define({
    group: 'anomalies',
    schema: z.number().int().min(0),
    default: 20,
    unit: 'tiao',
    label: { 'zh-CN': '忽略小于该量的订单', en: 'Ignore orders under' },
  }),
  'anomalies.stoppedCycles': define({
    group: 'anomalies',
    schema: z.number().int().min(1).max(52),
    default: 3,
    unit: 'cycles',
    label: { 'zh-CN': '连续未订货周期', en: 'Cycles without orders' },
  }),
  'anomalies.largeRetailerMonthly': define({
    group: 'anomalies',
    schema: z.number().int().min(1),
    default: 1000,
    unit: 'tiao',
    label: { 'zh-CN': '大户月订货量', en: 'Large retailer monthly volume' },
  }),
  'anomalies.askRetailerRules': define({
    group: 'anomalies',
    schema: z.array(z.enum(ALERT_RULES)),
    default: ['ORDER_SPIKE', 'MONTH_SPIKE', 'STOPPED_ORDERING'],
    unit: 'rules',
    label: { 'zh-CN': '请零售客户说明原因的异动规则', en: 'Rules on which the retailer is asked for an explanation' },
  }),

  'complaints.attachmentMaxMegabytes': define({
    group: 'complaints',
    schema: z.number().int().min(1).max(50),
    default: 10,
    unit: 'megabytes',
    label: { 'zh-CN': '单个附件大小上限', en: 'Largest attachment' },
  }),

  'visits.frequencyMatrix': define({
    group: 'visits',
    schema: z
      .array(
        z.object({
          gradeFrom: z.number().int().min(1).max(30),
          gradeTo: z.number().int().min(1).max(30),
          perMonth: z.object({
            AAA: visitsPerMonth,
            AA: visitsPerMonth,
            A: visitsPerMonth,
            B: visitsPerMonth,
            C: visitsPerMonth,
            D: visitsPerMonth,
          }),
        }),
      )
      .min(1)
      .refine((bands) => coversAllGrades(bands), 'The grade bands must cover grades 1 to 30 once each'),
    default: [
      { gradeFrom: 1, gradeTo: 10, perMonth: { AAA: 1, AA: 1, A: 1, B: 2, C: 4, D: 4 } },
      { gradeFrom: 11, gradeTo: 20, perMonth: { AAA: 1, AA: 2, A: 2, B: 2, C: 4, D: 4 } },
      { gradeFrom: 21, gradeTo: 30, perMonth: { AAA: 2, AA: 2, A: 3, B: 3, C: 4, D: 4 } },
    ],
    unit: 'visits per month',
    label: { 'zh-CN': '拜访频次（档位段 × 诚信等级，每月次数）', en: 'Visit frequency (grade band × integrity, visits a month)' },
  }),

  'backup.everyHours': define({
    group: 'backup',
    schema: z.number().int().min(0).max(168),
    default: 24,
    unit: 'hours',
    label: { 'zh-CN': '数据库备份间隔（0 为不自动备份）', en: 'Database backup every (0 = no automatic backup)' },
  }),
  'backup.keepDays': define({
    group: 'backup',
    schema: z.number().int().min(1).max(3650),
    default: 14,
    unit: 'days',
    label: { 'zh-CN': '备份保留天数', en: 'Keep backups for' },
  }),

  'notifications.dailyCap': define({
    group: 'notifications',
    schema: z.number().int().min(0).max(100),
    default: 5,
    unit: 'messages',
    label: {
      'zh-CN': '每户每天短信和微信消息上限（0 为不发；验证码不计）',
      en: 'SMS and WeChat messages per shop per day (0 = none; reset codes not counted)',
    },
  }),
  'notifications.greetingPoints': define({
    group: 'notifications',
    schema: z.number().int().min(0).max(10_000),
    default: 0,
    unit: 'points',
    label: { 'zh-CN': '生日和开业纪念日赠送积分（0 为不送）', en: 'Points granted with a birthday or anniversary greeting (0 = none)' },
  }),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export type SettingValues = { [K in SettingKey]: SettingValue<K> };

export type CrossSettingError = { keys: SettingKey[]; messageKey: 'admin.settings.error.businessHours' };

/**
 * Rules that tie settings together, checked on the whole set after a change: a value can be valid alone
 * and still break the clocks with its neighbour (business hours that end before they start).
 */
export function crossSettingErrors(
  values: Pick<SettingValues, 'complaints.businessHoursStart' | 'complaints.businessHoursEnd'>,
): CrossSettingError[] {
  const errors: CrossSettingError[] = [];
  if (values['complaints.businessHoursEnd'] <= values['complaints.businessHoursStart']) {
    errors.push({
      keys: ['complaints.businessHoursStart', 'complaints.businessHoursEnd'],
      messageKey: 'admin.settings.error.businessHours',
    });
  }
  return errors;
}
