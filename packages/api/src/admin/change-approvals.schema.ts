import { z } from 'zod';

// The approval queue of contact-detail change requests (filed in the portal or by an account manager).

export const CHANGE_REQUEST_STATES = ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'] as const;
export const CHANGE_REQUEST_PAGE_SIZE = 20;

/** The contact details a request may change, as ChangeRequest.changes / .previous hold them. */
// `previous` holds null for a detail the shop did not have (no contact name yet).
export const ZContactChanges = z.object({
  phone: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  contactName: z.string().nullable().optional(),
});
export type TContactChanges = z.infer<typeof ZContactChanges>;
export const CONTACT_FIELDS = ['phone', 'address', 'contactName'] as const;

export const ZListChangeRequestsInput = z.object({
  state: z.enum(CHANGE_REQUEST_STATES).default('PENDING'),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type TListChangeRequestsInput = z.input<typeof ZListChangeRequestsInput>;

export const ZApproveChangeRequestInput = z.object({
  id: z.number().int().positive(),
  note: z.string().trim().max(200, 'admin.validation.tooLong').optional(),
});
export const ZRejectChangeRequestInput = z.object({
  id: z.number().int().positive(),
  note: z.string().trim().min(1, 'admin.changeRequests.validation.reason').max(200, 'admin.validation.tooLong'),
});
