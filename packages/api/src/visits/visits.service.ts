import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { fileTypeFromBuffer } from 'file-type';
import { hasPermission } from '@tobacco/auth/permissions';
import { Prisma } from '@tobacco/db/client';
import type { StaffActor } from '../actor';
import { writeAudit } from '../admin/audit';
import { getSetting } from '../admin/settings.service';
import { cleanFileName } from '../complaints/complaints.attachments';
import type { TUpload } from '../complaints/complaints.schema';
import { attachmentStorage, type AttachmentStorage } from '../complaints/complaints.storage';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { retailerScope } from '../retailers/retailers.scope';
import { addDays, chinaDate, mondayOf } from '../schedule/calendar.rules';
import {
  MAX_VISIT_PHOTOS,
  VISIT_PAGE_SIZE,
  type ZLogVisitInput,
  type ZPlanVisitInput,
  type ZVisitCompletionInput,
  type ZVisitsDueInput,
} from './visits.schema';
import { isOverdue, monthOf, visitsDue } from './visits.rules';

// The account manager's visit workbench: what is due this month by the frequency matrix, the week's plan,
// and the visit log with photos. Every write opens the shop through retailerScope (another manager's shop
// is NOT_FOUND); photos are checked by their bytes and kept in the attachment storage of complaints.

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif']);

function assertMayVisit(actor: StaffActor) {
  if (!hasPermission(actor.roles, 'visits.log')) throw new DomainError('FORBIDDEN');
}

async function openShop(deps: StaffDeps, retailerId: number) {
  const shop = await deps.db.retailer.findFirst({
    where: { AND: [{ id: retailerId }, retailerScope(deps.actor)] },
    select: { id: true, shopName: true },
  });
  if (!shop) throw notFound();
  return shop;
}

/**
 * One row per active shop (of one account manager, or of all): the matrix's visits a month for its grade
 * band and integrity level, visits logged this month (China dates) and visits still planned. The matrix
 * goes into the query as a table, so every screen counts in one statement.
 */
export async function shopVisitsSql(
  db: StaffDeps['db'],
  accountManagerId: number | null,
  month: { from: string; to: string },
  today: string,
): Promise<Prisma.Sql> {
  const matrix = await getSetting(db, 'visits.frequencyMatrix');
  const bands = JSON.stringify(matrix.map((b) => ({ from: b.gradeFrom, to: b.gradeTo, ...b.perMonth })));
  return Prisma.sql`
    bands AS (SELECT * FROM jsonb_to_recordset(${bands}::jsonb) AS b("from" int, "to" int, "AAA" int, "AA" int, "A" int, "B" int, "C" int, "D" int)),
    shop_visits AS (
      SELECT r.id, r."shopName", r."licenceNo", r.address, r.grade, r."integrityLevel"::text AS integrity, r."accountManagerId", r."districtId",
             coalesce((SELECT CASE r."integrityLevel" WHEN 'AAA' THEN b."AAA" WHEN 'AA' THEN b."AA" WHEN 'A' THEN b."A" WHEN 'B' THEN b."B" WHEN 'C' THEN b."C" ELSE b."D" END
                       FROM bands b WHERE coalesce(r.grade, 1) BETWEEN b."from" AND b."to" LIMIT 1), 0) AS per_month,
             (SELECT count(*) FROM "Visit" v WHERE v."retailerId" = r.id
                AND v."visitedAt" >= (${month.from}::date - interval '8 hours') AND v."visitedAt" < (${month.to}::date + 1 - interval '8 hours'))::int AS done,
             (SELECT count(*) FROM "Visit" v WHERE v."retailerId" = r.id AND v."visitedAt" IS NULL AND v."plannedFor" BETWEEN ${today}::date AND ${month.to}::date)::int AS planned
      FROM "Retailer" r
      WHERE r.status = 'ACTIVE' AND (${accountManagerId}::int IS NULL AND r."accountManagerId" IS NOT NULL OR r."accountManagerId" = ${accountManagerId}::int))`;
}

type DueRow = {
  id: number;
  shop_name: string;
  licence_no: string;
  address: string;
  grade: number | null;
  integrity: string;
  per_month: number;
  done: number;
  planned: number;
  total: number;
};

/**
 * This month's visits per shop of mine: the matrix's visits a month for its grade band and integrity, the
 * visits logged this month (China dates) and those still planned; shops with visits still due first.
 * One query: the matrix goes in as a table.
 */
