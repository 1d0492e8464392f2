import type { DbTx } from '@tobacco/db/client';
import type { z } from 'zod';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { writeAudit } from './audit';
import type {
  ZCategoryInput,
  ZDepartmentInput,
  ZDistrictInput,
  ZSetActiveInput,
  ZUpdateCategoryInput,
  ZUpdateDepartmentInput,
  ZUpdateDistrictInput,
} from './organisation.schema';

// ---------------------------------------------------------------- districts and departments

/** Districts and departments with how many retailers and staff use each (counted in SQL). */
export async function listOrganisation({ db }: StaffDeps) {
  const [districts, departments] = await Promise.all([
    db.district.findMany({ orderBy: { code: 'asc' }, include: { _count: { select: { retailers: true, staff: true } } } }),
    db.department.findMany({
      orderBy: { code: 'asc' },
      include: { _count: { select: { staff: true, categories: true, complaints: true } } },
    }),
  ]);
  return {
    districts: districts.map(({ _count, ...d }) => ({ ...d, retailers: _count.retailers, staff: _count.staff })),
    departments: departments.map(({ _count, ...d }) => ({
      ...d,
      staff: _count.staff,
      categories: _count.categories,
      complaints: _count.complaints,
    })),
  };
}

async function assertUniqueCode(taken: Promise<{ id: number } | null>, id?: number) {
  const row = await taken;
  if (row && row.id !== id) throw new DomainError('CONFLICT', 'admin.organisation.error.codeTaken');
}

export async function createDistrict({ db, actor }: StaffDeps, input: z.output<typeof ZDistrictInput>) {
  return db.$transaction(async (tx) => {
    await assertUniqueCode(tx.district.findUnique({ where: { code: input.code }, select: { id: true } }));
    const district = await tx.district.create({ data: input });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'district.create',
      entityType: 'District',
      entityId: district.id,
      after: input,
    });
    return district;
  });
}

export async function updateDistrict({ db, actor }: StaffDeps, { id, ...input }: z.output<typeof ZUpdateDistrictInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.district.findUnique({ where: { id } });
    if (!before) throw notFound();
    await assertUniqueCode(tx.district.findUnique({ where: { code: input.code }, select: { id: true } }), id);
    const district = await tx.district.update({ where: { id }, data: input });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'district.update',
      entityType: 'District',
      entityId: id,
      before,
      after: district,
    });
    return district;
  });
}

/** Retiring keeps the district on its retailers and staff, but offers it for nothing new. */
export async function setDistrictActive({ db, actor }: StaffDeps, input: z.output<typeof ZSetActiveInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.district.findUnique({ where: { id: input.id }, select: { active: true } });
    if (!before) throw notFound();
    await tx.district.update({ where: { id: input.id }, data: { active: input.active } });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: input.active ? 'district.restore' : 'district.retire',
      entityType: 'District',
      entityId: input.id,
      before,
      after: { active: input.active },
    });
    return { id: input.id, active: input.active };
  });
}

export async function createDepartment({ db, actor }: StaffDeps, input: z.output<typeof ZDepartmentInput>) {
  return db.$transaction(async (tx) => {
    await assertUniqueCode(tx.department.findUnique({ where: { code: input.code }, select: { id: true } }));
    const department = await tx.department.create({ data: input });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'department.create',
      entityType: 'Department',
      entityId: department.id,
      after: input,
    });
    return department;
  });
}

export async function updateDepartment({ db, actor }: StaffDeps, { id, ...input }: z.output<typeof ZUpdateDepartmentInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.department.findUnique({ where: { id } });
    if (!before) throw notFound();
    await assertUniqueCode(tx.department.findUnique({ where: { code: input.code }, select: { id: true } }), id);
    const department = await tx.department.update({ where: { id }, data: input });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'department.update',
      entityType: 'Department',
      entityId: id,
      before,
      after: department,
    });
    return department;
  });
}

