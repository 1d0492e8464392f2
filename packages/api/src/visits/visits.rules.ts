import type { SettingValue } from '../admin/settings.registry';
import { addDays } from '../schedule/calendar.rules';

// How often an account manager should visit a shop (domain.md §10): the frequency matrix, grade band ×
// integrity level → visits a month (setting visits.frequencyMatrix). Pure, so the workbench, the home and
// the tests count the same way.

export type FrequencyMatrix = SettingValue<'visits.frequencyMatrix'>;
export type IntegrityLevelName = 'AAA' | 'AA' | 'A' | 'B' | 'C' | 'D';

/** Visits a month for a shop; a shop not graded yet counts in the lowest band. */
export function visitsPerMonth(matrix: FrequencyMatrix, grade: number | null, integrity: IntegrityLevelName): number {
  const g = grade ?? 1;
  const band = matrix.find((b) => g >= b.gradeFrom && g <= b.gradeTo) ?? matrix[0];
  return band ? band.perMonth[integrity] : 0;
}

/** What is still due this month: never negative, whatever was done beyond the plan. */
export function visitsDue(perMonth: number, doneThisMonth: number): number {
  return Math.max(0, perMonth - doneThisMonth);
}

/** First and last day (yyyy-mm-dd) of the calendar month of `today`. */
export function monthOf(today: string): { from: string; to: string } {
  const from = `${today.slice(0, 7)}-01`;
  const nextMonth = addDays(`${today.slice(0, 7)}-28`, 7).slice(0, 7);
  return { from, to: addDays(`${nextMonth}-01`, -1) };
}

/**
 * Behind plan: at this point of the month the shop should have had its share of the month's visits.
 * 2 visits a month, day 20 of 30 → 1.33 expected; with 0 done the shop is overdue.
 */
export function isOverdue(perMonth: number, done: number, today: string): boolean {
  const { to } = monthOf(today);
  const day = Number(today.slice(8, 10));
  const days = Number(to.slice(8, 10));
  return done < Math.floor((perMonth * day) / days);
}
