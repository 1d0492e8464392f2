import { addDays } from '../schedule/calendar.rules';
import { MAX_GRADE, MIN_GRADE, limitForGrade, type LimitBand } from './allocation.rules';

// Versions of an allocation policy (domain.md §4), with no I/O: when an approved version is published,
// what changed between any two versions, and the state machine of a version.

// The publish time also decides which cycle is current, so it lives with the schedule rules.
export { scheduledPublishAt } from '../schedule/schedule.rules';

/** An approved version publishes at its scheduled time, or at once when that has passed (or a manager asks). */
export function publishAtFor(scheduled: Date, now: Date, publishNow: boolean): Date {
  return publishNow || scheduled <= now ? now : scheduled;
}

export type PolicyState = 'DRAFT' | 'PENDING_APPROVAL' | 'APPROVED' | 'PUBLISHED' | 'REJECTED' | 'SUPERSEDED';
export type PolicyAction = 'edit' | 'submit' | 'approve' | 'reject' | 'publish' | 'supersede';

const TRANSITIONS: Record<PolicyAction, Partial<Record<PolicyState, PolicyState>>> = {
  edit: { DRAFT: 'DRAFT', REJECTED: 'DRAFT' },
  submit: { DRAFT: 'PENDING_APPROVAL' },
  approve: { PENDING_APPROVAL: 'APPROVED' },
  reject: { PENDING_APPROVAL: 'REJECTED' },
  publish: { APPROVED: 'PUBLISHED' },
  supersede: { PUBLISHED: 'SUPERSEDED' },
};

export function nextPolicyState(state: PolicyState, action: PolicyAction): PolicyState | null {
  return TRANSITIONS[action][state] ?? null;
}

export type PolicyChange = { productId: number; gradeFrom: number; gradeTo: number; before: number | null; after: number | null };

/**
 * What differs between two versions, per product and run of grades with the same pair of limits (null:
 * unlimited). Bands need not line up between versions: grades are compared one by one and then merged.
 */
export function diffPolicies(before: readonly LimitBand[], after: readonly LimitBand[]): PolicyChange[] {
  const products = [...new Set([...before, ...after].map((row) => row.productId))].sort((a, b) => a - b);
  const out: PolicyChange[] = [];
  for (const productId of products) {
    let run: PolicyChange | null = null;
    for (let grade = MIN_GRADE; grade <= MAX_GRADE; grade += 1) {
      const a = limitForGrade(before, productId, grade)?.limitQuantity ?? null;
      const b = limitForGrade(after, productId, grade)?.limitQuantity ?? null;
      if (a === b) {
        run = null;
        continue;
      }
      if (run && run.before === a && run.after === b && run.gradeTo === grade - 1) run.gradeTo = grade;
      else {
        run = { productId, gradeFrom: grade, gradeTo: grade, before: a, after: b };
        out.push(run);
      }
    }
  }
  return out;
}

/** The ISO week code of a cycle's Monday ('2026-W48'), as cycles are named. */
export function isoWeekCode(monday: string): string {
  const thursday = new Date(`${addDays(monday, 3)}T00:00:00Z`);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
