import { z } from 'zod';
import { addDays } from '../schedule/calendar.rules';

// The rules of a period's points run (domain.md §7), with no I/O: period codes and their dates, which
// version of each rule is in force for a period, the parameters each kind of rule takes, and whether a
// retailer's measures meet a rule. The run itself evaluates the same conditions in SQL
// (rewards.staff.service.ts grantsSql); the integration test keeps the two in step.

export const REWARD_RULE_KINDS = ['SETTLEMENT_RATE', 'INTEGRITY', 'CONTRIBUTION', 'GROWTH', 'SURVEY_COMPLETE', 'PRICE_COMPLIANCE'] as const;
export type RewardRuleKind = (typeof REWARD_RULE_KINDS)[number];
const LEVELS = ['AAA', 'AA', 'A', 'B', 'C', 'D'] as const;

/** The parameters of each kind of rule, as stored in RewardRule.params. */
export const RULE_PARAMS = {
  SETTLEMENT_RATE: z.object({ minRate: z.number().min(0).max(1) }),
  INTEGRITY: z.object({ levels: z.array(z.enum(LEVELS)).min(1).max(6) }),
  CONTRIBUTION: z
    .object({ minShare: z.number().min(0).max(1).optional(), minGrade: z.number().int().min(1).max(30).optional() })
    .refine((p) => p.minShare !== undefined || p.minGrade !== undefined),
  GROWTH: z.object({ minGrowth: z.number().min(-1).max(10) }),
  SURVEY_COMPLETE: z.object({}),
  PRICE_COMPLIANCE: z.object({}),
} as const satisfies Record<RewardRuleKind, z.ZodType>;

export type RuleParams = { [K in RewardRuleKind]: z.output<(typeof RULE_PARAMS)[K]> };

/** The parameters parsed for their kind, or null when they do not fit it. */
export function parseRuleParams<K extends RewardRuleKind>(kind: K, params: unknown): RuleParams[K] | null {
  const parsed = RULE_PARAMS[kind].safeParse(params);
  return parsed.success ? (parsed.data as RuleParams[K]) : null;
}

/**
 * Kinds whose measure comes from systems this one is not connected to (the settlement system's success
 * rate, the inspectors' price-marking checks): they grant nothing until that data is imported.
 */
export const UNMEASURED_KINDS: readonly RewardRuleKind[] = ['SETTLEMENT_RATE', 'PRICE_COMPLIANCE'];

// ---------------------------------------------------------------- periods

