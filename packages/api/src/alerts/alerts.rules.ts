import { addDays } from '../schedule/calendar.rules';

// The anomaly (异动) rules of domain.md §10, as plain functions over one retailer's history. The job runs
// the same rules as set-based SQL over the order lines (alerts.sql.ts); an integration test holds the SQL
// to these functions on the same histories, so this file is the definition staff can read.
//
// Choices the domain leaves open, made here once:
// - A cycle is a week (Monday weekStart). The baseline is the N weeks before the cycle; a week of the
//   baseline with no order (a shop closed over a holiday) is left out of the mean instead of counting as 0,
//   so a closed week does not make the next ordinary order look like a spike.
// - "New retailer": opened after the first day of the baseline, or no order at all in the baseline.
// - Orders under the floor (anomalies.minOrderQuantity, 20 条) are never judged as spikes.
// - Month rules judge a calendar month when the cycle containing its last day closes.
// - 大户 fires when a retailer reaches the monthly volume, not again every month while they stay there.
// - Stopped ordering fires once, when the N-th empty cycle closes after a cycle with an order.

export const ALERT_RULES = ['ORDER_SPIKE', 'MONTH_SPIKE', 'PRICE_SPIKE', 'STOPPED_ORDERING', 'LARGE_RETAILER'] as const;
export type AlertRuleName = (typeof ALERT_RULES)[number];

export const ALERT_STATES = ['OPEN', 'CONFIRMED', 'EXPLAINED', 'FALSE_POSITIVE'] as const;
export type AlertStateName = (typeof ALERT_STATES)[number];
export const TRIAGE_STATES = ['CONFIRMED', 'EXPLAINED', 'FALSE_POSITIVE'] as const;

export const ANOMALY_SETTING_KEYS = [
  'anomalies.orderSpikeRatio',
  'anomalies.monthSpikeRatio',
  'anomalies.priceSpikeRatio',
  'anomalies.baselineCycles',
  'anomalies.minOrderQuantity',
  'anomalies.stoppedCycles',
  'anomalies.largeRetailerMonthly',
] as const;

export type AnomalySettings = {
  orderSpikeRatio: number;
  monthSpikeRatio: number;
  priceSpikeRatio: number;
  baselineCycles: number;
  minOrderQuantity: number;
  stoppedCycles: number;
  largeRetailerMonthly: number;
};

export function toAnomalySettings(values: Record<(typeof ANOMALY_SETTING_KEYS)[number], number>): AnomalySettings {
  return {
    orderSpikeRatio: values['anomalies.orderSpikeRatio'],
    monthSpikeRatio: values['anomalies.monthSpikeRatio'],
    priceSpikeRatio: values['anomalies.priceSpikeRatio'],
    baselineCycles: values['anomalies.baselineCycles'],
    minOrderQuantity: values['anomalies.minOrderQuantity'],
    stoppedCycles: values['anomalies.stoppedCycles'],
    largeRetailerMonthly: values['anomalies.largeRetailerMonthly'],
  };
}

/** What one retailer ordered in one cycle (confirmed orders only). */
export type WeekTotal = { quantity: number; amountFen: number };

export type RetailerHistory = {
  /** yyyy-mm-dd */
  openedOn: string;
  active: boolean;
  /** Per cycle, keyed by the cycle's Monday (yyyy-mm-dd); a missing week is a week without orders. */
  weeks: ReadonlyMap<string, WeekTotal>;
  /** 条 per calendar month, keyed yyyy-mm, by the order date. */
  months: ReadonlyMap<string, number>;
};

export type Figures = Record<string, number | string | boolean>;
export type FiredRule = { rule: AlertRuleName; figures: Figures };

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The Mondays of the N cycles before `cycleStart`, most recent first. */
export function baselineWeeks(cycleStart: string, cycles: number): string[] {
  return Array.from({ length: cycles }, (_, i) => addDays(cycleStart, -7 * (i + 1)));
}