export async function listVisitsDue({ db, actor, clock }: StaffDeps, input: z.output<typeof ZVisitsDueInput>) {
  assertMayVisit(actor);
  const today = chinaDate(clock());
  const month = monthOf(today);
  const rows = await db.$queryRaw<DueRow[]>`
    WITH ${await shopVisitsSql(db, actor.userId, month, today)}
    SELECT id, "shopName" AS shop_name, "licenceNo" AS licence_no, address, grade, integrity, per_month, done, planned, (count(*) OVER ())::int AS total
    FROM shop_visits
    ORDER BY greatest(per_month - done, 0) DESC, "shopName", id
    LIMIT ${VISIT_PAGE_SIZE} OFFSET ${(input.page - 1) * VISIT_PAGE_SIZE}`;
  const total = rows[0]?.total ?? 0;
  return {
    month,
    items: rows.map((r) => ({
      retailerId: r.id,
      shopName: r.shop_name,
      licenceNo: r.licence_no,
      address: r.address,
      grade: r.grade,
      integrity: r.integrity,
      perMonth: r.per_month,
      done: r.done,
      planned: r.planned,
      due: visitsDue(r.per_month, r.done),
      overdue: isOverdue(r.per_month, r.done, today),
    })),
    total,
    page: input.page,
    pages: Math.max(1, Math.ceil(total / VISIT_PAGE_SIZE)),
  };
}

/** My plan for the week (Monday–Sunday of today), and planned visits whose day has passed unvisited. */
export async function listWeekPlan({ db, actor, clock }: StaffDeps) {
  assertMayVisit(actor);
  const today = chinaDate(clock());
  const monday = mondayOf(today);
  const sunday = addDays(monday, 6);
  const select = {
    id: true,
    plannedFor: true,
    purpose: true,
    retailer: { select: { id: true, shopName: true, address: true } },
  } satisfies Prisma.VisitSelect;
  const [week, overdue] = await Promise.all([
    db.visit.findMany({
      where: {
        staffId: actor.userId,
        visitedAt: null,
        plannedFor: { gte: new Date(`${monday}T00:00:00Z`), lte: new Date(`${sunday}T00:00:00Z`) },
      },
      orderBy: [{ plannedFor: 'asc' }, { id: 'asc' }],
      take: 100,
      select,
    }),
    db.visit.findMany({
      where: { staffId: actor.userId, visitedAt: null, plannedFor: { lt: new Date(`${today}T00:00:00Z`) } },
      orderBy: [{ plannedFor: 'asc' }, { id: 'asc' }],
      take: 50,
      select,
    }),
  ]);
  return { from: monday, to: sunday, today, week, overdue };
}

export async function planVisit(deps: StaffDeps, input: z.output<typeof ZPlanVisitInput>) {
  assertMayVisit(deps.actor);
  const shop = await openShop(deps, input.retailerId);
  if (input.plannedFor < chinaDate(deps.clock())) throw new DomainError('VALIDATION', 'visits.error.pastDate');
  return deps.db.visit.create({
    data: {
      retailerId: shop.id,
      staffId: deps.actor.userId,
      plannedFor: new Date(`${input.plannedFor}T00:00:00Z`),
      purpose: input.purpose,
    },
    select: { id: true, plannedFor: true, purpose: true },
  });
}

type CheckedPhoto = { fileName: string; mimeType: string; ext: string; bytes: Uint8Array };

/** Photos only: checked by what the bytes are (a PDF or a renamed file is refused), within the size limit. */
export async function checkPhotos(files: readonly TUpload[], maxMegabytes: number): Promise<CheckedPhoto[]> {
  if (files.length > MAX_VISIT_PHOTOS) throw new DomainError('VALIDATION', 'visits.validation.tooManyPhotos');
  const out: CheckedPhoto[] = [];
  for (const file of files) {
    if (file.bytes.byteLength === 0 || file.bytes.byteLength > maxMegabytes * 1024 * 1024)
      throw new DomainError('VALIDATION', 'visits.error.photoSize', { name: file.fileName, max: maxMegabytes });
    const type = await fileTypeFromBuffer(file.bytes);
    if (!type || !IMAGE_TYPES.has(type.mime)) throw new DomainError('VALIDATION', 'visits.error.notAnImage', { name: file.fileName });
    out.push({ fileName: cleanFileName(file.fileName, type.ext), mimeType: type.mime, ext: type.ext, bytes: file.bytes });
  }
  return out;
}

/**
 * Logs a visit (or completes a planned one of mine): purpose, findings, market information, optional
 * position and photos. Bad input changes nothing: photos are checked before anything is stored.
 */
