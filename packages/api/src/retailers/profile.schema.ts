import { z } from 'zod/mini';

// The portal's profile forms (change request, change password) and their procedures share these.
// zod/mini keeps the forms' JavaScript small on a phone.

// A mobile number, or a landline with its area code (0571-87654321).
export const PHONE_RE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

const optionalText = (
  min: number,
  max: number,
  key: 'retailers.changeRequest.addressInvalid' | 'retailers.changeRequest.contactNameInvalid',
) =>
  z.optional(
    z.string().check(
      z.trim(),
      z.refine((v) => v === '' || (v.length >= min && v.length <= max), key),
    ),
  );

export const ZRequestContactChangeInput = z
  .object({
    phone: z.optional(
      z.string().check(
        z.trim(),
        z.refine((v) => v === '' || PHONE_RE.test(v), 'retailers.changeRequest.phoneInvalid'),
      ),
    ),
    address: optionalText(5, 120, 'retailers.changeRequest.addressInvalid'),
    contactName: optionalText(2, 20, 'retailers.changeRequest.contactNameInvalid'),
    reason: z.optional(z.string().check(z.trim(), z.maxLength(200, 'retailers.changeRequest.reasonTooLong'))),
  })
  .check(
    z.refine((v) => Boolean(v.phone || v.address || v.contactName), { message: 'retailers.changeRequest.nothingChanged', path: ['phone'] }),
  );
export type TRequestContactChangeInput = z.input<typeof ZRequestContactChangeInput>;

/** The same change filed by a retailer's account manager (back office, e.g. on a visit). */
export const ZStaffContactChangeInput = z.object({
  retailerId: z.number().check(z.int(), z.positive(), z.maximum(2147483647)),
  change: ZRequestContactChangeInput,
});
export type TStaffContactChangeInput = z.input<typeof ZStaffContactChangeInput>;

export const ZChangeRequestIdInput = z.object({ id: z.number().check(z.int(), z.positive()) });

export const ZChangeRequestListInput = z._default(
  z.object({
    page: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(10_000)), 1),
    pageSize: z._default(z.number().check(z.int(), z.minimum(5), z.maximum(50)), 10),
  }),
  { page: 1, pageSize: 10 },
);
export type TChangeRequestListInput = z.output<typeof ZChangeRequestListInput>;

export const ZChangePasswordInput = z
  .object({
    currentPassword: z.string().check(z.minLength(1, 'retailers.password.currentRequired'), z.maxLength(128)),
    newPassword: z
      .string()
      .check(
        z.minLength(8, 'retailers.password.weak'),
        z.maxLength(128, 'retailers.password.weak'),
        z.regex(/[A-Za-z]/, 'retailers.password.weak'),
        z.regex(/\d/, 'retailers.password.weak'),
      ),
    confirmPassword: z.string(),
  })
  .check(z.refine((v) => v.newPassword === v.confirmPassword, { message: 'retailers.password.mismatch', path: ['confirmPassword'] }));
export type TChangePasswordInput = z.input<typeof ZChangePasswordInput>;

// ---------------------------------------------------------------- portal outputs

const int = () => z.number().check(z.int());
const ZContactFields = z.object({
  phone: z.optional(z.nullable(z.string())),
  address: z.optional(z.nullable(z.string())),
  contactName: z.optional(z.nullable(z.string())),
});

export const ZMyProfileOutput = z.object({
  shop: z.object({
    licenceNo: z.string(),
    shopName: z.string(),
    ownerName: z.string(),
    contactName: z.nullable(z.string()),
    phone: z.string(),
    address: z.string(),
    district: z.object({ name: z.string(), nameEn: z.string() }),
  }),
  login: z.object({ loginName: z.string(), displayName: z.string() }),
});

const CHANGE_REQUEST_STATES = ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'] as const;

export const ZFiledChangeRequestOutput = z.object({
  id: int(),
  state: z.enum(CHANGE_REQUEST_STATES),
  changes: ZContactFields,
  createdAt: z.date(),
});

/** My requests: what I asked, and the decision with its note; never who on the staff decided. */
export const ZMyChangeRequestsOutput = z.object({
  items: z.array(
    z.object({
      id: int(),
      changes: ZContactFields,
      previous: ZContactFields,
      reason: z.nullable(z.string()),
      state: z.enum(CHANGE_REQUEST_STATES),
      decisionNote: z.nullable(z.string()),
      createdAt: z.date(),
      byAccountManager: z.boolean(),
    }),
  ),
  total: int(),
  page: int(),
  pages: int(),
});

export const ZCancelledChangeRequestOutput = z.object({ id: int(), state: z.literal('CANCELLED') });

/** The login's new session version, with which the app re-issues the caller's own session. */
export const ZPasswordChangedOutput = z.object({ sessionVersion: int() });