/** The rules judged on the cycle itself: order spike, price spike, stopped ordering. */
export function cycleRules(history: RetailerHistory, cycleStart: string, settings: AnomalySettings, holiday = false): FiredRule[] {
  const fired: FiredRule[] = [];
  const baseline = baselineWeeks(cycleStart, settings.baselineCycles);
  const baselineStart = baseline.at(-1)!;
  const ordered = baseline.map((week) => history.weeks.get(week)).filter((w): w is WeekTotal => !!w && w.quantity > 0);
  const current = history.weeks.get(cycleStart);
  const established = history.openedOn <= baselineStart && ordered.length > 0;

  if (current && current.quantity >= settings.minOrderQuantity && established) {
    const baseQuantity = ordered.reduce((sum, w) => sum + w.quantity, 0);
    const baseAmount = ordered.reduce((sum, w) => sum + w.amountFen, 0);
    const mean = baseQuantity / ordered.length;
    if (current.quantity > settings.orderSpikeRatio * mean) {
      fired.push({
        rule: 'ORDER_SPIKE',
        figures: {
          quantity: current.quantity,
          baselineMean: round2(mean),
          baselineCycles: ordered.length,
          ratio: round2(current.quantity / mean),
          threshold: settings.orderSpikeRatio,
          holiday,
        },
      });
    }
    const price = current.amountFen / current.quantity;
    const basePrice = baseAmount / baseQuantity;
    if (price > settings.priceSpikeRatio * basePrice) {
      fired.push({
        rule: 'PRICE_SPIKE',
        figures: {
          meanPriceFen: Math.round(price),
          baselinePriceFen: Math.round(basePrice),
          baselineCycles: ordered.length,
          ratio: round2(price / basePrice),
          threshold: settings.priceSpikeRatio,
          holiday,
        },
      });
    }
  }

  // Stopped: an order in the cycle just before the last N, none in the N cycles ending with this one.
  const lastOrderWeek = addDays(cycleStart, -7 * settings.stoppedCycles);
  const empty = Array.from({ length: settings.stoppedCycles }, (_, i) => addDays(cycleStart, -7 * i));
  if (
    history.active &&
    history.openedOn <= lastOrderWeek &&
    (history.weeks.get(lastOrderWeek)?.quantity ?? 0) > 0 &&
    empty.every((week) => (history.weeks.get(week)?.quantity ?? 0) === 0)
  ) {
    fired.push({ rule: 'STOPPED_ORDERING', figures: { cycles: settings.stoppedCycles, lastOrderCycle: lastOrderWeek } });
  }
  return fired;
}

/** The calendar month (yyyy-mm) whose last day falls in the cycle, or null when the cycle closes none. */
export function monthClosedBy(cycleStart: string): string | null {
  const cycleEnd = addDays(cycleStart, 6);
  const nextDay = addDays(cycleEnd, 1);
  if (cycleStart.slice(0, 7) !== cycleEnd.slice(0, 7)) return cycleStart.slice(0, 7);
  return nextDay.slice(0, 7) !== cycleEnd.slice(0, 7) ? cycleEnd.slice(0, 7) : null;
}

export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** The month rules: month spike vs the previous month, and reaching the 大户 volume. */
export function monthRules(history: RetailerHistory, month: string, settings: AnomalySettings): FiredRule[] {
  const fired: FiredRule[] = [];
  const before = previousMonth(month);
  const quantity = history.months.get(month) ?? 0;
  const previousQuantity = history.months.get(before) ?? 0;
  if (
    quantity >= settings.minOrderQuantity &&
    previousQuantity > 0 &&
    history.openedOn <= `${before}-01` &&
    quantity > settings.monthSpikeRatio * previousQuantity
  ) {
    fired.push({
      rule: 'MONTH_SPIKE',
      figures: {
        month,
        quantity,
        previousMonth: before,
        previousQuantity,
        ratio: round2(quantity / previousQuantity),
        threshold: settings.monthSpikeRatio,
      },
    });
  }
  if (quantity >= settings.largeRetailerMonthly && previousQuantity < settings.largeRetailerMonthly) {
    fired.push({
      rule: 'LARGE_RETAILER',
      figures: { month, quantity, previousMonth: before, previousQuantity, threshold: settings.largeRetailerMonthly },
    });
  }
  return fired;
}

/**
 * Every rule for one retailer when a cycle closes. `holiday`: the cycle holds a public holiday, the most
 * common innocent reason for a spike; it is shown on the alert to help triage, it does not silence it.
 */
export function anomaliesForCycle(history: RetailerHistory, cycleStart: string, settings: AnomalySettings, holiday = false): FiredRule[] {
  const month = monthClosedBy(cycleStart);
  return [...cycleRules(history, cycleStart, settings, holiday), ...(month ? monthRules(history, month, settings) : [])];
}

// ---------------------------------------------------------------- triage

/** Who may move an alert where: only an open alert is triaged; a triaged one is final unless reopened by a new run. */
export function canTriage(state: AlertStateName): boolean {
  return state === 'OPEN';
}

/** The retailer may answer while the question is open: asked, not yet answered, alert not closed as false. */
export function canAnswer(alert: { askedAt: Date | null; answeredAt: Date | null; state: AlertStateName }): boolean {
  return alert.askedAt !== null && alert.answeredAt === null && alert.state !== 'FALSE_POSITIVE';
}
