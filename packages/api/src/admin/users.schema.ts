import { z } from 'zod';
import { STAFF_ROLES } from '@tobacco/auth/permissions';

// Staff users: the back office's forms and the procedures share these. Messages are i18n keys.
export const ZStaffRole = z.enum(STAFF_ROLES);
export const USER_PAGE_SIZE = 20;

const optionalId = z.number().int().positive().nullable().optional();
const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})?$/, 'admin.validation.phone')
  .optional();

export const ZListUsersInput = z.object({
  q: z.string().trim().max(50).optional(),
  role: ZStaffRole.optional(),
  districtId: z.number().int().positive().optional(),
  departmentId: z.number().int().positive().optional(),
  status: z.enum(['active', 'inactive', 'locked']).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type TListUsersInput = z.input<typeof ZListUsersInput>;

const userFields = {
  name: z.string().trim().min(1, 'admin.validation.required').max(40, 'admin.validation.tooLong'),
  phone,
  roles: z.array(ZStaffRole).min(1, 'admin.validation.roles').max(STAFF_ROLES.length),
  districtId: optionalId,
  departmentId: optionalId,
};

export const ZCreateUserInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.-]{2,31}$/, 'admin.validation.username'),
  ...userFields,
});
export type TCreateUserInput = z.input<typeof ZCreateUserInput>;

export const ZUpdateUserInput = z.object({ id: z.number().int().positive(), ...userFields });
export type TUpdateUserInput = z.input<typeof ZUpdateUserInput>;

export const ZUserIdInput = z.object({ id: z.number().int().positive() });
export const ZSetUserActiveInput = z.object({ id: z.number().int().positive(), active: z.boolean() });

const strongPassword = z
  .string()
  .min(8, 'admin.validation.passwordWeak')
  .max(128, 'admin.validation.passwordWeak')
  .regex(/[A-Za-z]/, 'admin.validation.passwordWeak')
  .regex(/\d/, 'admin.validation.passwordWeak');

export const ZChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, 'admin.validation.required').max(128),
    newPassword: strongPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: 'admin.validation.passwordMismatch', path: ['confirmPassword'] })
  .refine((v) => v.newPassword !== v.currentPassword, { message: 'admin.validation.passwordSame', path: ['newPassword'] });
export type TChangePasswordInput = z.input<typeof ZChangePasswordInput>;
