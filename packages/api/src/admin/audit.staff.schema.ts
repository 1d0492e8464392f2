import { z } from 'zod';
import { isCalendarDate } from '../schedule/calendar.rules';

// The audit log screen's filters, read from the address and passed to the procedure unchanged.
export const AUDIT_PAGE_SIZE = 50;
const date = z.string().refine(isCalendarDate, 'admin.audit.invalidDate');

export const ZListAuditInput = z.object({
  actorStaffId: z.number().int().positive().optional(),
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(60).optional(),
  /** An action ('promotion.approve') or its entity part ('promotion.'). */
  action: z.string().trim().max(80).optional(),
  /** China dates, inclusive. */
  from: date.optional(),
  to: date.optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type TListAuditInput = z.input<typeof ZListAuditInput>;

export const ZEntityAuditInput = z.object({
  entityType: z.string().trim().min(1).max(60),
  entityId: z.string().trim().min(1).max(60),
});