const PERIOD_RE = /^(\d{4})(?:-?(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

/**
 * The one spelling of a period: 'YYYY', 'YYYY-H1', 'YYYY-Q1' or 'YYYY-MM'. Accepts lower case, spaces and
 * the compact 'YYYYQ1' older rows use, so one period never gets two runs under two spellings.
 */
export function canonicalPeriod(code: string): string {
  const match = PERIOD_RE.exec(code.trim().toUpperCase());
  if (!match) throw new RangeError(`Not a period code (YYYY, YYYY-H1, YYYY-Q1 or YYYY-MM): ${code}`);
  return match[2] ? `${match[1]}-${match[2]}` : match[1]!;
}

export function isPeriodCode(code: string): boolean {
  return PERIOD_RE.test(code.trim().toUpperCase());
}

/** Every spelling a stored row may use for a canonical period ('2026-Q1' and '2026Q1'). */
export function periodSpellings(canonical: string): string[] {
  return [...new Set([canonical, canonical.replace('-', '')])];
}

/** The first and last China date of a period, inclusive. */
export function periodRange(code: string): { from: string; to: string } {
  const canonical = canonicalPeriod(code);
  const [yearText, part] = canonical.split('-') as [string, string | undefined];
  const year = Number(yearText);
  const monthStart = (month: number) => `${year + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-01`;
  let first = 1;
  let months = 12;
  if (part?.startsWith('H')) [first, months] = [part === 'H1' ? 1 : 7, 6];
  else if (part?.startsWith('Q')) [first, months] = [(Number(part[1]) - 1) * 3 + 1, 3];
  else if (part) [first, months] = [Number(part), 1];
  return { from: monthStart(first), to: addDays(monthStart(first + months), -1) };
}

/** The same dates a year earlier (29 February becomes 28 February). */
export function sameRangeLastYear(range: { from: string; to: string }): { from: string; to: string } {
  const back = (date: string) => {
    const [y, m, d] = date.split('-') as [string, string, string];
    const year = Number(y) - 1;
    const day = m === '02' && d === '29' ? '28' : d;
    return `${year}-${m}-${day}`;
  };
  return { from: back(range.from), to: back(range.to) };
}

// ---------------------------------------------------------------- rule versions

export type RuleVersion = {
  id: number;
  kind: RewardRuleKind;
  effectiveFrom: string;
  active: boolean;
  points: number;
  params: unknown;
  name: string;
  nameEn: string;
};

/**
 * The rules in force for a period: for each kind, the version with the latest start not after the
 * period's start (on a tie, the newest row); a kind whose version in force is switched off grants nothing.
 */
export function rulesInForce<T extends RuleVersion>(rules: readonly T[], periodCode: string): T[] {
  const start = periodRange(periodCode).from;
  const byKind = new Map<RewardRuleKind, T>();
  for (const rule of rules) {
    if (!isPeriodCode(rule.effectiveFrom)) continue;
    const from = periodRange(rule.effectiveFrom).from;
    if (from > start) continue;
    const current = byKind.get(rule.kind);
    const currentFrom = current ? periodRange(current.effectiveFrom).from : '';
    if (!current || from > currentFrom || (from === currentFrom && rule.id > current.id)) byKind.set(rule.kind, rule);
  }
  return REWARD_RULE_KINDS.map((kind) => byKind.get(kind)).filter((rule): rule is T => rule !== undefined && rule.active);
}

// ---------------------------------------------------------------- meeting a rule

export type RetailerMeasures = {
  grade: number | null;
  integrityLevel: (typeof LEVELS)[number];
  /** 条 ordered in the period, and in the same dates a year before. */
  volume: number;
  prevVolume: number;
  /** The retailer's share of the company's volume in the period, 0..1. */
  share: number;
  surveyComplete: boolean;
  /** null: no data (see UNMEASURED_KINDS). */
  settlementRate: number | null;
  priceCompliant: boolean | null;
};

/** Whether the measures meet a rule; false for parameters that do not fit the kind. */
export function meetsRule(rule: { kind: RewardRuleKind; params: unknown }, m: RetailerMeasures): boolean {
  switch (rule.kind) {
    case 'SETTLEMENT_RATE': {
      const p = parseRuleParams('SETTLEMENT_RATE', rule.params);
      return p !== null && m.settlementRate !== null && m.settlementRate >= p.minRate;
    }
    case 'INTEGRITY': {
      const p = parseRuleParams('INTEGRITY', rule.params);
      return p !== null && p.levels.includes(m.integrityLevel);
    }
    case 'CONTRIBUTION': {
      const p = parseRuleParams('CONTRIBUTION', rule.params);
      if (!p) return false;
      if (p.minShare !== undefined && !(m.share >= p.minShare)) return false;
      if (p.minGrade !== undefined && !(m.grade !== null && m.grade >= p.minGrade)) return false;
      return true;
    }
    case 'GROWTH': {
      const p = parseRuleParams('GROWTH', rule.params);
      // No orders a year ago: growth cannot be measured, so it is not granted.
      // The growth compared with a small tolerance: 110 on 100 is 10 % even in floating point.
      return p !== null && m.prevVolume > 0 && m.volume - m.prevVolume >= m.prevVolume * p.minGrowth - 1e-9;
    }
    case 'SURVEY_COMPLETE':
      return m.surveyComplete;
    case 'PRICE_COMPLIANCE':
      return m.priceCompliant === true;
  }
}
