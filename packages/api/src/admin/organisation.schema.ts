import { z } from 'zod';

// Districts, departments and complaint categories. Nothing that may be in use is ever deleted: it is retired
// (active = false), which keeps old records readable and takes it out of every new choice.

export const DEPARTMENT_KINDS = ['MARKETING_CENTRE', 'SERVICE_CENTRE', 'MONOPOLY', 'LOGISTICS', 'FINANCE'] as const;
export const SERVICE_DIMENSIONS = [
  'SUPPLY',
  'ORDERING',
  'DELIVERY',
  'ACCOUNT_MANAGER',
  'SETTLEMENT',
  'COMPLAINTS',
  'MARKET',
  'OTHER',
] as const;

const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,20}$/, 'admin.validation.code');
const name = z.string().trim().min(1, 'admin.validation.required').max(40, 'admin.validation.tooLong');
const nameEn = z.string().trim().min(1, 'admin.validation.required').max(80, 'admin.validation.tooLong');

export const ZDistrictInput = z.object({ code, name, nameEn });
export const ZUpdateDistrictInput = ZDistrictInput.extend({ id: z.number().int().positive() });
export type TDistrictInput = z.input<typeof ZDistrictInput>;

export const ZDepartmentInput = z.object({ code, name, nameEn, kind: z.enum(DEPARTMENT_KINDS) });
export const ZUpdateDepartmentInput = ZDepartmentInput.extend({ id: z.number().int().positive() });
export type TDepartmentInput = z.input<typeof ZDepartmentInput>;

// Blank in the form means "use the settings' default".
const slaDays = z.number().int().min(1, 'admin.validation.slaDays').max(60, 'admin.validation.slaDays').nullable();

export const ZCategoryInput = z.object({
  code,
  name,
  nameEn,
  dimension: z.enum(SERVICE_DIMENSIONS),
  parentId: z.number().int().positive().nullable(),
  departmentId: z.number().int().positive({ message: 'admin.validation.required' }),
  acceptSlaDays: slaDays,
  resolveSlaDays: slaDays,
});
export const ZUpdateCategoryInput = ZCategoryInput.extend({ id: z.number().int().positive() });
export type TCategoryInput = z.input<typeof ZCategoryInput>;

export const ZSetActiveInput = z.object({ id: z.number().int().positive(), active: z.boolean() });
