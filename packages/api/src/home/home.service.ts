import type { BusinessForm, IntegrityLevel, Market } from '@tobacco/db/enums';
import type { DbTx } from '@tobacco/db/client';
import { settingsFromStored } from '../admin/settings.service';
import type { RetailerActor } from '../actor';
import { policyDue } from '../allocation/allocation.service';
import { notFound } from '../errors';
import { tierProgress } from '../rewards/rewards.rules';
import { addDays, chinaDate, mondayOf } from '../schedule/calendar.rules';
import { retailerCycles, toScheduleSettings, windowStatus } from '../schedule/schedule.rules';
import { CALENDAR_DAYS_AFTER, CALENDAR_DAYS_BEFORE, workCalendarOf, type CalendarRow } from '../schedule/schedule.service';
import { HOME_SETTING_KEYS, homeAllowanceSql, homeShopSql } from './home.sql';

// The portal's home page in one procedure: two SQL statements whatever the shop has (see home.sql.ts),
// then the pure schedule and tier rules in memory.

type ShopRow = {
  id: number;
  licenceNo: string;
  shopName: string;
  ownerName: string;
  classificationCode: string;
  market: Market;
  businessForm: BusinessForm;
  grade: number | null;
  integrityLevel: IntegrityLevel;
  orderWeekday: number;
  pointsBalance: number;
  districtName: string;
  districtNameEn: string;
  managerName: string | null;
  managerPhone: string | null;
  unread: number;
  promotions: { id: number; title: string; startsAt: string; endsAt: string; opened: boolean; total: number }[];
  calendar: CalendarRow[];
  settings: Record<string, unknown>;
  cycles: { id: number; code: string; weekStart: string }[];
};

type AllowanceRow = {
  version: number | null;
  publishedAt: Date | null;
  carriedForward: boolean;
  carriedFromCycle: string | null;
  products: number;
  limitTotal: number;
  orderedTotal: number;
  remainingTotal: number;
  usedUp: number;
};

export function homeWindowDates(now: Date) {
  const today = chinaDate(now);
  const monday = mondayOf(today);
  return {
    today,
    calendarFrom: addDays(today, -CALENDAR_DAYS_BEFORE),
    calendarTo: addDays(today, CALENDAR_DAYS_AFTER),
    // retailerCycles looks 5 weeks back for an order day moved past a long holiday.
    cyclesFrom: addDays(monday, -35),
    cyclesTo: addDays(monday, 7),
  };
}

/**
 * The cycle the shop orders in now (from the calendar and settings the first statement brought) and its
 * OrderCycle row: pure, so the benchmark's plain-SQL client takes the same path.
 */
export function currentCycleOf(shop: Pick<ShopRow, 'orderWeekday' | 'calendar' | 'settings' | 'cycles'>, now: Date) {
  const settings = settingsFromStored(shop.settings, HOME_SETTING_KEYS);
  const { calendar } = workCalendarOf(shop.calendar);
  const [current] = retailerCycles(now, 1, shop.orderWeekday, calendar, toScheduleSettings(settings));
  const cycleRow = current ? shop.cycles.find((c) => c.weekStart.slice(0, 10) === current.cycleStart) : undefined;
  // A cycle without a row yet has no orders (id 0 matches none) but may have a carried-forward policy.
  const allowanceArgs = current
    ? {
        cycleId: cycleRow?.id ?? 0,
        weekStart: current.cycleStart,
        carryForward: policyDue(current.cycleStart, now, toScheduleSettings(settings)),
      }
    : undefined;
  return { settings, current, cycleRow, allowanceArgs };
}

export type HomeShopRow = ShopRow;
export type HomeAllowanceRow = AllowanceRow;

export async function getHome({ db, actor, clock }: { db: DbTx; actor: RetailerActor; clock: () => Date }) {
  const now = clock();
  const dates = homeWindowDates(now);
  const [shop] = await db.$queryRaw<ShopRow[]>(homeShopSql({ retailerId: actor.retailerId, now, ...dates }));
  if (!shop) throw notFound();
  const { settings, current, cycleRow, allowanceArgs } = currentCycleOf(shop, now);
  const allowance =
    allowanceArgs && shop.grade !== null
      ? (
          await db.$queryRaw<AllowanceRow[]>(homeAllowanceSql({ retailerId: actor.retailerId, grade: shop.grade, now, ...allowanceArgs }))
        )[0]
      : undefined;
  return {
    shop: {
      licenceNo: shop.licenceNo,
      shopName: shop.shopName,
      ownerName: shop.ownerName,
      classificationCode: shop.classificationCode,
      market: shop.market,
      businessForm: shop.businessForm,
      grade: shop.grade,
      integrityLevel: shop.integrityLevel,
      orderWeekday: shop.orderWeekday,
      district: { name: shop.districtName, nameEn: shop.districtNameEn },
      accountManager: shop.managerName ? { name: shop.managerName, phone: shop.managerPhone } : null,
    },
    cycle: current ? { ...current, code: cycleRow?.code ?? null, status: windowStatus(now, current.window) } : null,
    allowance: allowance && allowance.version !== null ? allowance : null,
    promotions: shop.promotions.map(({ total: _t, ...p }) => ({ ...p, startsAt: new Date(p.startsAt), endsAt: new Date(p.endsAt) })),
    promotionCount: shop.promotions[0]?.total ?? 0,
    points: { balance: shop.pointsBalance, progress: tierProgress(shop.pointsBalance, settings['rewards.tiers']) },
    unread: shop.unread,
    now,
  };
}

export type HomeData = Awaited<ReturnType<typeof getHome>>;