/** A department that still owns active categories cannot be retired: their new cases would have nowhere to go. */
export async function setDepartmentActive({ db, actor }: StaffDeps, input: z.output<typeof ZSetActiveInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.department.findUnique({ where: { id: input.id }, select: { active: true } });
    if (!before) throw notFound();
    if (!input.active && (await tx.complaintCategory.count({ where: { departmentId: input.id, active: true } })) > 0) {
      throw new DomainError('INVALID_STATE', 'admin.organisation.error.departmentOwnsCategories');
    }
    await tx.department.update({ where: { id: input.id }, data: { active: input.active } });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: input.active ? 'department.restore' : 'department.retire',
      entityType: 'Department',
      entityId: input.id,
      before,
      after: { active: input.active },
    });
    return { id: input.id, active: input.active };
  });
}

// ---------------------------------------------------------------- complaint categories

/** The category tree, flat and ordered parent-first, with its owning department and case counts. */
export async function listCategories({ db }: StaffDeps) {
  const rows = await db.complaintCategory.findMany({
    orderBy: { code: 'asc' },
    include: {
      department: { select: { id: true, name: true, nameEn: true, active: true } },
      _count: { select: { complaints: true, children: true } },
    },
  });
  const byParent = new Map<number | null, typeof rows>();
  for (const row of rows) byParent.set(row.parentId, [...(byParent.get(row.parentId) ?? []), row]);
  const ordered: ((typeof rows)[number] & { depth: number })[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const row of byParent.get(parentId) ?? []) {
      ordered.push({ ...row, depth });
      walk(row.id, depth + 1);
    }
  };
  walk(null, 0);
  return ordered.map(({ _count, ...row }) => ({ ...row, complaints: _count.complaints, children: _count.children }));
}

async function assertCategoryLinks(tx: DbTx, input: { parentId: number | null; departmentId: number }, id?: number) {
  const department = await tx.department.findUnique({ where: { id: input.departmentId }, select: { active: true } });
  if (!department?.active) throw new DomainError('VALIDATION', 'admin.error.unknownDepartment');
  if (input.parentId !== null) {
    // Walk up from the new parent: meeting the category itself would make a cycle.
    let cursor: number | null = input.parentId;
    for (let depth = 0; cursor !== null; depth += 1) {
      if (cursor === id || depth > 20) throw new DomainError('VALIDATION', 'admin.categories.error.cycle');
      const parent: { parentId: number | null } | null = await tx.complaintCategory.findUnique({
        where: { id: cursor },
        select: { parentId: true },
      });
      if (!parent) throw new DomainError('VALIDATION', 'admin.categories.error.unknownParent');
      cursor = parent.parentId;
    }
  }
}

export async function createCategory({ db, actor }: StaffDeps, input: z.output<typeof ZCategoryInput>) {
  return db.$transaction(async (tx) => {
    await assertUniqueCode(tx.complaintCategory.findUnique({ where: { code: input.code }, select: { id: true } }));
    await assertCategoryLinks(tx, input);
    const category = await tx.complaintCategory.create({ data: input });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'category.create',
      entityType: 'ComplaintCategory',
      entityId: category.id,
      after: input,
    });
    return category;
  });
}

export async function updateCategory({ db, actor }: StaffDeps, { id, ...input }: z.output<typeof ZUpdateCategoryInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.complaintCategory.findUnique({ where: { id } });
    if (!before) throw notFound();
    await assertUniqueCode(tx.complaintCategory.findUnique({ where: { code: input.code }, select: { id: true } }), id);
    await assertCategoryLinks(tx, input, id);
    // Cases already filed keep the department and deadlines they were given; the change routes new cases.
    const category = await tx.complaintCategory.update({ where: { id }, data: input });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'category.update',
      entityType: 'ComplaintCategory',
      entityId: id,
      before,
      after: category,
    });
    return category;
  });
}

export async function setCategoryActive({ db, actor }: StaffDeps, input: z.output<typeof ZSetActiveInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.complaintCategory.findUnique({ where: { id: input.id }, select: { active: true } });
    if (!before) throw notFound();
    await tx.complaintCategory.update({ where: { id: input.id }, data: { active: input.active } });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: input.active ? 'category.restore' : 'category.retire',
      entityType: 'ComplaintCategory',
      entityId: input.id,
      before,
      after: { active: input.active },
    });
    return { id: input.id, active: input.active };
  });
}