export async function logVisit(deps: StaffDeps & { storage?: AttachmentStorage }, input: z.output<typeof ZLogVisitInput>) {
  const { db, actor, clock } = deps;
  assertMayVisit(actor);
  const shop = await openShop(deps, input.retailerId);
  const planned = input.visitId
    ? await db.visit.findFirst({
        where: { id: input.visitId, retailerId: shop.id, staffId: actor.userId, visitedAt: null },
        select: { id: true },
      })
    : null;
  if (input.visitId && !planned) throw notFound();
  const photos = await checkPhotos(input.photos, await getSetting(db, 'complaints.attachmentMaxMegabytes'));
  const now = clock();
  const storage = deps.storage ?? attachmentStorage();
  const stored = photos.map((photo) => ({ ...photo, key: `visits/${now.toISOString().slice(0, 7)}/${randomUUID()}.${photo.ext}` }));
  for (const photo of stored) await storage.put(photo.key, photo.bytes, photo.mimeType);
  const marketInfo =
    input.competitorPrices || input.scarceStock
      ? { competitorPrices: input.competitorPrices ?? null, scarceStock: input.scarceStock ?? null }
      : Prisma.DbNull;
  const data = {
    visitedAt: now,
    purpose: input.purpose,
    findings: input.findings ?? null,
    note: input.findings ?? null,
    marketInfo,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
  };
  try {
    return await db.$transaction(async (tx) => {
      const visit = planned
        ? await tx.visit.update({ where: { id: planned.id }, data, select: { id: true } })
        : await tx.visit.create({ data: { ...data, retailerId: shop.id, staffId: actor.userId }, select: { id: true } });
      if (stored.length > 0) {
        await tx.visitPhoto.createMany({
          data: stored.map((p) => ({
            visitId: visit.id,
            fileName: p.fileName,
            mimeType: p.mimeType,
            sizeBytes: p.bytes.byteLength,
            storageKey: p.key,
            createdAt: now,
          })),
        });
      }
      await writeAudit(tx, {
        actorStaffId: actor.userId,
        action: 'visit.log',
        entityType: 'Visit',
        entityId: visit.id,
        after: { retailerId: shop.id, purpose: input.purpose, photos: stored.length },
      });
      return { id: visit.id, photos: stored.length };
    });
  } catch (error) {
    // Nothing refers to the bytes of a visit that was not saved.
    await Promise.all(stored.map((p) => storage.delete(p.key).catch(() => undefined)));
    throw error;
  }
}

/** A visit photo's bytes, for the download route: only for those who may see the shop. */
export async function getVisitPhoto(deps: StaffDeps & { storage?: AttachmentStorage }, input: { id: number }) {
  const photo = await deps.db.visitPhoto.findFirst({
    where: { id: input.id, visit: { retailer: retailerScope(deps.actor) } },
    select: { fileName: true, mimeType: true, storageKey: true },
  });
  if (!photo) throw notFound();
  const bytes = await (deps.storage ?? attachmentStorage()).get(photo.storageKey);
  if (!bytes) throw notFound();
  return { fileName: photo.fileName, mimeType: photo.mimeType, bytes };
}

/** The visits of one shop with their photos (for the 360 page), newest first. */
export async function listShopVisits(deps: StaffDeps, input: { retailerId: number }) {
  const shop = await openShop(deps, input.retailerId);
  return deps.db.visit.findMany({
    where: { retailerId: shop.id, visitedAt: { not: null } },
    orderBy: [{ visitedAt: 'desc' }, { id: 'desc' }],
    take: 10,
    select: {
      id: true,
      visitedAt: true,
      purpose: true,
      findings: true,
      marketInfo: true,
      latitude: true,
      longitude: true,
      staff: { select: { name: true } },
      photos: { select: { id: true, fileName: true } },
    },
  });
}

type CompletionRow = {
  staff_id: number;
  staff: string;
  district_id: number | null;
  district: string | null;
  district_en: string | null;
  shops: number;
  required: number;
  done: number;
};

/**
 * Plan completion for managers: per account manager and district, the visits the matrix asks for this
 * month and those logged (each shop's visits counted up to what it needs, so extra visits to one shop do
 * not hide another shop left unvisited).
 */
export async function visitCompletion({ db, actor, clock }: StaffDeps, input: z.output<typeof ZVisitCompletionInput>) {
  if (!hasPermission(actor.roles, 'visits.readAll')) throw new DomainError('FORBIDDEN');
  const today = chinaDate(clock());
  const month = monthOf(input.month ? `${input.month}-01` : today);
  const rows = await db.$queryRaw<CompletionRow[]>`
    WITH ${await shopVisitsSql(db, null, month, today)}
    SELECT s."accountManagerId" AS staff_id, u.name AS staff, s."districtId" AS district_id, d.name AS district, d."nameEn" AS district_en,
           count(*)::int AS shops, sum(s.per_month)::int AS required, sum(least(s.done, s.per_month))::int AS done
    FROM shop_visits s JOIN "StaffUser" u ON u.id = s."accountManagerId" LEFT JOIN "District" d ON d.id = s."districtId"
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY u.name, d.name`;
  return {
    month,
    rows: rows.map((r) => ({
      staffId: r.staff_id,
      staff: r.staff,
      districtId: r.district_id,
      district: r.district,
      districtEn: r.district_en,
      shops: r.shops,
      required: r.required,
      done: r.done,
    })),
  };
}

/** What the visit form shows: the shop (mine, else NOT_FOUND) and the planned visit it completes, if any. */
export async function getVisitFormContext(deps: StaffDeps, input: { retailerId: number; visitId?: number }) {
  assertMayVisit(deps.actor);
  const shop = await deps.db.retailer.findFirst({
    where: { AND: [{ id: input.retailerId }, retailerScope(deps.actor)] },
    select: { id: true, shopName: true, licenceNo: true, address: true },
  });
  if (!shop) throw notFound();
  const planned = input.visitId
    ? await deps.db.visit.findFirst({
        where: { id: input.visitId, retailerId: shop.id, staffId: deps.actor.userId, visitedAt: null },
        select: { id: true, purpose: true, plannedFor: true },
      })
    : null;
  if (input.visitId && !planned) throw notFound();
  return { shop, planned };
}
